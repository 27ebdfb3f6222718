// Route tables with inline routes and separately declared routes.
import type { Origin, Route, RouteTable } from '../model';
import { inlineChildIdentity } from './children';
import type { ArmInput, MapContext } from './context';
import type { Fields } from './fields';
import { parentElement } from './parents';
import type { Registry } from './registry';
import { compact } from './values';

export function mapRouteTable(input: ArmInput, ctx: MapContext, registry: Registry): void {
  const props = input.fields.properties();
  const table: RouteTable = compact({
    id: input.id,
    name: input.name,
    origin: input.origin,
    routes: [],
    disableBgpRoutePropagation: props.boolean('disableBgpRoutePropagation'),
  });
  registry.routeTables.put(registry.topology.routeTables, table);
  for (const item of props.objects('routes')) {
    const identity = inlineChildIdentity(item, table.id, 'routes');
    if (identity === undefined) {
      ctx.problem(table.id, `Route table '${table.name}': a route has neither an id nor a name; ignored`, input.origin);
      continue;
    }
    registry.routes.put(table.routes, routeFrom(item, identity, ctx.originOf(item.raw, input.index, identity.id)));
  }
}

export function mapRouteResource(input: ArmInput, ctx: MapContext, registry: Registry): void {
  const table = parentElement(input, ctx, {
    label: 'route table',
    index: registry.routeTables,
    list: registry.topology.routeTables,
    placeholder: (parent) => ({ ...parent, routes: [] }),
    consequence: 'its other routes are unknown',
  });
  if (table === undefined) return;
  registry.routes.put(table.routes, routeFrom(input.fields, input, input.origin));
}

function routeFrom(item: Fields, identity: { id: string; name: string }, origin: Origin): Route {
  const props = item.properties();
  return compact({
    id: identity.id,
    name: identity.name,
    origin,
    addressPrefix: props.string('addressPrefix'),
    nextHopType: props.string('nextHopType'),
    nextHopIpAddress: props.string('nextHopIpAddress'),
  });
}
