// bastion-public-ip: a public dedicated-SKU host needs a Standard, Static public IP.
import { buildFix } from '../fixes/index';
import type { Finding } from '../findings';
import { whatWouldDecide, incomplete, makeFinding } from './finding';
import { ARM_TYPES, refOf, refOfId } from './refs';
import { isDedicatedSku, isPrivateOnly, skuOf, undecidedSku } from './sku';
import { unknownReason } from './unknowns';
import type { Check } from './types';

export const publicIpCheck: Check = {
  name: 'Bastion public IP',
  level: 'host',
  rules: ['bastion-public-ip'],
  run(context) {
    const host = context.host;
    const skuUnknown = host && undecidedSku(host);
    if (!host || (!skuUnknown && (!isDedicatedSku(skuOf(host)) || isPrivateOnly(host))) || host.ipConfigurations.length === 0) return [];
    const hostRef = refOf(host, ARM_TYPES.bastionHost);
    const config = host.ipConfigurations[0];
    const undecided = (unknown: string): Finding[] => [incomplete(context, 'host', hostRef, `Whether Bastion host ${host.name} has the public IP it needs is not decided: ${unknown}.`)];
    if (!config.publicIpId) {
      const ipUnknown = unknownReason(host, 'ipConfigurations.publicIpId');
      if (ipUnknown !== undefined) return undecided(`its public IP is not known (${ipUnknown})`);
      if (skuUnknown) return undecided(skuUnknown);
      return [makeFinding(context, {
        rule: 'bastion-public-ip',
        message: `Bastion host ${host.name} (${host.sku ?? 'Standard'}) has no public IP address; public dedicated-SKU hosts need a Standard SKU, Static public IP in the same region.`,
        resource: hostRef,
        evidence: [{ label: 'ipConfiguration', value: config.name }],
        fixes: [buildFix(`Give ${host.name} a Standard static public IP`, { kind: 'use-public-ip', bastion: hostRef, problem: 'missing' })],
      })];
    }
    const publicIp = context.index.publicIpAddress(config.publicIpId);
    if (!publicIp) {
      return [incomplete(context, 'host', refOfId(config.publicIpId, ARM_TYPES.publicIpAddress), `The public IP ${refOfId(config.publicIpId).name} of ${host.name} was not read, so its SKU and allocation cannot be checked${whatWouldDecide(context, 'Reader on it', 'them')}.`)];
    }
    const ipRef = refOf(publicIp, ARM_TYPES.publicIpAddress);
    if (publicIp.skuName === undefined || publicIp.allocationMethod === undefined) {
      const missing = [publicIp.skuName === undefined ? 'SKU' : '', publicIp.allocationMethod === undefined ? 'allocation method' : ''].filter(Boolean).join(' and ');
      return [incomplete(context, 'host', ipRef, `The ${missing} of public IP ${publicIp.name} (used by ${host.name}) is not known, so it cannot be checked against Standard/Static.`)];
    }
    if (publicIp.skuName.toLowerCase() === 'standard' && publicIp.allocationMethod.toLowerCase() === 'static') return [];
    if (skuUnknown) return undecided(skuUnknown);
    const finding: Finding = makeFinding(context, {
      rule: 'bastion-public-ip',
      message: `Public IP ${publicIp.name} of Bastion host ${host.name} is ${publicIp.skuName} SKU with ${publicIp.allocationMethod} allocation; Bastion needs Standard SKU with Static allocation.`,
      resource: ipRef,
      evidence: [{ label: 'SKU', value: publicIp.skuName, origin: publicIp.origin }, { label: 'Allocation', value: publicIp.allocationMethod, origin: publicIp.origin }],
      related: [{ message: `Used by Bastion host ${host.name}`, origin: host.origin }],
      fixes: [buildFix(`Use a Standard static public IP for ${host.name}`, { kind: 'use-public-ip', bastion: hostRef, publicIp: ipRef, problem: 'not-standard-static' })],
    });
    return [finding];
  },
};
