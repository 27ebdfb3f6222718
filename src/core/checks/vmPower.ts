// vm-not-running: the power state, when the instance view was read.
import { buildFix } from '../fixes/index';
import { makeFinding } from './finding';
import { ARM_TYPES, refOf } from './refs';
import type { Check } from './types';

/** 'PowerState/deallocated' and 'deallocated' alike. */
export function normalizePowerState(state: string): string {
  return state.replace(/^powerstate\//i, '').toLowerCase();
}

export const vmPowerCheck: Check = {
  name: 'VM power state',
  level: 'target',
  rules: ['vm-not-running'],
  run(context) {
    const vm = context.vm;
    if (!vm?.powerState) return [];
    const state = normalizePowerState(vm.powerState);
    if (state === 'running') return [];
    const vmRef = refOf(vm, ARM_TYPES.virtualMachine);
    return [makeFinding(context, {
      rule: 'vm-not-running',
      message: `VM ${vm.name} is ${state}, not running, so Bastion cannot connect to it.`,
      resource: vmRef,
      evidence: [{ label: 'Power state', value: vm.powerState }],
      fixes: state === 'starting' ? [] : [buildFix(`Start ${vm.name}`, { kind: 'start-vm', vm: vmRef })],
    })];
  },
};
