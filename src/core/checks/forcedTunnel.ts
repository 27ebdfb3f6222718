// bastion-forced-tunnel (deep): a default route learned from a gateway in the Bastion VNet.
import { buildFix } from '../fixes/index';
import { sameId } from '../resourceId';
import { makeFinding } from './finding';
import { ARM_TYPES, refOf } from './refs';
import type { Check } from './types';

export const forcedTunnelCheck: Check = {
  name: 'Forced tunnelling',
  level: 'host',
  rules: ['bastion-forced-tunnel'],
  run(context) {
    const { host, bastionVnet } = context;
    if (!host || !bastionVnet || !context.topology.deep) return [];
    return context.topology.deep.effectiveRouteTables.flatMap((table) => {
      const nic = context.index.networkInterface(table.networkInterfaceId);
      const inBastionVnet = nic?.ipConfigurations.some((config) => config.subnetId !== undefined &&
        sameId(context.index.virtualNetworkIdOfSubnet(config.subnetId), bastionVnet.id));
      if (!inBastionVnet) return [];
      const route = table.routes.find((candidate) => candidate.addressPrefixes.includes('0.0.0.0/0') &&
        (candidate.state ?? 'Active').toLowerCase() === 'active' && candidate.source.toLowerCase() === 'virtualnetworkgateway');
      if (!route) return [];
      return [makeFinding(context, {
        rule: 'bastion-forced-tunnel',
        message: `Effective routes of ${nic?.name ?? table.networkInterfaceId} in ${bastionVnet.name} show 0.0.0.0/0 learned from a VirtualNetworkGateway (forced tunnelling), which Bastion does not support.`,
        resource: refOf(bastionVnet, ARM_TYPES.virtualNetwork),
        evidence: [{ label: 'Effective route', value: `${route.addressPrefixes.join(', ')} -> ${route.nextHopType} ${route.nextHopIpAddresses.join(', ')} (source ${route.source}, ${route.state ?? 'Active'})` }, { label: 'Network interface', value: table.networkInterfaceId }],
        fixes: [buildFix(`Stop advertising 0.0.0.0/0 to ${bastionVnet.name}`, { kind: 'manual', steps: [
          'Stop advertising a default route (0.0.0.0/0) over ExpressRoute or VPN to this virtual network.',
          'With a Virtual WAN secured hub, disable 0.0.0.0/0 propagation on the Bastion VNet\'s connection.',
        ] })],
      })];
    }).slice(0, 1);
  },
};
