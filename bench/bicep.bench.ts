// Lints a generated Bicep file (many NSGs with the eight Bastion rules, each on its own
// AzureBastionSubnet) at 1×, 4× and 16× size: parse + evaluate + map + diagnose.
import { bicepSource } from '../src/templates/bicep';
import { lintDocuments } from '../src/templates/lint';
import { formatMs, medianMs, type BenchRow } from './types';

/** An editor lints on every keystroke pause; a 5,000-line file must stay well under a frame budget. */
const TARGET_MS = 100;
const LINES_AT_1X = 5000;

const RULES: [string, number, string, string, string, string, string][] = [
  ['AllowHttpsInbound', 120, 'Inbound', 'Tcp', 'Internet', '*', '443'],
  ['AllowGatewayManagerInbound', 130, 'Inbound', 'Tcp', 'GatewayManager', '*', '443'],
  ['AllowAzureLoadBalancerInbound', 140, 'Inbound', 'Tcp', 'AzureLoadBalancer', '*', '443'],
  ['AllowBastionHostCommunication', 150, 'Inbound', '*', 'VirtualNetwork', 'VirtualNetwork', '8080'],
  ['AllowSshRdpOutbound', 100, 'Outbound', '*', '*', 'VirtualNetwork', '22'],
  ['AllowAzureCloudOutbound', 110, 'Outbound', 'Tcp', '*', 'AzureCloud', '443'],
  ['AllowBastionCommunication', 120, 'Outbound', '*', 'VirtualNetwork', 'VirtualNetwork', '8080'],
  ['AllowHttpOutbound', 130, 'Outbound', '*', '*', 'Internet', '80'],
];

function hub(index: number): string {
  const rules = RULES.map(
    ([name, priority, direction, protocol, source, destination, port]) => `      {
        name: '${name}'
        properties: {
          priority: ${priority}
          direction: '${direction}'
          access: 'Allow'
          protocol: '${protocol}'
          sourceAddressPrefix: '${source}'
          sourcePortRange: '*'
          destinationAddressPrefix: '${destination}'
          destinationPortRange: '${port}'
        }
      }`,
  ).join('\n');
  return `resource nsg${index} 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-\${prefix}-${index}'
  location: location
  properties: {
    securityRules: [
${rules}
    ]
  }
}

resource vnet${index} 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-\${prefix}-${index}'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.${index % 250}.0.0/16']
    }
    subnets: [
      {
        name: 'AzureBastionSubnet'
        properties: {
          addressPrefix: '10.${index % 250}.1.0/26'
          networkSecurityGroup: {
            id: nsg${index}.id
          }
        }
      }
    ]
  }
}
`;
}

export function generatedBicep(lines: number): string {
  const header = "param location string = resourceGroup().location\nparam prefix string = 'bench'\n\n";
  const perHub = hub(0).split('\n').length;
  const count = Math.max(1, Math.round(lines / perHub));
  return header + Array.from({ length: count }, (_, i) => hub(i)).join('\n');
}

export default async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const baseline: number[] = [];
  for (const scale of [1, 4, 16]) {
    const text = generatedBicep(LINES_AT_1X * scale);
    const doc = { path: 'bench/main.bicep', text };
    const ms = medianMs(() => lintDocuments([doc], { sources: [bicepSource] }), scale === 16 ? 5 : 11, 2);
    baseline.push(ms);
    const lineCount = text.split('\n').length;
    const perLine = ms / lineCount;
    const growth = scale === 1 ? '' : ` (${(ms / baseline[0]).toFixed(1)}× the 1× time)`;
    rows.push({
      benchmark: 'lint Bicep (parse + evaluate + diagnose)',
      input: `${scale}×: ${lineCount} lines${growth}`,
      result: `${formatMs(ms)} (${(perLine * 1000).toFixed(1)} µs/line)`,
      target: scale === 1 ? `< ${TARGET_MS} ms` : `≤ ${scale * 1.5}× the 1× time`,
      verdict: scale === 1 ? (ms < TARGET_MS ? 'ok' : 'over') : ms <= baseline[0] * scale * 1.5 ? 'ok' : 'over',
    });
  }
  return rows;
}
