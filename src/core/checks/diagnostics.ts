// bastion-diagnostics-disabled: only when the source read diagnostic settings at all.
import { buildFix } from '../fixes/index';
import type { DiagnosticSetting } from '../model';
import { sameId } from '../resourceId';
import { makeFinding } from './finding';
import { ARM_TYPES, refOf } from './refs';
import type { Check } from './types';

const AUDIT_CATEGORY = 'bastionauditlogs';
const AUDIT_GROUPS = ['alllogs', 'audit'];

export function sendsAuditLogs(setting: DiagnosticSetting): boolean {
  return setting.logs.some((log) => log.enabled &&
    (log.category?.toLowerCase() === AUDIT_CATEGORY || AUDIT_GROUPS.includes(log.categoryGroup?.toLowerCase() ?? '')));
}

export const diagnosticsCheck: Check = {
  name: 'Bastion diagnostic settings',
  level: 'host',
  rules: ['bastion-diagnostics-disabled'],
  run(context) {
    const host = context.host;
    if (!host || !context.topology.coverage.diagnosticSettings) return [];
    const settings = context.topology.diagnosticSettings.filter((setting) => sameId(setting.targetResourceId, host.id));
    if (settings.some(sendsAuditLogs)) return [];
    const hostRef = refOf(host, ARM_TYPES.bastionHost);
    return [makeFinding(context, {
      rule: 'bastion-diagnostics-disabled',
      message: settings.length === 0
        ? `Bastion host ${host.name} has no diagnostic setting, so BastionAuditLogs (who connected where, failed logins) are not collected.`
        : `No diagnostic setting on Bastion host ${host.name} sends BastionAuditLogs (or the allLogs / audit category group).`,
      resource: hostRef,
      evidence: settings.map((setting) => ({
        label: 'Diagnostic setting',
        value: `${setting.name}: ${setting.logs.map((log) => `${log.category ?? log.categoryGroup ?? '?'}=${log.enabled ? 'on' : 'off'}`).join(', ') || 'no logs'}`,
        origin: setting.origin,
      })),
      related: settings.map((setting) => ({ message: `Diagnostic setting ${setting.name}`, origin: setting.origin })),
      fixes: [buildFix(`Send ${host.name}'s BastionAuditLogs to a Log Analytics workspace`, { kind: 'enable-bastion-diagnostics', bastion: hostRef })],
    })];
  },
};
