// What a Bicep expression evaluates to: a template value, or a symbolic reference to a resource
// or module (kept lazy so `nsg.id` never needs the NSG's whole body).
import { isPlainObject, isUnresolved, type TemplateValue, unresolved, Unresolved } from '../../arm/expression/value';

export { isPlainObject, isUnresolved, unresolved, Unresolved, type TemplateValue };

export interface ResourceIdentity {
  id: string;
  /** Full name (`vnet/subnet` for children). */
  name: string;
  /** The name as declared (the last segment); what `child.name` returns. */
  ownName: TemplateValue;
  type: string;
  apiVersion?: string;
}

/** One instance of a resource declaration (a loop gives several). */
export interface ResourceHandle {
  readonly handle: 'resource';
  identity(): ResourceIdentity;
  /** The evaluated body (name, location, properties, ...), materialised as a template value. */
  body(): TemplateValue;
  readonly existing: boolean;
  nested(name: string): Evaluated;
}

export interface ModuleHandle {
  readonly handle: 'module';
  output(name: string): TemplateValue;
}

/** A looped resource or module declaration: `nsgs[0].id`. */
export interface HandleCollection {
  readonly handle: 'collection';
  readonly items: readonly (ResourceHandle | ModuleHandle)[];
  /** Set when the loop's source is unresolved: what would decide it. */
  readonly unknown?: Unresolved;
}

/** `module.outputs`, read one output at a time. */
export interface ModuleOutputs {
  readonly handle: 'outputs';
  readonly module: ModuleHandle;
}

export type Handle = ResourceHandle | ModuleHandle | HandleCollection | ModuleOutputs;
export type Evaluated = TemplateValue | Handle;

export function isHandle(value: Evaluated | undefined): value is Handle {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnresolved(value) && 'handle' in value && typeof value.handle === 'string';
}

/** A handle used as a plain value (`subnet: vnet.properties.subnets[0]`, `dependsOn: [nsg]`). */
export function materialize(value: Evaluated): TemplateValue {
  if (!isHandle(value)) return value;
  switch (value.handle) {
    case 'resource': {
      const body = value.body();
      const { id, name, type, apiVersion } = value.identity();
      const identity: { [key: string]: TemplateValue } = { id, name, type };
      if (apiVersion) identity.apiVersion = apiVersion;
      return isPlainObject(body) ? { ...body, ...identity } : identity;
    }
    case 'module':
    case 'outputs':
      return unresolved('a module is only usable through its outputs');
    case 'collection':
      return value.unknown ?? value.items.map(materialize);
  }
}
