// The "Deep check" part of the report as plain data, from which deepHtml and deepMarkdown render:
// each step's state, the KQL used, active sessions, the NIC's effective security rules beside the
// static verdict, the audit log summary, the client path and native-client readiness. No vscode.
import type { ActiveSession } from '../../azure/deep/activeSessions';
import type { DeepStepId } from '../../azure/deep/deepCheck';
import type { EffectiveSecurityGroupView } from '../../azure/deep/effectiveNic';
import type { DiagnosisReport } from '../../core/diagnose';
import type { DeepCheckRecord, KqlKey } from '../deep/record';

export interface Fact {
  label: string;
  value: string;
}

export interface DeepSection {
  steps: { title: string; state: string }[];
  queries: { key: KqlKey; title: string; text: string }[];
  /** Undefined when the sessions were not read (the step failed or did not run). */
  activeSessions?: ActiveSession[];
  staticVerdict: string;
  platformVerdicts: string[];
  effectiveGroups?: EffectiveSecurityGroupView[];
  auditLog?: Fact[];
  clientPath?: { summary: string; stages: { stage: string; ok: boolean; detail: string }[] };
  nativeClient?: Fact[];
  guest?: Fact[];
}

const STEP_ORDER: readonly DeepStepId[] = ['ip-flow', 'effective-security-rules', 'effective-routes', 'audit-logs', 'active-sessions', 'guest-os', 'client-path', 'native-client'];

const STATE_LABELS = { done: 'done', incomplete: 'incomplete: see the check-incomplete finding', skipped: 'skipped', started: 'did not finish' } as const;

const KQL_TITLES: Record<KqlKey, string> = {
  recent: 'Recent Bastion sessions for this VM (MicrosoftAzureBastionAuditLogs)',
  failedLogins: 'Failed logins',
  azureDiagnosticsFallback: 'Fallback for workspaces that still use the AzureDiagnostics table',
};

export function buildDeepSection(record: DeepCheckRecord, report: DiagnosisReport): DeepSection {
  const { result } = record;
  const steps = STEP_ORDER.flatMap((id) => {
    const ran = result.steps.find((step) => step.step === id);
    if (ran) return [{ title: record.stepTitles[id], state: STATE_LABELS[ran.state] }];
    const reason = record.notRun[id];
    return reason ? [{ title: record.stepTitles[id], state: `not run: ${reason}` }] : [];
  });
  const queries = (Object.keys(KQL_TITLES) as KqlKey[]).filter((key) => result.kql[key] !== '').map((key) => ({ key, title: KQL_TITLES[key], text: result.kql[key] }));
  return {
    steps,
    queries,
    activeSessions: result.activeSessions,
    staticVerdict: staticVerdict(report),
    platformVerdicts: result.deep.ipFlowVerifyResults.map((flow) =>
      `${flow.direction} ${flow.protocol} ${flow.remoteIpAddress} → ${flow.localIpAddress}:${flow.localPort}: ${flow.access} (rule ${flow.ruleName})`),
    effectiveGroups: result.effectiveSecurityRules?.groups,
    auditLog: result.auditLogSummary && [
      { label: 'Log rows', value: String(result.auditLogSummary.rows) },
      { label: 'Failed logins', value: String(result.auditLogSummary.failedLogins) },
      { label: 'Last successful connection', value: result.auditLogSummary.lastSuccess ?? 'none in the period' },
      { label: 'Last failed login', value: result.auditLogSummary.lastFailure ?? 'none in the period' },
      { label: 'Client IPs', value: listOrNone(result.auditLogSummary.clientIps) },
      { label: 'Users', value: listOrNone(result.auditLogSummary.users) },
    ],
    clientPath: result.clientPath && {
      summary: `${result.clientPath.host}:${result.clientPath.port}${result.clientPath.proxy ? ` through proxy ${stripUserInfo(result.clientPath.proxy)}` : ''}: ${result.clientPath.outcome}${result.clientPath.httpStatus !== undefined ? ` (HTTP ${result.clientPath.httpStatus})` : ''}`,
      stages: result.clientPath.stages.map((stage) => ({ stage: stage.stage, ok: stage.ok, detail: `${stage.detail} (${stage.elapsedMs} ms)` })),
    },
    nativeClient: result.nativeClient && [
      { label: 'Azure CLI', value: result.nativeClient.cliVersion ?? 'not found' },
      { label: 'bastion extension', value: result.nativeClient.bastionExtension ?? 'not installed' },
      { label: 'ssh extension', value: result.nativeClient.sshExtension ?? 'not installed' },
      { label: 'Signed in', value: result.nativeClient.signedIn === undefined ? 'not known' : result.nativeClient.signedIn ? `yes${result.nativeClient.tokenExpiresOn ? ` (until ${result.nativeClient.tokenExpiresOn})` : ''}` : 'no' },
      { label: 'Platform', value: result.nativeClient.platform },
    ],
    guest: result.guest?.state && Object.entries(result.guest.state).map(([label, value]) => ({ label, value: String(value) })),
  };
}

/** What the NSG rules as read decide for the VM (vm-nsg-blocks-bastion), beside what Azure says. */
function staticVerdict(report: DiagnosisReport): string {
  const blocking = report.findings.filter((finding) => finding.rule === 'vm-nsg-blocks-bastion');
  if (blocking.length > 0) return `denied: ${blocking.map((finding) => finding.message).join(' ')}`;
  return 'allowed: no rule on the VM\'s NSGs, as read, blocks Bastion';
}

function listOrNone(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : 'none';
}

/** The probe already removes proxy credentials; a report is pasted into tickets, so check again. */
function stripUserInfo(proxy: string): string {
  return proxy.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}
