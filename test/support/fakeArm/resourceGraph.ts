// Just enough of Azure Resource Graph for the product's queries:
//   Resources | where type in~ ('a', 'b') [| where tolower(tostring(properties.x.y)) == 'v']
//     [| where tolower(id) in ('id1', 'id2')] | project col, ...
// Without subscriptions the query runs at tenant scope: every subscription the fake holds.
// Rows look like ARG's: lower-cased type, subscriptionId/resourceGroup columns, and a VM's power
// state under properties.extended.instanceView.powerState instead of the instance view.
import { resourceGroupOf, subscriptionOf, type ArmJson } from './store';

export interface GraphQueryBody {
  subscriptions?: string[];
  query?: string;
  options?: { $top?: number; $skipToken?: string; $skip?: number };
}

export type GraphAnswer =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; status: number; code: string; message: string };

const DEFAULT_TOP = 100;
const MAX_TOP = 1000;

export function answerGraphQuery(request: GraphQueryBody, resources: readonly ArmJson[], maxTop = MAX_TOP): GraphAnswer {
  const query = request.query ?? '';
  const types = /where\s+type\s+in~\s*\(([^)]*)\)/i.exec(query);
  if (!/^\s*Resources\s*\|/i.test(query) || !types) {
    return { ok: false, status: 400, code: 'BadRequest', message: `The fake Resource Graph does not understand this query: ${query}` };
  }
  const wantedTypes = new Set([...types[1].matchAll(/'([^']+)'/g)].map((m) => m[1].toLowerCase()));
  const projected = /\|\s*project\s+([^|]+)/i.exec(query)?.[1].split(',').map((c) => c.trim()).filter(Boolean);
  const subscriptions = request.subscriptions ? new Set(request.subscriptions.map((s) => s.toLowerCase())) : undefined;
  const propertyFilters = [...query.matchAll(/\|\s*where\s+tolower\(tostring\(properties\.([\w.]+)\)\)\s*==\s*'((?:[^'\\]|\\.)*)'/gi)]
    .map((m) => ({ path: m[1].split('.'), value: m[2].replace(/\\(.)/g, '$1') }));
  const idList = /\|\s*where\s+tolower\(id\)\s+in\s*\(([^)]*)\)/i.exec(query);
  const wantedIds = idList ? new Set([...idList[1].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\(.)/g, '$1'))) : undefined;
  const propertyAt = (resource: ArmJson, path: string[]) => path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], resource.properties);
  // `resources` comes sorted by lower-cased id, which gives stable pages.
  const matching = resources.filter((r) =>
    wantedTypes.has(r.type.toLowerCase())
    && (!subscriptions || subscriptions.has(subscriptionOf(r.id) ?? ''))
    && propertyFilters.every((f) => String(propertyAt(r, f.path) ?? '').toLowerCase() === f.value)
    && (!wantedIds || wantedIds.has(r.id.toLowerCase())));
  const top = Math.min(request.options?.$top ?? DEFAULT_TOP, maxTop);
  const offset = request.options?.$skipToken ? Number(Buffer.from(request.options.$skipToken, 'base64').toString('utf8')) : (request.options?.$skip ?? 0);
  const page = matching.slice(offset, offset + top).map((r) => project(graphRow(r), projected));
  const next = offset + top < matching.length ? Buffer.from(String(offset + top)).toString('base64') : undefined;
  return {
    ok: true,
    body: { totalRecords: matching.length, count: page.length, resultTruncated: 'false', ...(next ? { $skipToken: next } : {}), data: page, facets: [] },
  };
}

function graphRow(resource: ArmJson): Record<string, unknown> {
  const properties = { ...(resource.properties as Record<string, unknown> | undefined) };
  if (resource.type.toLowerCase() === 'microsoft.compute/virtualmachines') {
    const instanceView = properties.instanceView as { statuses?: { code?: string; displayStatus?: string; level?: string }[] } | undefined;
    delete properties.instanceView;
    const power = instanceView?.statuses?.find((s) => s.code?.startsWith('PowerState/'));
    if (power) properties.extended = { instanceView: { powerState: { code: power.code, displayStatus: power.displayStatus, level: power.level ?? 'Info' } } };
  }
  return {
    id: resource.id,
    name: resource.name,
    type: resource.type.toLowerCase(),
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    kind: '',
    location: resource.location ?? '',
    resourceGroup: (resourceGroupOf(resource.id) ?? '').toLowerCase(),
    subscriptionId: subscriptionOf(resource.id) ?? '',
    sku: resource.sku ?? null,
    zones: resource.zones ?? null,
    tags: resource.tags ?? {},
    properties,
  };
}

function project(row: Record<string, unknown>, columns: string[] | undefined): Record<string, unknown> {
  if (!columns) return row;
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
}
