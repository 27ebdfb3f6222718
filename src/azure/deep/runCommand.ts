// The guest OS, opt-in: a read-only script through VM Run Command. The scripts are exported as is
// so the UI shows exactly what will run before the user confirms. They change nothing: they read
// the service state, the listening sockets and (Windows) recent logon failures, and print lines
// of `key=value` that parseGuestOutput reads.
import type { Finding } from '../../core/findings';
import { parseResourceId } from '../../core/resourceId';
import { clientsFor } from '../clients';
import { armRef, deepFinding, manualFix, prerequisiteMissing } from './findings';
import type { StepContext } from './step';
import { isVmStopped, type ResolvedTarget } from './target';

export const RUN_COMMAND_ACTION = 'Microsoft.Compute/virtualMachines/runCommand/action';

/** Linux: is sshd active, and is anything listening on the port. PORT is substituted before sending. */
export const LINUX_GUEST_SCRIPT = [
  'PORT=__PORT__',
  'state=$(systemctl is-active sshd 2>/dev/null || systemctl is-active ssh 2>/dev/null)',
  'echo "service=${state:-unknown}"',
  'if ss -H -ltn "sport = :$PORT" 2>/dev/null | grep -q LISTEN; then echo "listening=yes"; else echo "listening=no"; fi',
].join('\n');

/** Windows: Remote Desktop service state, the configured RDP port, listening, logon failures (4625) in 24 h. */
export const WINDOWS_GUEST_SCRIPT = [
  '$svc = Get-Service -Name TermService -ErrorAction SilentlyContinue',
  '"service=$(if ($svc) { $svc.Status.ToString().ToLower() } else { \'missing\' })"',
  '$port = (Get-ItemProperty -Path \'HKLM:\\System\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp\' -Name PortNumber).PortNumber',
  '"port=$port"',
  '"listening=$(if (Get-NetTCPConnection -State Listen -LocalPort $port -ErrorAction SilentlyContinue) { \'yes\' } else { \'no\' })"',
  '$denyTs = (Get-ItemProperty -Path \'HKLM:\\System\\CurrentControlSet\\Control\\Terminal Server\' -Name fDenyTSConnections).fDenyTSConnections',
  '"rdpDisabled=$(if ($denyTs -eq 1) { \'yes\' } else { \'no\' })"',
  '"logonFailures=$((Get-WinEvent -FilterHashtable @{LogName=\'Security\'; Id=4625; StartTime=(Get-Date).AddHours(-24)} -ErrorAction SilentlyContinue | Measure-Object).Count)"',
].join('\n');

export interface GuestScript {
  commandId: 'RunShellScript' | 'RunPowerShellScript';
  script: string;
}

/** The exact script for a VM: what the confirmation shows and what is sent. */
export function guestScriptFor(osType: 'Linux' | 'Windows', port: string): GuestScript {
  return osType === 'Linux'
    ? { commandId: 'RunShellScript', script: LINUX_GUEST_SCRIPT.replace('__PORT__', /^\d+$/.test(port) ? port : '22') }
    : { commandId: 'RunPowerShellScript', script: WINDOWS_GUEST_SCRIPT };
}

/** What inspectGuest sends to the target's VM, port included: what a confirmation must show. */
export function guestScriptOf(target: Pick<ResolvedTarget, 'vm' | 'ports'>): { script: GuestScript; port: string } | undefined {
  const osType = target.vm?.osType;
  if (osType === undefined) return undefined;
  const port = target.ports.find((candidate) => candidate !== (osType === 'Linux' ? '3389' : '22')) ?? (osType === 'Linux' ? '22' : '3389');
  return { script: guestScriptFor(osType, port), port };
}

export interface GuestState {
  service?: string;
  listening?: boolean;
  port?: string;
  rdpDisabled?: boolean;
  logonFailures?: number;
}

export function parseGuestOutput(stdout: string): GuestState {
  const values = new Map<string, string>();
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^(\w+)=(.*)$/.exec(line.trim());
    if (match) values.set(match[1], match[2].trim());
  }
  const state: GuestState = {};
  if (values.has('service')) state.service = values.get('service')!.toLowerCase();
  if (values.has('listening')) state.listening = values.get('listening') === 'yes';
  if (values.has('port')) state.port = values.get('port');
  if (values.has('rdpDisabled')) state.rdpDisabled = values.get('rdpDisabled') === 'yes';
  if (values.has('logonFailures') && /^\d+$/.test(values.get('logonFailures')!)) state.logonFailures = Number(values.get('logonFailures'));
  return state;
}

export function guestFindings(step: Pick<StepContext, 'context' | 'target'>, osType: 'Linux' | 'Windows', expectedPort: string, state: GuestState): Finding[] {
  const vm = step.target.vm!;
  const resource = armRef(vm.id, 'Microsoft.Compute/virtualMachines', vm.name);
  const rg = parseResourceId(vm.id).resourceGroup ?? '<resource-group>';
  const evidence = Object.entries(state).map(([label, value]) => ({ label: `Guest ${label}`, value: String(value) }));
  const findings: Finding[] = [];
  const finding = (message: string, title: string, steps: string[]) => findings.push(deepFinding(step.context, { rule: 'vm-guest-not-listening', resource, message, evidence, fixes: [manualFix(title, steps)] }));
  if (osType === 'Linux') {
    if (state.service !== undefined && state.service !== 'active') {
      finding(`sshd on ${vm.name} is ${state.service}, so nothing answers Bastion's SSH connection.`, 'Start sshd', [
        `az vm run-command invoke -g ${rg} -n ${vm.name} --command-id RunShellScript --scripts "systemctl enable --now sshd || systemctl enable --now ssh"`,
      ]);
    } else if (state.listening === false) {
      finding(`sshd on ${vm.name} is active but nothing listens on TCP ${expectedPort}, the port Bastion connects to.`, `Make sshd listen on ${expectedPort}`, [
        `Set "Port ${expectedPort}" in /etc/ssh/sshd_config (and ListenAddress, if set, to the private IP or 0.0.0.0), then restart: systemctl restart sshd`,
        'Or connect through Bastion on the port sshd does use (Standard or Premium: custom port).',
      ]);
    }
    return findings;
  }
  if (state.service !== undefined && state.service !== 'running') {
    finding(`The Remote Desktop service (TermService) on ${vm.name} is ${state.service}, so nothing answers Bastion's RDP connection.`, 'Start the Remote Desktop service', [
      `az vm run-command invoke -g ${rg} -n ${vm.name} --command-id RunPowerShellScript --scripts "Set-Service TermService -StartupType Automatic; Start-Service TermService"`,
    ]);
  } else if (state.rdpDisabled) {
    finding(`Remote Desktop connections are turned off on ${vm.name} (fDenyTSConnections = 1).`, 'Allow Remote Desktop connections', [
      `az vm run-command invoke -g ${rg} -n ${vm.name} --command-id EnableRemoteDesktop`,
    ]);
  } else if (state.listening === false || (state.port !== undefined && state.port !== expectedPort)) {
    finding(`${vm.name} listens for RDP on ${state.port ?? 'an unknown port'}${state.listening === false ? ' (and nothing is listening there)' : ''}, but Bastion connects on ${expectedPort}.`, `Make RDP listen on ${expectedPort}`, [
      `az vm run-command invoke -g ${rg} -n ${vm.name} --command-id SetRDPPort --parameters "RDPPORT=${expectedPort}"`,
    ]);
  }
  return findings;
}

export interface GuestOutcome {
  script?: GuestScript;
  state?: GuestState;
  findings: Finding[];
}

export async function inspectGuest(step: StepContext): Promise<GuestOutcome> {
  const vm = step.target.vm;
  if (!vm) return { findings: [] };
  const vmRef = armRef(vm.id, 'Microsoft.Compute/virtualMachines', vm.name);
  const chosen = guestScriptOf({ vm, ports: step.target.ports });
  if (!chosen || vm.osType === undefined) return { findings: [prerequisiteMissing(step.context, vmRef, 'vm', `The OS type of ${vm.name} is not known, so no guest script can be chosen.`)] };
  if (isVmStopped(vm)) return { findings: [prerequisiteMissing(step.context, vmRef, 'vm', `Run Command needs ${vm.name} running (power state: ${vm.powerState}).`)] };
  const { script, port } = chosen;
  const compute = await clientsFor(step.clients, vm.id).compute();
  const { resourceGroup = '' } = parseResourceId(vm.id);
  const outcome = await step.call({ id: vm.id, name: vm.name, type: 'Microsoft.Compute/virtualMachines', kind: 'Run Command on virtual machine', action: RUN_COMMAND_ACTION, layer: 'vm', decides: 'whether sshd / Remote Desktop listens inside the VM' },
    (signal) => compute.virtualMachines.runCommand(resourceGroup, vm.name, { commandId: script.commandId, script: script.script.split('\n') }, { abortSignal: signal, updateIntervalInMs: step.updateIntervalInMs }));
  if (!outcome.ok) return { script, findings: [outcome.finding] };
  const stdout = (outcome.value.value ?? []).filter((status) => /StdOut/i.test(status.code ?? '')).map((status) => status.message ?? '').join('\n');
  const state = parseGuestOutput(stdout);
  if (state.service === undefined && state.listening === undefined) {
    return { script, state, findings: [prerequisiteMissing(step.context, vmRef, 'vm', `The guest script on ${vm.name} printed nothing readable (the VM agent may be missing or not ready).`, [{ label: 'Output', value: stdout.slice(0, 500) || '(empty)' }])] };
  }
  return { script, state, findings: guestFindings(step, vm.osType, port, state) };
}
