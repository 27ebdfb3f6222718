// bastion-audit-log-failures (deep): MicrosoftAzureBastionAuditLogs rows whose Message has
// "Login Failed" for the target VM.
import type { AuditLogRow, VirtualMachine } from '../model';
import { sameId } from '../resourceId';
import { makeFinding } from './finding';
import { ARM_TYPES, refOf } from './refs';
import { privateIpsOf } from './vmNetwork';
import type { Check, CheckContext } from './types';

const FAILURE_TEXT = 'login failed';

function isForTarget(context: CheckContext, row: AuditLogRow, vm: VirtualMachine): boolean {
  if (row.targetResourceId) return sameId(row.targetResourceId, vm.id);
  return row.targetVmIpAddress !== undefined && privateIpsOf(context, vm).includes(row.targetVmIpAddress);
}

export const auditLogCheck: Check = {
  name: 'Bastion audit log',
  level: 'target',
  rules: ['bastion-audit-log-failures'],
  run(context) {
    const { host, vm } = context;
    if (!host || !vm) return [];
    const results = context.topology.deep?.auditLogs.filter((result) => sameId(result.bastionHostId, host.id)) ?? [];
    const failures = results.flatMap((result) => result.rows.map((row) => ({ row, query: result.query })))
      .filter(({ row }) => (row.message ?? '').toLowerCase().includes(FAILURE_TEXT) && isForTarget(context, row, vm));
    if (failures.length === 0) return [];
    const latest = failures.map(({ row }) => row.timeGenerated).sort().pop();
    const users = [...new Set(failures.flatMap(({ row }) => (row.userName ? [row.userName] : [])))];
    const clients = [...new Set(failures.flatMap(({ row }) => (row.clientIpAddress ? [row.clientIpAddress] : [])))];
    return [makeFinding(context, {
      rule: 'bastion-audit-log-failures',
      message: `${failures.length} failed login${failures.length > 1 ? 's' : ''} to ${vm.name} through ${host.name} in MicrosoftAzureBastionAuditLogs (latest ${latest}).`,
      resource: refOf(vm, ARM_TYPES.virtualMachine),
      evidence: [
        { label: 'Query', value: failures[0].query },
        ...(users.length > 0 ? [{ label: 'Users', value: users.join(', ') }] : []),
        ...(clients.length > 0 ? [{ label: 'Client IPs', value: clients.join(', ') }] : []),
        ...failures.slice(0, 5).map(({ row }) => ({ label: 'Row', value: `${row.timeGenerated} ${row.userName ?? '?'} from ${row.clientIpAddress ?? '?'} ${row.protocol ?? ''}: ${row.message ?? ''}`.trim() })),
      ],
      fixes: [],
    })];
  },
};
