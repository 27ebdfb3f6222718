// Resource ids for resources that carry none (template declarations), built the way ARM would
// minus the subscription and resource group, which a template does not know.
import { parseResourceId } from '../resourceId';
import { describeJsonType, type JsonObject } from './fields';

/**
 * `/providers/Microsoft.Network/virtualNetworks/hub/subnets/AzureBastionSubnet` from the type
 * `Microsoft.Network/virtualNetworks/subnets` and the name `hub/AzureBastionSubnet`. With a
 * `scope` (extension resources such as diagnostic settings) the id hangs below the scope.
 * Undefined when the name does not have one segment per type segment.
 */
export function syntheticResourceId(type: string, name: string, scope?: string): string | undefined {
  const [provider, ...types] = type.split('/').filter((s) => s.length > 0);
  const names = name.split('/').filter((s) => s.length > 0);
  if (provider === undefined || types.length === 0 || names.length !== types.length) return undefined;
  const path = types.map((t, i) => `${t}/${names[i]}`).join('/');
  const prefix = scope === undefined ? '' : scope.replace(/\/+$/, '');
  return `${prefix}/providers/${provider}/${path}`;
}

export type ResolvedIdentity =
  | { ok: true; id: string; name: string; type: string }
  | { ok: false; reason: string };

export function resolveIdentity(resource: JsonObject): ResolvedIdentity {
  const { id, name, type, scope } = resource;
  if (typeof type !== 'string' || type.trim() === '') {
    return { ok: false, reason: type === undefined ? 'has no "type"' : `has a "type" that is ${describeJsonType(type)}, not a string` };
  }
  if (typeof id === 'string' && id.trim() !== '') {
    return { ok: true, id, name: lastName(id, name), type };
  }
  if (typeof name !== 'string' || name.trim() === '') {
    return { ok: false, reason: 'has neither an "id" nor a "name"' };
  }
  const built = syntheticResourceId(type, name, typeof scope === 'string' ? scope : undefined);
  if (built === undefined) {
    return { ok: false, reason: `has no "id", and its name "${name}" does not match its type ${type}` };
  }
  return { ok: true, id: built, name: lastName(built, name), type };
}

function lastName(id: string, declaredName: unknown): string {
  const fromId = parseResourceId(id).name;
  if (fromId !== '') return fromId;
  return typeof declaredName === 'string' ? declaredName : id;
}
