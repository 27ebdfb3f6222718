// The deep-check environment served by the fake ARM and fake Log Analytics: the hub-and-spoke
// with a Network Watcher in westeurope and answers for every long-running action on the spoke VM.
// Network Watcher is per region and per subscription: it is put in the spoke VM's subscription,
// and every action is answered only under its own resource's subscription.
import type { FakeLogAnalytics } from '../../support/fakeArm/logAnalytics';
import type { FakeArm } from '../../support/fakeArm/server';
import { hubAndSpoke, type HubAndSpoke } from '../scenarios';

export const env = hubAndSpoke();

/** The westeurope Network Watcher of a subscription, where Azure creates it (NetworkWatcherRG). */
export function watcherIdIn(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_westeurope`;
}

const action = (id: string, name: string) => `${id}/${name}`.toLowerCase();

export interface ServeOptions {
  ipFlow?: { access: string; ruleName: string };
  routes?: unknown[];
  watcher?: boolean;
  /** The environment (default: the same-subscription hub-and-spoke). */
  scenario?: HubAndSpoke;
  /** What the fake serves (default: the scenario's resources). */
  resources?: readonly { id: string; name: string; type: string }[];
}

export function serve(fake: FakeArm, logs: FakeLogAnalytics | undefined, options: ServeOptions = {}): void {
  const scenario = options.scenario ?? env;
  const watcherId = watcherIdIn(scenario.spokeSubscriptionId);
  const spokeNicId = scenario.spokeNicId;
  fake.put(...(options.resources ?? scenario.resources));
  if (options.watcher !== false) fake.put({ id: watcherId, name: 'NetworkWatcher_westeurope', type: 'Microsoft.Network/networkWatchers', location: 'westeurope', properties: { provisioningState: 'Succeeded' } } as never);
  fake.actions.set(action(watcherId, 'ipFlowVerify'), options.ipFlow ?? { access: 'Allow', ruleName: 'securityRules/AllowSshFromBastion' });
  fake.actions.set(action(spokeNicId, 'effectiveRouteTable'), { value: options.routes ?? [
    { source: 'Default', state: 'Active', addressPrefix: ['10.1.0.0/16'], nextHopType: 'VnetLocal', nextHopIpAddress: [] },
    { source: 'Default', state: 'Active', addressPrefix: ['0.0.0.0/0'], nextHopType: 'Internet', nextHopIpAddress: [] },
  ] });
  fake.actions.set(action(spokeNicId, 'effectiveNetworkSecurityGroups'), { value: [{
    networkSecurityGroup: { id: scenario.spokeNsgId },
    association: { subnet: { id: `${scenario.spokeVnetId}/subnets/snet-app` } },
    effectiveSecurityRules: [{ name: 'securityRules/AllowSshFromBastion', protocol: 'Tcp', sourceAddressPrefix: '10.0.1.0/26', destinationPortRange: '22-22', access: 'Allow', priority: 100, direction: 'Inbound' }],
  }] });
  fake.actions.set(action(scenario.hostId, 'getActiveSessions'), { value: [
    { sessionId: 'b1c7e0a4-0000-4000-8000-000000000001', startTime: '2026-01-10T09:00:00Z', userName: 'alex@contoso.com', targetIpAddress: '10.1.1.4', protocol: 'SSH', targetResourceId: scenario.spokeVmId, sessionDurationInMins: 12 },
  ] });
  fake.actions.set(action(scenario.spokeVmId, 'runCommand'), { value: [
    { code: 'ComponentStatus/StdOut/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', message: 'service=inactive\nlistening=no\n' },
    { code: 'ComponentStatus/StdErr/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', message: '' },
  ] });
  logs?.rows.set(scenario.hostId.toLowerCase(), [
    { TimeGenerated: '2026-01-10T08:00:00Z', UserName: 'alex@contoso.com', ClientIpAddress: '203.0.113.10', Protocol: 'ssh', TargetResourceId: scenario.spokeVmId, TargetVMIPAddress: '10.1.1.4', Message: 'Successfully Connected.' },
    { TimeGenerated: '2026-01-10T08:30:00Z', UserName: 'mallory', ClientIpAddress: '198.51.100.7', Protocol: 'ssh', TargetResourceId: scenario.spokeVmId, TargetVMIPAddress: '10.1.1.4', Message: 'Login Failed' },
    { TimeGenerated: '2026-01-10T08:31:00Z', UserName: 'mallory', ClientIpAddress: '198.51.100.7', Protocol: 'ssh', TargetResourceId: scenario.spokeVmId, TargetVMIPAddress: '10.1.1.4', Message: 'Login Failed' },
  ]);
}

