// bastion-native-client-disabled: enableTunneling off on a SKU that could have it. Basic and
// Developer cannot have it at all; that is bastion-sku-feature-mismatch's to say when asked.
import { buildFix } from '../fixes/index';
import { ARM_TYPES, refOf } from './refs';
import { incomplete, makeFinding } from './finding';
import { isStandardOrAbove, skuLabel, skuOf } from './sku';
import { unknownReason } from './unknowns';
import type { Check } from './types';

export const nativeClientCheck: Check = {
  name: 'Native client support',
  level: 'host',
  rules: ['bastion-native-client-disabled'],
  run(context) {
    const host = context.host;
    if (!host || !isStandardOrAbove(skuOf(host)) || host.features.enableTunneling === true) return [];
    const hostRef = refOf(host, ARM_TYPES.bastionHost);
    const tunnelingUnknown = unknownReason(host, 'features.enableTunneling');
    if (tunnelingUnknown !== undefined) {
      return [incomplete(context, 'host', hostRef, `Whether native client support (enableTunneling) is on for ${host.name} is not known: ${tunnelingUnknown}.`)];
    }
    return [makeFinding(context, {
      rule: 'bastion-native-client-disabled',
      severity: context.options.nativeClient ? 'error' : 'info',
      message: `Bastion host ${host.name} (${skuLabel(host)}) has enableTunneling off, so az network bastion ssh, rdp and tunnel cannot connect through it.`,
      resource: hostRef,
      evidence: [{ label: 'enableTunneling', value: String(host.features.enableTunneling ?? false) }],
      fixes: [buildFix(`Enable native client support on ${host.name}`, { kind: 'set-bastion-property', bastion: hostRef, property: 'enableTunneling', value: true })],
    })];
  },
};
