// ARM resource ids for template resources, built the way Azure builds them, in a placeholder scope.

/** Templates do not say where they deploy; every id uses this scope so references match. */
export const PLACEHOLDER_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';
export const PLACEHOLDER_RESOURCE_GROUP = 'template-rg';

export function resourceGroupScopeId(subscriptionId: string, resourceGroupName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`;
}

export function subscriptionScopeId(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`;
}

/**
 * `scope/providers/Microsoft.Network/virtualNetworks/vnet/subnets/sub` from a full type and its
 * name segments. A `providers` type segment (old-style extension resources such as
 * `Microsoft.Network/bastionHosts/providers/diagnosticSettings`) takes a namespace from the names.
 */
export function buildResourceId(scopeId: string, fullType: string, nameSegments: readonly string[]): string {
  const [namespace, ...types] = fullType.split('/');
  const names = [...nameSegments];
  let id = `${scopeId}/providers/${namespace}`;
  for (const type of types) {
    if (type.toLowerCase() === 'providers') {
      id += `/providers/${names.shift() ?? ''}`;
    } else {
      id += `/${type}/${names.shift() ?? ''}`;
    }
  }
  return names.length > 0 ? `${id}/${names.join('/')}` : id;
}

/** An extension resource's `scope` as a full id: a full id stays, a relative `Type/name` joins the group. */
export function extensionScopeId(scope: string, resourceGroupScope: string): string {
  if (scope.startsWith('/')) return scope.replace(/\/+$/, '');
  const segments = scope.split('/');
  const namespace = segments[0];
  const rest = segments.slice(1);
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  return buildResourceId(resourceGroupScope, [namespace, ...types].join('/'), names);
}
