// The NSG evaluator on the eight required Bastion flows over NSGs of growing size.
import type { SecurityRule } from '../src/core/model';
import { azureDefaultRules, evaluateFlow } from '../src/core/nsg/index';
import type { FlowQuery } from '../src/core/nsg/types';
import { BenchRow, formatMs, medianMs } from './types';

const NSG_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-bench/providers/Microsoft.Network/networkSecurityGroups/nsg-bench';
const CONTEXT = { virtualNetworkPrefixes: ['10.0.0.0/16'] };

const FLOWS: FlowQuery[] = [
  { direction: 'Inbound', protocol: 'Tcp', sources: ['Internet'], destinations: ['*'], destinationPorts: ['443'] },
  { direction: 'Inbound', protocol: 'Tcp', sources: ['GatewayManager'], destinations: ['*'], destinationPorts: ['443'] },
  { direction: 'Inbound', protocol: 'Tcp', sources: ['AzureLoadBalancer'], destinations: ['*'], destinationPorts: ['443'] },
  { direction: 'Inbound', protocol: '*', sources: ['VirtualNetwork'], destinations: ['VirtualNetwork'], destinationPorts: ['8080', '5701'] },
  { direction: 'Outbound', protocol: '*', sources: ['*'], destinations: ['VirtualNetwork'], destinationPorts: ['22', '3389'] },
  { direction: 'Outbound', protocol: '*', sources: ['VirtualNetwork'], destinations: ['VirtualNetwork'], destinationPorts: ['8080', '5701'] },
  { direction: 'Outbound', protocol: 'Tcp', sources: ['*'], destinations: ['AzureCloud'], destinationPorts: ['443'] },
  { direction: 'Outbound', protocol: '*', sources: ['*'], destinations: ['Internet'], destinationPorts: ['80'] },
];

/** A small deterministic generator, so every run measures the same rules. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function securityRule(name: string, fields: Omit<SecurityRule, 'id' | 'name' | 'origin' | 'sourcePortRanges' | 'sourceApplicationSecurityGroupIds' | 'destinationApplicationSecurityGroupIds' | 'isDefault'>): SecurityRule {
  const id = `${NSG_ID}/securityRules/${name}`;
  return { id, name, origin: { kind: 'arm', id }, sourcePortRanges: ['*'], sourceApplicationSecurityGroupIds: [], destinationApplicationSecurityGroupIds: [], isDefault: false, ...fields };
}

/**
 * `count` rules the way large NSGs look: application allows and denies on service ports from
 * partner CIDRs, office ranges and tags, the Bastion rules late, and a deny-all at 4096.
 */
function realisticRules(count: number): SecurityRule[] {
  const next = random(count);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const octet = () => Math.floor(next() * 256);
  const address = () => pick([
    () => `${pick([20, 40, 52, 104, 131, 203])}.${octet()}.${octet()}.0/${pick([16, 20, 24, 28])}`,
    () => `10.${pick([0, 1, 2, 50])}.${octet()}.0/24`,
    () => `${pick([20, 52, 198])}.${octet()}.${octet()}.${octet()}`,
    () => pick(['Internet', 'VirtualNetwork', 'AzureCloud', 'GatewayManager', 'AzureLoadBalancer', '*']),
  ])();
  const ports = () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(['1433', '5432', '3306', '6379', '9000-9100', '8443', '21', '25', '53', '10250', '30000-32767']));
  const rules: SecurityRule[] = [];
  const perDirection = Math.max(1, Math.floor((count - 10) / 2));
  for (const direction of ['Inbound', 'Outbound'] as const) {
    for (let i = 0; i < perDirection; i++) {
      rules.push(securityRule(`${direction}-app-${i}`, {
        priority: 100 + Math.floor((i * 3800) / perDirection),
        direction,
        access: next() < 0.7 ? 'Allow' : 'Deny',
        protocol: pick(['Tcp', 'Tcp', 'Udp', '*']),
        sourceAddressPrefixes: Array.from({ length: 1 + Math.floor(next() * 2) }, address),
        destinationAddressPrefixes: [pick(['*', '10.0.1.0/24', '10.0.2.0/24', 'VirtualNetwork'])],
        destinationPortRanges: ports(),
      }));
    }
  }
  const bastion: [string, 'Inbound' | 'Outbound', string, string, string[], string][] = [
    ['AllowHttpsInbound', 'Inbound', 'Internet', '*', ['443'], 'Tcp'],
    ['AllowGatewayManagerInbound', 'Inbound', 'GatewayManager', '*', ['443'], 'Tcp'],
    ['AllowAzureLoadBalancerInbound', 'Inbound', 'AzureLoadBalancer', '*', ['443'], 'Tcp'],
    ['AllowBastionHostCommunication', 'Inbound', 'VirtualNetwork', 'VirtualNetwork', ['8080', '5701'], '*'],
    ['AllowSshRdpOutbound', 'Outbound', '*', 'VirtualNetwork', ['22', '3389'], '*'],
    ['AllowAzureCloudOutbound', 'Outbound', '*', 'AzureCloud', ['443'], 'Tcp'],
    ['AllowBastionCommunication', 'Outbound', 'VirtualNetwork', 'VirtualNetwork', ['8080', '5701'], '*'],
    ['AllowHttpOutbound', 'Outbound', '*', 'Internet', ['80'], '*'],
  ];
  bastion.forEach(([name, direction, source, destination, destinationPortRanges, protocol], i) => {
    rules.push(securityRule(name, { priority: 3950 + i, direction, access: 'Allow', protocol, sourceAddressPrefixes: [source], destinationAddressPrefixes: [destination], destinationPortRanges }));
  });
  for (const direction of ['Inbound', 'Outbound'] as const) {
    rules.push(securityRule(`DenyAll${direction}`, { priority: 4096, direction, access: 'Deny', protocol: '*', sourceAddressPrefixes: ['*'], destinationAddressPrefixes: ['*'], destinationPortRanges: ['*'] }));
  }
  return [...rules, ...azureDefaultRules(NSG_ID)];
}

const RUNS = 15;
const WARMUP = 3;

/** Median time of the eight flows; `fresh` gives new rule objects each run, so parsing is measured. */
function measure(rules: SecurityRule[], fresh: boolean): number {
  const copies = fresh ? Array.from({ length: RUNS + WARMUP }, () => rules.map((r) => ({ ...r }))) : [];
  let run = 0;
  return medianMs(() => {
    const list = fresh ? copies[run++] : [...rules];
    for (const flow of FLOWS) evaluateFlow(list, flow, CONTEXT);
  }, RUNS, WARMUP);
}

export default async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const medians = new Map<number, number>();
  for (const size of [10, 100, 1000, 10000]) {
    const rules = realisticRules(size);
    for (const fresh of [true, false]) {
      const ms = measure(rules, fresh);
      if (fresh) medians.set(size, ms);
      const targeted = size === 1000;
      rows.push({
        benchmark: `evaluator: 8 Bastion flows${fresh ? ', rules parsed in the run' : ', rules parsed before'}`,
        input: `${size.toLocaleString('en-US')} rules`,
        result: formatMs(ms),
        target: targeted ? '< 5 ms' : '',
        verdict: targeted ? (ms < 5 ? 'ok' : 'over') : '',
      });
    }
  }
  const ratio = (medians.get(10000) ?? 0) / (medians.get(1000) ?? 1);
  rows.push({ benchmark: 'evaluator: growth, rules parsed in the run', input: '10,000 / 1,000 rules', result: `${ratio.toFixed(1)}×`, target: '≤ ~10× (linear)', verdict: ratio <= 12 ? 'ok' : 'over' });
  return rows;
}
