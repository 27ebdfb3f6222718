// bastion-subnet-route-table: any route table on AzureBastionSubnet is unsupported; a default
// route away from the internet breaks Bastion outright.
import { buildFix } from '../fixes/index';
import type { Route } from '../model';
import { makeFinding } from './finding';
import { ARM_TYPES, refOf, refOfId } from './refs';
import type { Check } from './types';

const BREAKING_NEXT_HOPS = ['virtualappliance', 'virtualnetworkgateway', 'none'];

function isBreakingDefaultRoute(route: Route): boolean {
  return route.addressPrefix?.trim() === '0.0.0.0/0' && BREAKING_NEXT_HOPS.includes((route.nextHopType ?? '').toLowerCase());
}

export const bastionSubnetRouteTableCheck: Check = {
  name: 'AzureBastionSubnet route table',
  level: 'subnet',
  rules: ['bastion-subnet-route-table'],
  run(context) {
    const subnet = context.bastionSubnet;
    if (!subnet?.routeTableId) return [];
    const table = context.index.routeTable(subnet.routeTableId);
    const tableRef = table ? refOf(table, ARM_TYPES.routeTable) : refOfId(subnet.routeTableId, ARM_TYPES.routeTable);
    const breaking = table?.routes.find(isBreakingDefaultRoute);
    const subnetRef = refOf(subnet, ARM_TYPES.subnet, subnet.routeTableAssociationOrigin ?? subnet.origin);
    const cause = breaking
      ? `; its route ${breaking.name} sends 0.0.0.0/0 to ${breaking.nextHopType}, which breaks Bastion`
      : table ? '' : ' (the route table itself was not read)';
    return [makeFinding(context, {
      rule: 'bastion-subnet-route-table',
      severity: breaking ? 'error' : 'warning',
      message: `Route table ${tableRef.name} is associated with ${subnet.name}; user-defined routes are not supported on the Bastion subnet${cause}.`,
      resource: subnetRef,
      evidence: [
        { label: 'Route table', value: subnet.routeTableId, origin: table?.origin },
        ...(table?.routes ?? []).map((route) => ({ label: 'Route', value: `${route.name}: ${route.addressPrefix ?? '?'} -> ${route.nextHopType ?? '?'}${route.nextHopIpAddress ? ` ${route.nextHopIpAddress}` : ''}`, origin: route.origin })),
      ],
      related: [
        ...(table ? [{ message: `Route table ${table.name}`, origin: table.origin }] : []),
        ...(breaking ? [{ message: `Default route ${breaking.name} to ${breaking.nextHopType}`, origin: breaking.origin }] : []),
      ],
      fixes: [buildFix(`Dissociate ${tableRef.name} from ${subnet.name}`, { kind: 'dissociate-route-table', subnet: refOf(subnet, ARM_TYPES.subnet), routeTable: tableRef },
        ['Bastion-to-VM traffic is private; it does not need to pass a firewall or NVA in the same VNet.'])],
    })];
  },
};
