// The deep-check environment served by the fake ARM and fake Log Analytics: the hub-and-spoke
// with a Network Watcher in westeurope and answers for every long-running action on the spoke VM.
import { armResourceId, SUBSCRIPTION_ID } from '../../support/arm';
import type { FakeLogAnalytics } from '../../support/fakeArm/logAnalytics';
import type { FakeArm } from '../../support/fakeArm/server';
import { hubAndSpoke } from '../scenarios';

export const env = hubAndSpoke();
export const watcherId = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_westeurope`;
const spokeNicId = armResourceId('Microsoft.Network/networkInterfaces', ['nic-vm-app-01']);
const action = (id: string, name: string) => `${id}/${name}`.toLowerCase();

export function serve(fake: FakeArm, logs: FakeLogAnalytics | undefined, options: { ipFlow?: { access: string; ruleName: string }; routes?: unknown[]; watcher?: boolean; resources?: readonly { id: string; name: string; type: string }[] } = {}): void {
  fake.put(...(options.resources ?? env.resources));
  if (options.watcher !== false) fake.put({ id: watcherId, name: 'NetworkWatcher_westeurope', type: 'Microsoft.Network/networkWatchers', location: 'westeurope', properties: { provisioningState: 'Succeeded' } } as never);
  fake.actions.set(action(watcherId, 'ipFlowVerify'), options.ipFlow ?? { access: 'Allow', ruleName: 'securityRules/AllowSshFromBastion' });
  fake.actions.set(action(spokeNicId, 'effectiveRouteTable'), { value: options.routes ?? [
    { source: 'Default', state: 'Active', addressPrefix: ['10.1.0.0/16'], nextHopType: 'VnetLocal', nextHopIpAddress: [] },
    { source: 'Default', state: 'Active', addressPrefix: ['0.0.0.0/0'], nextHopType: 'Internet', nextHopIpAddress: [] },
  ] });
  fake.actions.set(action(spokeNicId, 'effectiveNetworkSecurityGroups'), { value: [{
    networkSecurityGroup: { id: armResourceId('Microsoft.Network/networkSecurityGroups', ['nsg-spoke-workload']) },
    association: { subnet: { id: `${env.spokeVnetId}/subnets/snet-app` } },
    effectiveSecurityRules: [{ name: 'securityRules/AllowSshFromBastion', protocol: 'Tcp', sourceAddressPrefix: '10.0.1.0/26', destinationPortRange: '22-22', access: 'Allow', priority: 100, direction: 'Inbound' }],
  }] });
  fake.actions.set(action(env.hostId, 'getActiveSessions'), { value: [
    { sessionId: 'b1c7e0a4-0000-4000-8000-000000000001', startTime: '2026-01-10T09:00:00Z', userName: 'alex@contoso.com', targetIpAddress: '10.1.1.4', protocol: 'SSH', targetResourceId: env.spokeVmId, sessionDurationInMins: 12 },
  ] });
  fake.actions.set(action(env.spokeVmId, 'runCommand'), { value: [
    { code: 'ComponentStatus/StdOut/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', message: 'service=inactive\nlistening=no\n' },
    { code: 'ComponentStatus/StdErr/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', message: '' },
  ] });
  logs?.rows.set(env.hostId.toLowerCase(), [
    { TimeGenerated: '2026-01-10T08:00:00Z', UserName: 'alex@contoso.com', ClientIpAddress: '203.0.113.10', Protocol: 'ssh', TargetResourceId: env.spokeVmId, TargetVMIPAddress: '10.1.1.4', Message: 'Successfully Connected.' },
    { TimeGenerated: '2026-01-10T08:30:00Z', UserName: 'mallory', ClientIpAddress: '198.51.100.7', Protocol: 'ssh', TargetResourceId: env.spokeVmId, TargetVMIPAddress: '10.1.1.4', Message: 'Login Failed' },
    { TimeGenerated: '2026-01-10T08:31:00Z', UserName: 'mallory', ClientIpAddress: '198.51.100.7', Protocol: 'ssh', TargetResourceId: env.spokeVmId, TargetVMIPAddress: '10.1.1.4', Message: 'Login Failed' },
  ]);
}

