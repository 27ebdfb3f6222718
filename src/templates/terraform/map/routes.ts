// azurerm_route_table (inline route blocks) and azurerm_route.
import type { Origin, Route, RouteTable } from '../../../core/model';
import { FieldReader, withUnresolved } from '../fields';
import type { ObjectValue } from '../values';
import { MappingContext, findById, nameOr } from './context';

function routeFrom(value: ObjectValue, tableId: string, origin: Origin): Route {
  const fields = new FieldReader(value);
  const name = fields.string('name') ?? '';
  const route: Route = {
    id: `${tableId}/routes/${name}`,
    name,
    origin,
    addressPrefix: fields.string('address_prefix', 'addressPrefix'),
    nextHopType: fields.string('next_hop_type', 'nextHopType'),
    nextHopIpAddress: fields.string('next_hop_in_ip_address', 'nextHopIpAddress'),
  };
  return withUnresolved(route, fields);
}

export function mapRouteTables(context: MappingContext): void {
  for (const instance of context.instancesOf('azurerm_route_table')) {
    const fields = new FieldReader(instance.value);
    const id = instance.value.id as string;
    const propagation = fields.bool('bgp_route_propagation_enabled', 'disableBgpRoutePropagation');
    const legacyDisable = fields.bool('disable_bgp_route_propagation', 'disableBgpRoutePropagation');
    const table: RouteTable = {
      id,
      name: nameOr(fields.string('name'), instance),
      origin: context.originOf(instance.declaration),
      routes: [],
      disableBgpRoutePropagation: propagation !== undefined ? !propagation : legacyDisable,
    };
    table.routes = fields.blocks('route', 'routes').map((block) => routeFrom(block, id, context.blockOrigin(instance, block)));
    context.topology.routeTables.push(withUnresolved(table, fields));
  }
  for (const instance of context.instancesOf('azurerm_route')) {
    const routeId = instance.value.id as string;
    const table = findById(context.topology.routeTables, routeId.slice(0, routeId.lastIndexOf('/routes/')));
    if (!table) {
      context.problem(instance, 'its route table is not declared in this module; the route is not evaluated');
      continue;
    }
    table.routes.push(routeFrom(instance.value, table.id, context.originOf(instance.declaration)));
  }
}
