// bastion-subnet-missing (host level) and bastion-subnet-too-small (subnet level).
import { buildFix } from '../fixes/index';
import type { Finding } from '../findings';
import { parseResourceId } from '../resourceId';
import { findFreeBlock, enclosingBlock, formatIpv4Block, parseIpv4Prefix, type Ipv4Block } from './cidr';
import { whatWouldDecide, incomplete, makeFinding } from './finding';
import { ARM_TYPES, refOf } from './refs';
import { isDedicatedSku, skuOf, undecidedSku } from './sku';
import { unknownReason } from './unknowns';
import type { Check, CheckContext } from './types';

export const BASTION_SUBNET_NAME = 'AzureBastionSubnet';
const REQUIRED_LENGTH = 26;

const CREATE_SUBNET_STEP = 'Create a subnet named exactly AzureBastionSubnet, /26 or larger, in the Bastion host\'s virtual network and resource group, with no other resources in it.';

export const bastionSubnetMissingCheck: Check = {
  name: 'AzureBastionSubnet present',
  level: 'host',
  rules: ['bastion-subnet-missing'],
  run(context) {
    const host = context.host;
    const skuUnknown = host && undecidedSku(host);
    if (!host || (!skuUnknown && !isDedicatedSku(skuOf(host)))) return [];
    const hostRef = refOf(host, ARM_TYPES.bastionHost);
    const subnetIds = host.ipConfigurations.flatMap((config) => (config.subnetId ? [config.subnetId] : []));
    // What would be a finding is only one when every value it rests on is known.
    const missing = (message: string, evidence: Finding['evidence'] = [], unknown = skuUnknown): Finding[] => unknown
      ? [incomplete(context, 'bastion-subnet', hostRef, `Whether Bastion host ${host.name} has the AzureBastionSubnet it needs is not decided: ${unknown}.`, evidence)]
      : [makeFinding(context, {
        rule: 'bastion-subnet-missing', message, resource: hostRef, evidence,
        fixes: [buildFix('Create AzureBastionSubnet and point the Bastion host at it', { kind: 'manual', steps: [CREATE_SUBNET_STEP, `Redeploy ${host.name} with its ipConfiguration's subnet set to that AzureBastionSubnet.`] })],
      })];
    if (subnetIds.length === 0) {
      const subnetUnknown = unknownReason(host, 'ipConfigurations.subnetId', true);
      return missing(`Bastion host ${host.name} (${host.sku ?? 'Standard'}) has no ipConfiguration with a subnet; dedicated SKUs need AzureBastionSubnet.`, [],
        subnetUnknown === undefined ? skuUnknown : `its subnet is not known (${subnetUnknown})`);
    }
    const subnetId = subnetIds[0];
    const subnet = context.index.subnet(subnetId);
    const evidence = [{ label: 'ipConfiguration subnet', value: subnetId }];
    const parsed = parseResourceId(subnetId);
    if (!subnet && parsed.types.length === 1 && parsed.types[0].toLowerCase() === 'virtualnetworks') {
      return missing(`Bastion host ${host.name}: the ipConfiguration's subnet id points at a virtual network (${parsed.name}), not a subnet; dedicated SKUs need AzureBastionSubnet.`, evidence);
    }
    const subnetName = subnet?.name ?? (parsed.name || lastSegment(subnetId));
    if (subnetName !== BASTION_SUBNET_NAME) {
      const nameUnknown = unknownReason(subnet, 'name');
      return missing(`Bastion host ${host.name} is attached to subnet "${subnetName}", not to a subnet named exactly AzureBastionSubnet.`, evidence,
        nameUnknown === undefined ? skuUnknown : `the name of its subnet is not known (${nameUnknown})`);
    }
    if (subnet) return [];
    const vnet = context.index.virtualNetwork(context.index.virtualNetworkIdOfSubnet(subnetId));
    if (!vnet) {
      return [incomplete(context, 'bastion-subnet', hostRef, `The virtual network of ${host.name}'s subnet ${subnetId} was not read, so AzureBastionSubnet cannot be checked${whatWouldDecide(context, 'Reader on that VNet', 'it')}.`, evidence)];
    }
    if (vnet.subnets.some((candidate) => candidate.name === BASTION_SUBNET_NAME)) return [];
    const subnetsUnknown = unknownReason(vnet, 'subnets') ?? vnet.subnets.map((candidate) => unknownReason(candidate, 'name')).find((reason) => reason !== undefined);
    return missing(`Virtual network ${vnet.name} has no subnet named AzureBastionSubnet, which Bastion host ${host.name} needs.`, evidence,
      subnetsUnknown === undefined ? skuUnknown : `the subnets of ${vnet.name} are not all known (${subnetsUnknown})`);
  },
};

export const bastionSubnetTooSmallCheck: Check = {
  name: 'AzureBastionSubnet size',
  level: 'subnet',
  rules: ['bastion-subnet-too-small'],
  run(context) {
    const subnet = context.bastionSubnet;
    if (!subnet) return [];
    const blocks = subnet.addressPrefixes.map(parseIpv4Prefix).filter((block): block is Ipv4Block => block !== undefined);
    if (blocks.length === 0 || blocks.some((block) => block.length <= REQUIRED_LENGTH)) return [];
    const current = blocks[0];
    const currentPrefix = formatIpv4Block(current);
    const subnetRef = refOf(subnet, ARM_TYPES.subnet);
    const suggested = suggestPrefix(context, current);
    const notes = [
      'A subnet prefix cannot change while Bastion is deployed in it: delete the Bastion host, resize AzureBastionSubnet, then redeploy Bastion.',
      ...(suggested ? [] : ['No free /26 was found in the VNet address space; add an address space to the VNet first.']),
    ];
    const remedy = context.host
      ? { kind: 'resize-bastion-subnet' as const, subnet: subnetRef, bastion: refOf(context.host, ARM_TYPES.bastionHost), currentPrefix, ...(suggested ? { suggestedPrefix: suggested } : {}) }
      : { kind: 'manual' as const, steps: [`Resize ${subnet.name} from ${currentPrefix} to ${suggested ?? 'a /26 or larger'} before deploying Bastion into it.`] };
    return [makeFinding(context, {
      rule: 'bastion-subnet-too-small',
      message: `${subnet.name} is ${currentPrefix}, smaller than the /26 Bastion requires for hosts deployed on or after 2021-11-02 (hosts deployed in a /27 before 2021-11-02 keep working).`,
      resource: subnetRef,
      evidence: [{ label: 'Address prefixes', value: subnet.addressPrefixes.join(', '), origin: subnet.origin }],
      fixes: [buildFix(`Resize ${subnet.name} to ${suggested ?? '/26'}`, remedy, notes)],
    })];
  },
};

/** `AzureBastionSubnet` of `${vnetId}/subnets/AzureBastionSubnet`: an id whose VNet part a template left unknown. */
function lastSegment(id: string): string {
  const segments = id.split('/').filter((segment) => segment.length > 0);
  return segments.length >= 3 && segments[segments.length - 2].toLowerCase() === 'subnets' ? segments[segments.length - 1] : '';
}

/** A free, aligned /26 in the VNet: the one around the current prefix when its other half is free. */
function suggestPrefix(context: CheckContext, current: Ipv4Block): string | undefined {
  const vnet = context.bastionVnet;
  if (!vnet) return undefined;
  const spaces = vnet.addressPrefixes.map(parseIpv4Prefix).filter((block): block is Ipv4Block => block !== undefined);
  const taken = vnet.subnets
    .filter((subnet) => subnet.id.toLowerCase() !== context.bastionSubnet?.id.toLowerCase())
    .flatMap((subnet) => subnet.addressPrefixes.map(parseIpv4Prefix))
    .filter((block): block is Ipv4Block => block !== undefined);
  const free = findFreeBlock(spaces, taken, REQUIRED_LENGTH, enclosingBlock(current, REQUIRED_LENGTH));
  return free ? formatIpv4Block(free) : undefined;
}
