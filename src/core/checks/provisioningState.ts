// bastion-provisioning-state: Failed is an error with a GET-then-PUT re-apply, never a redeploy.
import { buildFix } from '../fixes/index';
import { makeFinding } from './finding';
import { ARM_TYPES, refOf } from './refs';
import type { Check } from './types';

export const provisioningStateCheck: Check = {
  name: 'Bastion provisioning state',
  level: 'host',
  rules: ['bastion-provisioning-state'],
  run(context) {
    const host = context.host;
    const state = host?.provisioningState;
    if (!host || state === undefined || state.toLowerCase() === 'succeeded') return [];
    const failed = state.toLowerCase() === 'failed';
    const hostRef = refOf(host, ARM_TYPES.bastionHost);
    return [makeFinding(context, {
      rule: 'bastion-provisioning-state',
      severity: failed ? 'error' : 'warning',
      message: failed
        ? `Bastion host ${host.name} is in provisioning state Failed; the host may still serve traffic, and re-applying its current configuration (GET then PUT) restores it.`
        : `Bastion host ${host.name} is in provisioning state ${state}; changes and connections may fail until it returns to Succeeded.`,
      resource: hostRef,
      evidence: [{ label: 'provisioningState', value: state }],
      fixes: failed ? [buildFix(`Re-apply the current configuration of ${host.name}`, { kind: 'reapply-bastion', bastion: hostRef }, [
        'Read the host first and PUT exactly that configuration back; do not PUT without the GET, and do not use an older API version, or settings can be lost.',
        'Do not delete and redeploy: "Failed" is metadata. Open a support ticket if the state stays Failed.',
      ])] : [],
    })];
  },
};
