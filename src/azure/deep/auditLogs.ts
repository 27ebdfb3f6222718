// Recent MicrosoftAzureBastionAuditLogs rows for the target, through a resource-context Log
// Analytics query on the Bastion host (no workspace id needed; reference §8). The KQL is built
// here, shown to the user as is and copyable; rows are summarised (failed logins, last success,
// client IPs) and handed to the core check bastion-audit-log-failures as deep evidence.
import type { LogsTable } from '@azure/monitor-query-logs';
import type { TokenCredential } from '@azure/identity';
import type { Finding } from '../../core/findings';
import type { AuditLogQueryResult, AuditLogRow } from '../../core/model';
import { boundingPolicies, type AdditionalPolicy, type RetryOptions } from '../clients';
import { armRef, prerequisiteMissing } from './findings';
import type { StepContext } from './step';

export const AUDIT_LOG_READ_ACTION = 'Microsoft.Insights/logs/MicrosoftAzureBastionAuditLogs/read';
export const DEFAULT_LOOKBACK_HOURS = 24;
/** The SDK's endpoint when none is given: the only origin its token may be sent to. */
const PUBLIC_LOG_ANALYTICS_ENDPOINT = 'https://api.loganalytics.io';

/** Where Log Analytics queries go, and with which identity (the run's credential). */
export interface LogsAccess {
  credential: TokenCredential;
  /** Default: the SDK's public endpoint. Tests: the local fake, without /v1. */
  endpoint?: string;
  tlsCa?: string;
  retryOptions?: RetryOptions;
  additionalPolicies?: AdditionalPolicy[];
}

const COLUMNS = 'TimeGenerated, OperationName, UserName, ClientIpAddress, Protocol, TargetResourceId, TargetVMIPAddress, Message, SessionStartTime, SessionEndTime, Duration, TunnelId';

function kqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function targetFilter(vmId: string | undefined, vmIps: readonly string[]): string | undefined {
  const parts = [
    ...(vmId ? [`TargetResourceId =~ ${kqlString(vmId)}`] : []),
    ...(vmIps.length > 0 ? [`TargetVMIPAddress in (${vmIps.map(kqlString).join(', ')})`] : []),
  ];
  return parts.length > 0 ? `| where ${parts.join(' or ')}` : undefined;
}

/** Every row for the target in the window, newest first; the summary is computed from them. */
export function buildAuditLogQuery(options: { vmId?: string; vmIps?: readonly string[]; hours?: number; limit?: number }): string {
  return [
    'MicrosoftAzureBastionAuditLogs',
    `| where TimeGenerated > ago(${options.hours ?? DEFAULT_LOOKBACK_HOURS}h)`,
    targetFilter(options.vmId, options.vmIps ?? []),
    `| project ${COLUMNS}`,
    '| order by TimeGenerated desc',
    `| take ${options.limit ?? 500}`,
  ].filter((line): line is string => line !== undefined).join('\n');
}

/** The failed-login query of reference §8, for the user to copy and run over a longer window. */
export function buildFailedLoginQuery(options: { vmId?: string; vmIps?: readonly string[]; hours?: number }): string {
  return [
    'MicrosoftAzureBastionAuditLogs',
    `| where TimeGenerated > ago(${options.hours ?? DEFAULT_LOOKBACK_HOURS}h)`,
    '| where Message has "Login Failed"',
    targetFilter(options.vmId, options.vmIps ?? []),
    '| summarize Failures = count(), Users = make_set(UserName), Last = max(TimeGenerated) by ClientIpAddress',
    '| order by Failures desc',
  ].filter((line): line is string => line !== undefined).join('\n');
}

/** The legacy AzureDiagnostics form, for hosts whose logs land there (reference §8). */
export const AZURE_DIAGNOSTICS_FALLBACK_QUERY = [
  'AzureDiagnostics',
  '| where Category == "BastionAuditLogs"',
  '| extend Msg = column_ifexists("message_s", ""), Proto = column_ifexists("protocol_s", ""), TargetIp = column_ifexists("targetVMIPAddress_s", "")',
  '| order by TimeGenerated desc',
].join('\n');

export interface AuditLogSummary {
  rows: number;
  failedLogins: number;
  lastSuccess?: string;
  lastFailure?: string;
  clientIps: string[];
  users: string[];
}

export function summariseAuditLog(rows: readonly AuditLogRow[]): AuditLogSummary {
  const failed = rows.filter((row) => (row.message ?? '').toLowerCase().includes('login failed'));
  const succeeded = rows.filter((row) => (row.message ?? '').toLowerCase().includes('successfully connected'));
  const latest = (list: readonly AuditLogRow[]) => list.map((row) => row.timeGenerated).sort().pop();
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))].sort();
  return {
    rows: rows.length,
    failedLogins: failed.length,
    lastSuccess: latest(succeeded),
    lastFailure: latest(failed),
    clientIps: unique(rows.map((row) => row.clientIpAddress)),
    users: unique(rows.map((row) => row.userName)),
  };
}

/** Log Analytics rows, by column name, as the model's AuditLogRow. */
export function rowsOf(table: LogsTable): AuditLogRow[] {
  const index = new Map(table.columnDescriptors.map((column, i) => [(column.name ?? '').toLowerCase(), i]));
  const text = (row: unknown[], name: string): string | undefined => {
    const i = index.get(name.toLowerCase());
    const value = i === undefined ? undefined : row[i];
    if (value === undefined || value === null || value === '') return undefined;
    return value instanceof Date ? value.toISOString() : String(value);
  };
  return table.rows.map((row) => ({
    timeGenerated: text(row, 'TimeGenerated') ?? '',
    userName: text(row, 'UserName'),
    clientIpAddress: text(row, 'ClientIpAddress'),
    protocol: text(row, 'Protocol'),
    targetResourceId: text(row, 'TargetResourceId'),
    targetVmIpAddress: text(row, 'TargetVMIPAddress'),
    message: text(row, 'Message'),
    operationName: text(row, 'OperationName'),
  }));
}

export interface AuditLogOutcome {
  result?: AuditLogQueryResult;
  summary?: AuditLogSummary;
  kql: { recent: string; failedLogins: string; azureDiagnosticsFallback: string };
  findings: Finding[];
}

export async function queryAuditLogs(step: StepContext, access: LogsAccess | undefined, hours = DEFAULT_LOOKBACK_HOURS): Promise<AuditLogOutcome> {
  const { host, vm, privateIp } = step.target;
  const vmIps = privateIp ? [privateIp] : [];
  const kql = { recent: buildAuditLogQuery({ vmId: vm?.id, vmIps, hours }), failedLogins: buildFailedLoginQuery({ vmId: vm?.id, vmIps, hours }), azureDiagnosticsFallback: AZURE_DIAGNOSTICS_FALLBACK_QUERY };
  const hostRef = armRef(host.id, 'Microsoft.Network/bastionHosts', host.name);
  if (!access) return { kql, findings: [prerequisiteMissing(step.context, hostRef, 'logs', 'The audit log was not queried: no Log Analytics credential was given to the deep check.')] };
  const { LogsQueryClient } = await import('@azure/monitor-query-logs');
  const client = new LogsQueryClient(access.credential, {
    ...(access.endpoint ? { endpoint: access.endpoint } : {}),
    ...(access.tlsCa ? { tlsOptions: { ca: access.tlsCa } } : {}),
    ...(access.retryOptions ? { retryOptions: access.retryOptions } : {}),
    // The same bounds as the ARM clients', and the token goes to Log Analytics only.
    additionalPolicies: [...(access.additionalPolicies ?? []), ...boundingPolicies({}, [access.endpoint ?? PUBLIC_LOG_ANALYTICS_ENDPOINT])],
  });
  const outcome = await step.call({ id: host.id, name: host.name, type: 'Microsoft.Network/bastionHosts', kind: 'the audit log query (Log Analytics) on Bastion host', action: AUDIT_LOG_READ_ACTION, layer: 'logs', decides: 'recent Bastion logins (bastion-audit-log-failures)' },
    (signal) => client.queryResource(host.id, kql.recent, { duration: `PT${hours}H` }, { abortSignal: signal }));
  if (!outcome.ok) {
    const finding = outcome.finding;
    if (finding.evidence.some((entry) => entry.label === 'HTTP status' && entry.value.startsWith('400'))) {
      finding.message = `The audit log query on ${host.name} was rejected (400): MicrosoftAzureBastionAuditLogs does not exist in the workspace its diagnostic setting sends to (no Log Analytics destination, or logs in the legacy AzureDiagnostics table). Query AzureDiagnostics with the fallback KQL shown.`;
    }
    finding.evidence.push({ label: 'KQL', value: kql.recent });
    return { kql, findings: [finding] };
  }
  const tables = outcome.value.status === 'Success' ? outcome.value.tables : outcome.value.partialTables;
  const rows = tables.flatMap(rowsOf);
  const findings: Finding[] = [];
  if (outcome.value.status !== 'Success') {
    findings.push(prerequisiteMissing(step.context, hostRef, 'logs', `The audit log query on ${host.name} returned partial results (${outcome.value.partialError.code ?? 'PartialError'}: ${outcome.value.partialError.message}); the summary covers only what came back.`, [{ label: 'KQL', value: kql.recent }]));
  }
  return { result: { bastionHostId: host.id, query: kql.recent, rows }, summary: summariseAuditLog(rows), kql, findings };
}
