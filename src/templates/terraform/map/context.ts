// What every resource mapper shares: the topology being built, the module, origins and problems.
import type { Origin, SourceRange, Topology } from '../../../core/model';
import { idKey } from '../../../core/resourceId';
import type { ResourceDeclaration, ResourceInstance, TerraformModule } from '../module';
import { rangeOfBlockValue } from '../module';
import { Unknown, type Value } from '../values';

export class MappingContext {
  constructor(readonly module: TerraformModule, readonly topology: Topology) {}

  originOf(declaration: ResourceDeclaration, range: SourceRange = declaration.block.range): Origin {
    return { kind: 'file', file: declaration.path, range };
  }

  /** A nested block's own origin (a security_rule, a subnet); the resource's when unknown. */
  blockOrigin(instance: ResourceInstance, block: Value): Origin {
    return this.originOf(instance.declaration, rangeOfBlockValue(block) ?? instance.declaration.block.range);
  }

  problem(instance: ResourceInstance | ResourceDeclaration, message: string): void {
    const declaration = 'declaration' in instance ? instance.declaration : instance;
    const resource = 'address' in instance ? instance.address : `${declaration.type}.${declaration.name}`;
    this.topology.problems.push({ resource, message, origin: this.originOf(declaration) });
  }

  /** Every instance of every resource of the given types, reporting those whose count/for_each is unknown. */
  instancesOf(...types: string[]): ResourceInstance[] {
    const out: ResourceInstance[] = [];
    for (const declaration of this.module.resources) {
      if (!types.includes(declaration.type)) continue;
      const instances = this.module.instances(declaration);
      if (instances instanceof Unknown) this.problem(declaration, instances.reason);
      else out.push(...instances);
    }
    return out;
  }
}

interface IdIndex {
  indexed: number;
  byKey: Map<string, unknown>;
}

/** Indexes of the topology's lists, extended as mappers append to them (lists only ever grow here). */
const indexes = new WeakMap<readonly { id: string }[], IdIndex>();

/** The first item with the id (ids compare case-insensitively), without a search per reference. */
export function findById<T extends { id: string }>(items: readonly T[], id: string | undefined): T | undefined {
  if (id === undefined) return undefined;
  let index = indexes.get(items);
  if (!index || index.indexed > items.length) {
    index = { indexed: 0, byKey: new Map() };
    indexes.set(items, index);
  }
  for (; index.indexed < items.length; index.indexed += 1) {
    const key = idKey(items[index.indexed].id);
    if (!index.byKey.has(key)) index.byKey.set(key, items[index.indexed]);
  }
  return index.byKey.get(idKey(id)) as T | undefined;
}

/**
 * The element name: the declared name, or the Terraform address when the name is not known or
 * empty (a module's `default = ""` for a name its caller sets), so messages always name something.
 */
export function nameOr(name: string | undefined, instance: ResourceInstance): string {
  return name === undefined || name === '' ? instance.address : name;
}
