// ARM resource ids are case-insensitive; every comparison goes through here.

export function idKey(id: string): string {
  // Called for every id comparison: trailing slashes are cut without a regular expression.
  const trimmed = id.trim();
  let end = trimmed.length;
  while (end > 0 && trimmed.charCodeAt(end - 1) === 0x2f) end -= 1;
  return (end === trimmed.length ? trimmed : trimmed.slice(0, end)).toLowerCase();
}

export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && idKey(a) === idKey(b);
}

export interface ParsedResourceId {
  subscriptionId?: string;
  resourceGroup?: string;
  /** e.g. Microsoft.Network */
  provider?: string;
  /** Type segments after the provider, e.g. ['virtualNetworks', 'subnets']. */
  types: string[];
  /** Name segments matching `types`, e.g. ['hub-vnet', 'AzureBastionSubnet']. */
  names: string[];
  /** The last name, or '' when the id has none. */
  name: string;
}

/** Parses `/subscriptions/s/resourceGroups/rg/providers/P/t1/n1/t2/n2`; tolerant of partial ids. */
export function parseResourceId(id: string): ParsedResourceId {
  const segments = id.split('/').filter((s) => s.length > 0);
  const parsed: ParsedResourceId = { types: [], names: [], name: '' };
  let i = 0;
  while (i < segments.length) {
    const key = segments[i].toLowerCase();
    if (key === 'subscriptions' && i + 1 < segments.length) {
      parsed.subscriptionId = segments[i + 1];
      i += 2;
    } else if (key === 'resourcegroups' && i + 1 < segments.length) {
      parsed.resourceGroup = segments[i + 1];
      i += 2;
    } else if (key === 'providers' && i + 1 < segments.length) {
      parsed.provider = segments[i + 1];
      i += 2;
      break;
    } else {
      i += 1;
    }
  }
  for (; i + 1 < segments.length; i += 2) {
    parsed.types.push(segments[i]);
    parsed.names.push(segments[i + 1]);
  }
  parsed.name = parsed.names[parsed.names.length - 1] ?? '';
  return parsed;
}

/** A resource id rather than a name: `/subscriptions/.../providers/...` (a partial id too). */
export function isResourceId(value: string): boolean {
  return value.trim().startsWith('/') && parseResourceId(value).provider !== undefined;
}

/** The parent of a child resource id (a subnet's VNet), or undefined for a top-level id. */
export function parentId(id: string): string | undefined {
  const parsed = parseResourceId(id);
  if (parsed.types.length < 2) return undefined;
  const segments = id.replace(/\/+$/, '').split('/');
  return segments.slice(0, -2).join('/');
}

export function resourceGroupOf(id: string): string | undefined {
  return parseResourceId(id).resourceGroup;
}

export function subscriptionOf(id: string): string | undefined {
  return parseResourceId(id).subscriptionId;
}

/** The full type, e.g. Microsoft.Network/virtualNetworks/subnets, or undefined. */
export function resourceTypeOf(id: string): string | undefined {
  const parsed = parseResourceId(id);
  if (!parsed.provider || parsed.types.length === 0) return undefined;
  return [parsed.provider, ...parsed.types].join('/');
}
