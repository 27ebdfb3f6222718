// Resource declarations as symbols: their instances (loops, conditions, nesting), identities
// built the way ARM builds ids, and lazily evaluated bodies.
import type { UnresolvedField } from '../../../core/model';
import { buildResourceId, resourceGroupScopeId } from '../../arm/armIds';
import { TEMPLATE_DEPLOYMENT_SCOPE } from '../../arm/armTemplateSource';
import { keyOf } from '../../arm/expression/value';
import { fieldOf, inlineChildArrays } from '../../arm/inlineChildren';
import type { Expression, ObjectExpression, ResourceDeclaration } from '../syntax/ast';
import type { ValueOrigins } from './origins';
import { evaluate, evaluateFor, evaluateObject, evaluateValue, type EvaluationScope, type Locals } from './expressions';
import {
  isHandle,
  isPlainObject,
  isUnresolved,
  unresolved,
  type Evaluated,
  type ResourceHandle,
  type ResourceIdentity,
  type TemplateValue,
  Unresolved,
} from './values';

const GROUP_SCOPE = resourceGroupScopeId(TEMPLATE_DEPLOYMENT_SCOPE.subscriptionId, TEMPLATE_DEPLOYMENT_SCOPE.resourceGroupName);

export interface InstanceList {
  items: ResourceInstance[];
  /** Set when a loop's source is unknown: the instances cannot be listed. */
  unknown?: Unresolved;
}

export class ResourceSymbol {
  readonly nested = new Map<string, ResourceSymbol>();
  private listed: InstanceList | undefined;
  private listing = false;
  private undeployed: ResourceInstance | undefined;

  constructor(
    readonly declaration: ResourceDeclaration,
    readonly scope: EvaluationScope,
    readonly parent?: ResourceSymbol,
  ) {
    const body = unwrapBody(declaration.value);
    for (const child of body?.resources ?? []) this.nested.set(child.name, new ResourceSymbol(child, scope, this));
  }

  get isLoop(): boolean {
    return this.declaration.value.kind === 'for' || (this.parent?.isLoop ?? false);
  }

  instances(): InstanceList {
    if (this.listed) return this.listed;
    if (this.listing) return { items: [], unknown: unresolved(`resource '${this.declaration.name}' refers to itself`) };
    this.listing = true;
    try {
      this.listed = this.list();
      return this.listed;
    } finally {
      this.listing = false;
    }
  }

  /** What the symbol's name evaluates to: one instance, or the loop's collection. */
  asEvaluated(parent?: ResourceInstance): Evaluated {
    const list = this.instances();
    const items = parent ? list.items.filter((i) => i.parentInstance === parent) : list.items;
    if (this.declaration.value.kind !== 'for' && (!this.parent?.isLoop || parent)) {
      return items[0] ?? this.notDeployed(parent);
    }
    return { handle: 'collection', items, unknown: list.unknown };
  }

  /**
   * A resource whose condition is false still has its id: Bicep compiles `subnet.id` to
   * resourceId(), which needs no deployment. Everything else about it is unknown, and it is not emitted.
   */
  private notDeployed(parent: ResourceInstance | undefined): ResourceInstance {
    if (!parent && this.undeployed) return this.undeployed;
    const enclosing = parent ?? (this.parent ? this.parent.asEvaluated() : undefined);
    const parentInstance = enclosing instanceof ResourceInstance ? enclosing : undefined;
    const body = unwrapBody(this.declaration.value) ?? this.declaration.value;
    const reason = unresolved(`resource '${this.declaration.name}' is not deployed (its condition is false); only its id, name and type are known`);
    const instance = new ResourceInstance(this, body, parentInstance?.locals ?? new Map(), parentInstance, [], reason);
    if (!parent) this.undeployed = instance;
    return instance;
  }

  /** One instance standing for a top-level loop whose items are unknown: its loop variables are unknown too. */
  loopStandIn(unknown: Unresolved): ResourceInstance | undefined {
    const value = this.declaration.value;
    if (value.kind !== 'for' || this.parent) return undefined;
    const locals = new Map<string, TemplateValue>();
    if (value.itemName) locals.set(value.itemName, unknown);
    if (value.indexName) locals.set(value.indexName, unknown);
    return new ResourceInstance(this, unwrapBody(value.body) ?? value.body, locals, undefined, []);
  }

  private list(): InstanceList {
    const parents: (ResourceInstance | undefined)[] = this.parent ? this.parent.instances().items : [undefined];
    const items: ResourceInstance[] = [];
    let unknown: Unresolved | undefined = this.parent?.instances().unknown;
    for (const parentInstance of parents) {
      const locals: Locals = parentInstance?.locals ?? new Map();
      const inherited = parentInstance?.conditions ?? [];
      const value = this.declaration.value;
      if (value.kind === 'for') {
        const made = evaluateFor(value, this.scope, locals, (body, itemLocals, filterUnknown) =>
          this.instance(body, itemLocals, parentInstance, conditionFields(inherited, filterUnknown)),
        );
        if (isUnresolved(made)) unknown = made;
        else items.push(...made.filter((i): i is ResourceInstance => i !== undefined));
      } else {
        const made = this.instance(value, locals, parentInstance, inherited);
        if (made) items.push(made);
      }
    }
    return { items, unknown };
  }

  private instance(value: Expression, locals: Locals, parentInstance: ResourceInstance | undefined, conditions: UnresolvedField[]): ResourceInstance | undefined {
    if (value.kind !== 'if') return new ResourceInstance(this, value, locals, parentInstance, conditions);
    const condition = evaluateValue(value.condition, this.scope, locals);
    if (condition === false) return undefined;
    const unknown = condition === true ? undefined : isUnresolved(condition) ? condition : unresolved(`the condition ${this.scope.sourceText(value.condition.range)} is not a boolean`);
    return new ResourceInstance(this, value.body, locals, parentInstance, conditionFields(conditions, unknown));
  }
}

function conditionFields(inherited: UnresolvedField[], unknown: Unresolved | undefined): UnresolvedField[] {
  if (!unknown) return inherited;
  return [...inherited, ...unknown.reasons.map((reason) => ({ field: 'condition', reason: `deployed only if its condition holds: ${reason}` }))];
}

export function unwrapBody(value: Expression): ObjectExpression | undefined {
  if (value.kind === 'object') return value;
  if (value.kind === 'if' || value.kind === 'for') return unwrapBody(value.body);
  return undefined;
}

export class ResourceInstance implements ResourceHandle {
  readonly handle = 'resource' as const;
  private known: ResourceIdentity | undefined;
  private evaluated: TemplateValue | undefined;
  private evaluating = false;

  constructor(
    readonly symbol: ResourceSymbol,
    readonly bodyExpression: Expression,
    readonly locals: Locals,
    readonly parentInstance: ResourceInstance | undefined,
    readonly conditions: UnresolvedField[],
    /** Set when the condition is false: why the body is unknown. */
    private readonly notDeployed?: Unresolved,
  ) {}

  get existing(): boolean {
    return this.symbol.declaration.existing;
  }

  identity(): ResourceIdentity {
    this.known ??= this.computeIdentity();
    return this.known;
  }

  body(): TemplateValue {
    if (this.notDeployed) return this.notDeployed;
    if (this.evaluated !== undefined) return this.evaluated;
    if (this.evaluating) return unresolved(`resource '${this.symbol.declaration.name}' refers to itself`);
    this.evaluating = true;
    try {
      const expression = this.bodyExpression;
      const body = expression.kind === 'object' ? evaluateObject(expression, this.symbol.scope, this.locals) : evaluateValue(expression, this.symbol.scope, this.locals);
      this.evaluated = withInlineChildIds(body, this.identity().id, this.symbol.scope.origins);
      return this.evaluated;
    } finally {
      this.evaluating = false;
    }
  }

  nested(name: string): Evaluated {
    const child = this.symbol.nested.get(name);
    return child ? child.asEvaluated(this) : unresolved(`'${this.symbol.declaration.name}' declares no nested resource '${name}'`);
  }

  private property(name: string): Evaluated | undefined {
    const body = this.bodyExpression.kind === 'object' ? this.bodyExpression : undefined;
    const property = body?.properties.find((p) => p.key === name);
    return property ? evaluate(property.value, this.symbol.scope, this.locals) : undefined;
  }

  private computeIdentity(): ResourceIdentity {
    const declaration = this.symbol.declaration;
    const parentValue = this.parentInstance ?? this.property('parent');
    const parent = isHandle(parentValue) && parentValue.handle === 'resource' ? parentValue.identity() : undefined;
    const ownName = materializeName(this.property('name'));
    const nameText = typeof ownName === 'string' ? ownName : (isUnresolved(ownName) && ownName.symbol) || `\${${declaration.name}.name}`;
    const declaredType = declaration.type;
    const type = parent && !declaredType.includes('/') ? `${parent.type}/${declaredType}` : declaredType;
    const name = parent ? `${parent.name}/${nameText}` : nameText;
    const apiVersion = declaration.apiVersion ?? parent?.apiVersion;
    const id = buildResourceId(parent ? parentScope(parent) : this.scopeId(), type, name.split('/'));
    return { id, name, ownName, type, ...(apiVersion ? { apiVersion } : {}) };
  }

  /** `scope: bastion` (an extension resource) or `scope: resourceGroup('other')`; by default the group. */
  private scopeId(): string {
    const scope = this.property('scope');
    if (isHandle(scope) && scope.handle === 'resource') return scope.identity().id;
    if (scope === undefined || isHandle(scope) || !isPlainObject(scope)) return GROUP_SCOPE;
    return typeof scope.id === 'string' ? scope.id : GROUP_SCOPE;
  }
}

/** Inline children get the ids a GET returns, so `vnet.properties.subnets[0].id` resolves. */
function withInlineChildIds(body: TemplateValue, resourceId: string, origins: ValueOrigins): TemplateValue {
  const arrays = inlineChildArrays(body);
  if (!isPlainObject(body) || arrays.length === 0) return body;
  const propertiesKey = arrays[0].path.split('.')[0];
  const original = body[propertiesKey];
  if (!isPlainObject(original)) return body;
  const properties = { ...original };
  origins.copy(original, properties);
  for (const { path, segment, items } of arrays) {
    properties[path.split('.')[1]] = items.map((item) => {
      const name = fieldOf(item, 'name');
      if (!isPlainObject(item) || typeof name !== 'string' || keyOf(item, 'id') !== undefined) return item;
      const copy = { ...item, id: `${resourceId}/${segment}/${name}` };
      origins.copy(item, copy);
      return copy;
    });
  }
  const copy = { ...body, [propertiesKey]: properties };
  origins.copy(body, copy);
  return copy;
}

function materializeName(value: Evaluated | undefined): TemplateValue {
  if (value === undefined) return unresolved('the resource has no name');
  if (isHandle(value)) return unresolved('the name is not a string');
  return value;
}

/** The scope part of a parent's id (everything before `/providers/`). */
function parentScope(parent: ResourceIdentity): string {
  const at = parent.id.toLowerCase().lastIndexOf('/providers/');
  return at === -1 ? GROUP_SCOPE : parent.id.slice(0, at);
}
