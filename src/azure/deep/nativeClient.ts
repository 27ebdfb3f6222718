// Native client readiness on this machine (reference §7): Azure CLI 2.32 or later, the bastion
// extension, the ssh extension 0.1.3 or later for `az network bastion ssh`, Windows for
// `az network bastion rdp`, and a CLI sign-in that still yields a token. The CLI is asked to print
// only the token's expiry (--query expiresOn): the token never reaches this process or a log.
import { execFile } from 'node:child_process';
import type { Finding, ResourceRef } from '../../core/findings';
import { deepFinding, manualFix, type DeepContext } from './findings';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell; rejects with code ENOENT when it is not installed. */
export type Exec = (file: string, args: string[], signal?: AbortSignal) => Promise<ExecResult>;

export const MIN_CLI_VERSION = '2.32.0';
export const MIN_SSH_EXTENSION_VERSION = '0.1.3';

export interface NativeClientReadiness {
  cliVersion?: string;
  bastionExtension?: string;
  sshExtension?: string;
  /** expiresOn as the CLI prints it, when the sign-in is valid. */
  tokenExpiresOn?: string;
  signedIn?: boolean;
  platform: NodeJS.Platform;
}

export interface NativeClientOptions {
  exec?: Exec;
  platform?: NodeJS.Platform;
  /** Which commands the user means: ssh needs the ssh extension, rdp needs Windows. */
  wants: ('ssh' | 'rdp' | 'tunnel')[];
  signal?: AbortSignal;
}

export const defaultExec: Exec = (file, args, signal) => new Promise((resolve, reject) => {
  const windows = process.platform === 'win32';
  execFile(windows ? `${file}.cmd` : file, args, { signal, windowsHide: true, timeout: 60_000, shell: windows, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (error && (code === 'ENOENT' || error.name === 'AbortError')) {
      reject(error);
      return;
    }
    resolve({ exitCode: error ? (typeof code === 'number' ? code : 1) : 0, stdout, stderr });
  });
});

/** -1, 0 or 1; missing parts count as 0, pre-release suffixes are ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.+-]/).slice(0, 3).map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  }
  return 0;
}

/** Parses `az version -o json`. */
export function parseAzVersion(stdout: string): { cli?: string; extensions: Record<string, string> } {
  const parsed = JSON.parse(stdout) as { 'azure-cli'?: unknown; extensions?: Record<string, unknown> };
  const extensions: Record<string, string> = {};
  for (const [name, version] of Object.entries(parsed.extensions ?? {})) if (typeof version === 'string') extensions[name] = version;
  return { cli: typeof parsed['azure-cli'] === 'string' ? parsed['azure-cli'] : undefined, extensions };
}

export async function checkNativeClient(options: NativeClientOptions): Promise<NativeClientReadiness> {
  const exec = options.exec ?? defaultExec;
  const readiness: NativeClientReadiness = { platform: options.platform ?? process.platform };
  let version: ExecResult;
  try {
    version = await exec('az', ['version', '-o', 'json'], options.signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return readiness;
    throw error;
  }
  if (version.exitCode !== 0) return readiness;
  const parsed = parseAzVersion(version.stdout);
  readiness.cliVersion = parsed.cli;
  readiness.bastionExtension = parsed.extensions.bastion;
  readiness.sshExtension = parsed.extensions.ssh;
  const token = await exec('az', ['account', 'get-access-token', '--query', 'expiresOn', '-o', 'tsv'], options.signal);
  readiness.signedIn = token.exitCode === 0 && token.stdout.trim() !== '';
  if (readiness.signedIn) readiness.tokenExpiresOn = token.stdout.trim();
  return readiness;
}

export function nativeClientFindings(context: DeepContext, host: ResourceRef, readiness: NativeClientReadiness, wants: NativeClientOptions['wants']): Finding[] {
  const finding = (message: string, title: string, steps: string[]) =>
    deepFinding(context, { rule: 'bastion-native-client-cli', resource: host, message, evidence: evidenceOf(readiness), fixes: [manualFix(title, steps)] });
  if (readiness.cliVersion === undefined) {
    return [finding('The Azure CLI (az) is not installed or does not run on this machine; az network bastion ssh, rdp and tunnel need Azure CLI 2.32 or later.',
      'Install the Azure CLI', ['Install it: https://learn.microsoft.com/cli/azure/install-azure-cli', 'Then: az extension add --name bastion'])];
  }
  const findings: Finding[] = [];
  if (compareVersions(readiness.cliVersion, MIN_CLI_VERSION) < 0) {
    findings.push(finding(`Azure CLI ${readiness.cliVersion} is older than ${MIN_CLI_VERSION}, the first version the native client supports.`, 'Upgrade the Azure CLI', ['az upgrade']));
  }
  if (readiness.bastionExtension === undefined) {
    findings.push(finding('The Azure CLI bastion extension is not installed; az network bastion ssh, rdp and tunnel ship in it.', 'Install the bastion extension', ['az extension add --name bastion']));
  }
  if (wants.includes('ssh')) {
    if (readiness.sshExtension === undefined) {
      findings.push(finding(`The Azure CLI ssh extension is not installed; az network bastion ssh needs version ${MIN_SSH_EXTENSION_VERSION} or later.`, 'Install the ssh extension', ['az extension add --name ssh']));
    } else if (compareVersions(readiness.sshExtension, MIN_SSH_EXTENSION_VERSION) < 0) {
      findings.push(finding(`The Azure CLI ssh extension is ${readiness.sshExtension}; az network bastion ssh needs ${MIN_SSH_EXTENSION_VERSION} or later.`, 'Update the ssh extension', ['az extension update --name ssh']));
    }
  }
  if (wants.includes('rdp') && readiness.platform !== 'win32') {
    findings.push(finding(`az network bastion rdp runs only on Windows (it starts mstsc); this machine is ${readiness.platform}.`, 'Tunnel RDP instead', [
      'Open a tunnel: az network bastion tunnel --name <bastion> --resource-group <group> --target-resource-id <vm id> --resource-port 3389 --port 13389',
      'Then point an RDP client at localhost:13389.',
    ]));
  }
  if (readiness.signedIn === false) {
    findings.push(finding('The Azure CLI sign-in is no longer valid (az account get-access-token fails), so the native client cannot get the token it exchanges with the Bastion host.', 'Sign in to the Azure CLI again', ['az login']));
  }
  return findings;
}

function evidenceOf(readiness: NativeClientReadiness): { label: string; value: string }[] {
  return [
    { label: 'Azure CLI', value: readiness.cliVersion ?? 'not found' },
    { label: 'bastion extension', value: readiness.bastionExtension ?? 'not installed' },
    { label: 'ssh extension', value: readiness.sshExtension ?? 'not installed' },
    { label: 'Platform', value: readiness.platform },
    ...(readiness.signedIn !== undefined ? [{ label: 'CLI sign-in', value: readiness.signedIn ? `valid (token expires ${readiness.tokenExpiresOn})` : 'expired or missing' }] : []),
  ];
}
