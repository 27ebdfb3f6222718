// One Terraform module (a folder): its declarations, the values its variables and locals take,
// and the instances of its resources (count / for_each expanded), evaluated on demand.
import type { SourceRange } from '../../core/model';
import type { Attribute, Block, Body, ParsedFile } from './ast';
import { EvaluationBudget } from '../budget';
import { Evaluator, Namespace, markResourceInstance, type Scope } from './evaluate';
import { inlineSubnetId, syntheticId } from './ids';
import { Unknown, asNumber, failure, isObject, type ObjectValue, type Value } from './values';

export interface ResourceDeclaration {
  type: string;
  name: string;
  block: Block;
  path: string;
}

export interface ResourceInstance {
  declaration: ResourceDeclaration;
  /** `azurerm_subnet.bastion`, `azurerm_network_security_rule.rules["ssh"]`. */
  address: string;
  scope: Scope;
  value: ObjectValue;
}

/** Where a nested block (or a dynamic block's expansion) came from, for origins. */
export interface BlockValue {
  value: ObjectValue;
  range: SourceRange;
}

const EMPTY_SCOPE: Scope = new Map();
const blockRanges = new WeakMap<ObjectValue, SourceRange>();

export function rangeOfBlockValue(value: Value): SourceRange | undefined {
  return isObject(value) ? blockRanges.get(value) : undefined;
}

function addressKey(key: string | number): string {
  return typeof key === 'number' ? `[${key}]` : `["${key}"]`;
}

/** A `module "name" {}` block: the module it calls is not read here. */
export interface ModuleCall {
  name: string;
  block: Block;
  path: string;
  /** The `source` argument, when it is a known string. */
  source?: string;
}

export class TerraformModule {
  readonly resources: ResourceDeclaration[] = [];
  readonly moduleCalls: ModuleCall[] = [];
  /** `type`, `name` to the first declaration, so a reference costs no search through every resource. */
  private readonly resourcesByAddress = new Map<string, ResourceDeclaration>();
  private readonly variables = new Map<string, Block>();
  private readonly locals = new Map<string, Attribute>();
  private readonly resourceTypes = new Set<string>();
  private readonly dataSources = new Set<string>();
  private readonly modules = new Map<string, Block>();
  private readonly variableOverrides = new Map<string, { value: Value; path: string }>();
  private readonly localValues = new Map<string, Value>();
  private readonly instanceCache = new Map<ResourceDeclaration, ResourceInstance[] | Unknown>();
  private readonly inProgress = new Set<string>();
  /** Values, depth and instances of this module's evaluation. */
  readonly budget = new EvaluationBudget();
  readonly evaluator = new Evaluator((name) => this.root(name), this.budget);

  /** `tfvars` in precedence order: later files override earlier ones. */
  constructor(configFiles: ParsedFile[], tfvars: ParsedFile[]) {
    for (const file of configFiles) this.declare(file);
    for (const file of tfvars) {
      for (const attribute of file.body.attributes.values()) {
        this.variableOverrides.set(attribute.name, { value: this.evaluator.evaluate(attribute.value, EMPTY_SCOPE), path: file.path });
      }
    }
  }

  private declare(file: ParsedFile): void {
    for (const block of file.body.blocks) {
      const [first, second] = block.labels;
      if (block.type === 'resource' && first && second) this.addResource({ type: first, name: second, block, path: file.path });
      else if (block.type === 'data' && first && second) this.dataSources.add(`${first}.${second}`);
      else if (block.type === 'variable' && first) this.variables.set(first, block);
      else if (block.type === 'module' && first) this.addModuleCall(first, block, file.path);
      else if (block.type === 'locals') for (const attribute of block.body.attributes.values()) this.locals.set(attribute.name, attribute);
    }
  }

  private addModuleCall(name: string, block: Block, path: string): void {
    if (!this.modules.has(name)) this.modules.set(name, block);
    const attribute = block.body.attributes.get('source');
    const source = attribute ? this.evaluator.evaluate(attribute.value, EMPTY_SCOPE) : undefined;
    this.moduleCalls.push({ name, block, path, source: typeof source === 'string' ? source : undefined });
  }

  private addResource(declaration: ResourceDeclaration): void {
    this.resources.push(declaration);
    const address = `${declaration.type}\0${declaration.name}`;
    if (!this.resourcesByAddress.has(address)) this.resourcesByAddress.set(address, declaration);
    this.resourceTypes.add(declaration.type);
  }

  evaluate(expr: Attribute['value'], scope: Scope): Value {
    return this.evaluator.evaluate(expr, scope);
  }

  private root(name: string): Value | Namespace {
    switch (name) {
      case 'var':
        return new Namespace('var', (member) => this.variable(member));
      case 'local':
        return new Namespace('local', (member) => this.local(member));
      case 'data':
        return new Namespace('data', (type) => new Namespace(`data.${type}`, (member) => this.dataSource(type, member)));
      case 'module':
        return new Namespace('module', (member) => this.moduleOutput(member));
      case 'path':
      case 'terraform':
        return new Namespace(name, (member) => new Unknown(`${name}.${member} is not evaluated by Bastion Doctor`));
      case 'each':
      case 'count':
      case 'self':
        return failure(`'${name}' is used outside a resource that defines it`);
      default:
        return this.resourceTypes.has(name)
          ? new Namespace(name, (member) => this.resourceReference(name, member))
          : failure(`'${name}' is not declared in this module`);
    }
  }

  variable(name: string): Value {
    const override = this.variableOverrides.get(name);
    if (override) return override.value;
    const block = this.variables.get(name);
    if (!block) return failure(`variable '${name}' is not declared`);
    const fallback = block.body.attributes.get('default');
    if (!fallback) return new Unknown(`variable '${name}' has no default; terraform.tfvars would decide it`);
    return this.evaluator.evaluate(fallback.value, EMPTY_SCOPE);
  }

  private local(name: string): Value {
    const cached = this.localValues.get(name);
    if (cached !== undefined) return cached;
    const attribute = this.locals.get(name);
    if (!attribute) return failure(`local '${name}' is not declared`);
    const guard = `local.${name}`;
    if (this.inProgress.has(guard)) return failure(`local '${name}' refers to itself`);
    this.inProgress.add(guard);
    try {
      const value = this.evaluator.evaluate(attribute.value, EMPTY_SCOPE);
      this.localValues.set(name, value);
      return value;
    } finally {
      this.inProgress.delete(guard);
    }
  }

  private dataSource(type: string, name: string): Value {
    if (!this.dataSources.has(`${type}.${name}`)) return failure(`data source 'data.${type}.${name}' is not declared`);
    return new Unknown(`data source 'data.${type}.${name}' is read from Azure at plan time`);
  }

  private moduleOutput(name: string): Value {
    const block = this.modules.get(name);
    if (!block) return failure(`module '${name}' is not declared`);
    const source = block.body.attributes.get('source');
    const sourceText = source?.value.kind === 'literal' ? ` (source "${String(source.value.value)}")` : '';
    return new Unknown(`module '${name}'${sourceText} is not evaluated; its outputs are unknown`);
  }

  private resourceReference(type: string, name: string): Value {
    const declaration = this.resourcesByAddress.get(`${type}\0${name}`);
    if (!declaration) return failure(`resource '${type}.${name}' is not declared`);
    const instances = this.instances(declaration);
    if (instances instanceof Unknown) return instances;
    const attributes = declaration.block.body.attributes;
    if (attributes.has('count')) return instances.map((instance) => instance.value);
    if (attributes.has('for_each')) {
      const byKey: ObjectValue = {};
      for (const instance of instances) byKey[String((instance.scope.get('each') as ObjectValue).key)] = instance.value;
      return byKey;
    }
    return instances[0]?.value ?? failure(`resource '${type}.${name}' has no instance`);
  }

  /** Every instance of a resource, or why the set of instances is not known. */
  instances(declaration: ResourceDeclaration): ResourceInstance[] | Unknown {
    const cached = this.instanceCache.get(declaration);
    if (cached) return cached;
    const base = `${declaration.type}.${declaration.name}`;
    if (this.inProgress.has(base)) return failure(`${base} refers to itself`);
    this.inProgress.add(base);
    try {
      const scopes = this.instanceScopes(declaration, base);
      const result = scopes instanceof Unknown
        ? scopes
        : scopes.map(({ suffix, scope }) => this.materialize(declaration, `${base}${suffix}`, scope));
      this.instanceCache.set(declaration, result);
      return result;
    } finally {
      this.inProgress.delete(base);
    }
  }

  private instanceScopes(declaration: ResourceDeclaration, base: string): { suffix: string; scope: Scope }[] | Unknown {
    const attributes = declaration.block.body.attributes;
    const count = attributes.get('count');
    const forEach = attributes.get('for_each');
    if (count) {
      const n = asNumber(this.evaluator.evaluate(count.value, EMPTY_SCOPE));
      if (n instanceof Unknown) return new Unknown(`count of ${base} is not known: ${n.reason}`);
      const length = Math.max(0, Math.min(Math.trunc(n), 1000));
      const overBudget = this.budget.instances(length);
      if (overBudget) return new Unknown(`count of ${base} was not expanded: ${overBudget}`);
      return Array.from({ length }, (_, index) => ({
        suffix: addressKey(index),
        scope: new Map([['count', { index }]]),
      }));
    }
    if (forEach) {
      const entries = forEachEntries(this.evaluator.evaluate(forEach.value, EMPTY_SCOPE));
      if (entries instanceof Unknown) return new Unknown(`for_each of ${base} is not known: ${entries.reason}`);
      const overBudget = this.budget.instances(entries.length);
      if (overBudget) return new Unknown(`for_each of ${base} was not expanded: ${overBudget}`);
      return entries.map(([key, value]) => ({ suffix: addressKey(key), scope: new Map([['each', { key, value }]]) }));
    }
    return [{ suffix: '', scope: EMPTY_SCOPE }];
  }

  private materialize(declaration: ResourceDeclaration, address: string, scope: Scope): ResourceInstance {
    const value = this.bodyValue(declaration.block.body, scope, new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle']));
    value.id = syntheticId(declaration.type, value, address);
    if (declaration.type === 'azurerm_virtual_network' && Array.isArray(value.subnet)) {
      for (const subnet of value.subnet) {
        const id = inlineSubnetId(value.id, subnet);
        if (id && isObject(subnet)) subnet.id = id;
      }
    }
    markResourceInstance(value, address);
    return { declaration, address, scope, value };
  }

  /** A body as an object: attributes by name, nested blocks (dynamic ones expanded) as lists by type. */
  bodyValue(body: Body, scope: Scope, skip: ReadonlySet<string> = new Set()): ObjectValue {
    const object: ObjectValue = {};
    for (const attribute of body.attributes.values()) {
      if (!skip.has(attribute.name)) object[attribute.name] = this.evaluator.evaluate(attribute.value, scope);
    }
    for (const block of body.blocks) {
      if (skip.has(block.type)) continue;
      const expanded = block.type === 'dynamic' ? this.expandDynamic(block, scope) : [this.blockValue(block, block.body, scope)];
      const type = block.type === 'dynamic' ? block.labels[0] ?? '' : block.type;
      const existing = object[type];
      const list = Array.isArray(existing) ? existing : [];
      if (expanded instanceof Unknown) list.push(expanded);
      else list.push(...expanded);
      object[type] = list;
    }
    return object;
  }

  private blockValue(block: Block, body: Body, scope: Scope): ObjectValue {
    const value = this.bodyValue(body, scope);
    blockRanges.set(value, block.range);
    return value;
  }

  private expandDynamic(block: Block, scope: Scope): ObjectValue[] | Unknown {
    const label = block.labels[0] ?? 'dynamic';
    const forEach = block.body.attributes.get('for_each');
    const content = block.body.blocks.find((b) => b.type === 'content');
    if (!forEach || !content) return failure(`dynamic "${label}" needs for_each and content`);
    const iteratorExpr = block.body.attributes.get('iterator')?.value;
    const iterator = iteratorExpr?.kind === 'variable' ? iteratorExpr.name : label;
    const entries = forEachEntries(this.evaluator.evaluate(forEach.value, scope));
    if (entries instanceof Unknown) return new Unknown(`dynamic "${label}" for_each is not known: ${entries.reason}`);
    return entries.map(([key, value]) => {
      const inner = new Map(scope);
      inner.set(iterator, { key, value });
      return this.blockValue(block, content.body, inner);
    });
  }
}

/** for_each over a map (keys sorted, as Terraform orders them), a set or list of strings. */
function forEachEntries(collection: Value): [string | number, Value][] | Unknown {
  if (collection instanceof Unknown) return collection;
  if (isObject(collection)) return Object.keys(collection).sort().map((key) => [key, collection[key]]);
  if (Array.isArray(collection)) {
    const entries: [string | number, Value][] = [];
    for (const [index, item] of collection.entries()) {
      if (item instanceof Unknown) return item;
      entries.push([typeof item === 'string' ? item : index, item]);
    }
    return entries;
  }
  if (collection === null) return [];
  return failure('for_each needs a map or a set');
}
