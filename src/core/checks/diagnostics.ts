// bastion-diagnostics-disabled: only when the source read diagnostic settings at all.
import { buildFix } from '../fixes/index';
import type { DiagnosticSetting } from '../model';
import { sameId } from '../resourceId';
import { incomplete, makeFinding } from './finding';
import { firstUnknown } from './unknowns';
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
    const undecided = context.topology.diagnosticSettings.find((setting) => firstUnknown(setting, ['targetResourceId', 'logs'], true) !== undefined);
    if (undecided) {
      return [incomplete(context, 'logs', hostRef, `Whether a diagnostic setting sends ${host.name}'s BastionAuditLogs is not decided: the target or the logs of ${undecided.name} are not known.`)];
    }
    return [makeFinding(context, {
      rule: 'bastion-diagnostics-disabled',
      message: settings.length === 0 && context.source === 'template'
        // A template rarely holds everything deployed: a policy (DeployIfNotExists) or another template may add it.
        ? `The files linted declare no diagnostic setting for Bastion host ${host.name}; unless one is deployed elsewhere (Azure Policy, another template), BastionAuditLogs (who connected where, failed logins) are not collected.`
        : settings.length === 0
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
