// vm-ip-flow-denied (deep): Network Watcher IP flow verify said Deny for the target.
import { sameId } from '../resourceId';
import { makeFinding } from './finding';
import { ARM_TYPES, refOf } from './refs';
import type { Check } from './types';

export const ipFlowCheck: Check = {
  name: 'IP flow verify',
  level: 'target',
  rules: ['vm-ip-flow-denied'],
  run(context) {
    const vm = context.vm;
    if (!vm || !context.topology.deep) return [];
    return context.topology.deep.ipFlowVerifyResults
      .filter((result) => sameId(result.virtualMachineId, vm.id) && result.access === 'Deny')
      .map((result) => makeFinding(context, {
        rule: 'vm-ip-flow-denied',
        message: `IP flow verify denies ${result.direction.toLowerCase()} ${result.protocol} ${result.remoteIpAddress} -> ${result.localIpAddress}:${result.localPort} for ${vm.name}; rule ${result.ruleName} decides.`,
        resource: refOf(vm, ARM_TYPES.virtualMachine),
        evidence: [
          { label: 'Rule', value: result.ruleName },
          { label: 'Flow', value: `${result.direction} ${result.protocol} local ${result.localIpAddress}:${result.localPort} remote ${result.remoteIpAddress}:${result.remotePort}` },
          ...(result.networkInterfaceId ? [{ label: 'Network interface', value: result.networkInterfaceId }] : []),
        ],
      }));
  },
};
