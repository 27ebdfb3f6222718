// Lints a generated ARM template shaped like real hub deployments (parameters, variables, property
// and resource copy loops, resourceId()/format() expressions, NSGs on every subnet, a Bastion host
// per hub) at 1×, 4× and 16× size: parse + evaluate + expand + map + diagnose.
import { lintDocuments } from '../src/templates/lint';
import { armTemplateSource } from '../src/templates/arm';
import { BASTION_RULES, type BenchRule, workloadRules } from './bastionRules';
import { formatMs, medianMs, type BenchRow } from './types';

/** An editor lints on every keystroke pause; a 1 MB template must stay well under a frame budget. */
const TARGET_MS = 100;
const BYTES_AT_1X = 1024 * 1024;
/** Linear growth would be 16× at 16× the input; allow noise on a shared machine. */
const GROWTH_LIMIT = 20;
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function ruleProperties(rule: BenchRule) {
  const ports = rule.ports.length === 1 ? { destinationPortRange: rule.ports[0] } : { destinationPortRanges: rule.ports };
  return {
    priority: rule.priority, direction: rule.direction, access: rule.name.startsWith('Deny') ? 'Deny' : 'Allow', protocol: rule.protocol,
    sourceAddressPrefix: rule.source, sourcePortRange: '*', destinationAddressPrefix: rule.destination, ...ports,
  };
}

const nsgId = (nameExpression: string) => `[resourceId('Microsoft.Network/networkSecurityGroups', ${nameExpression})]`;
const bastionNsgName = (hub: number) => `format('nsg-bastion-{0}-${hub}', parameters('prefix'))`;
const appNsgName = (hub: number, index: string) => `format('nsg-app-{0}-${hub}-{1}', parameters('prefix'), ${index})`;

/** Even hubs build the Bastion rules with a property copy loop over a variable, odd ones inline. */
function bastionNsg(hub: number) {
  const securityRules = hub % 2 === 0
    ? {
      copy: [{
        name: 'securityRules',
        count: "[length(variables('bastionRules'))]",
        input: {
          name: "[variables('bastionRules')[copyIndex('securityRules')].name]",
          properties: "[variables('bastionRules')[copyIndex('securityRules')].properties]",
        },
      }],
    }
    : { securityRules: BASTION_RULES.map((rule) => ({ name: rule.name, properties: ruleProperties(rule) })) };
  return {
    type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01',
    name: `[${bastionNsgName(hub)}]`, location: "[parameters('location')]", tags: "[variables('tags')]",
    properties: securityRules,
  };
}

function hub(index: number) {
  const octet = index % 250;
  const bastionPrefix = `10.${octet}.1.0/26`;
  const appNsgs = {
    type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01',
    name: `[${appNsgName(index, 'copyIndex()')}]`, location: "[parameters('location')]", tags: "[variables('tags')]",
    copy: { name: `appNsgs${index}`, count: 2 },
    properties: { securityRules: workloadRules(bastionPrefix).map((rule) => ({ name: rule.name, properties: ruleProperties(rule) })) },
  };
  const subnet = (name: string, prefix: string, nsg: string) => ({ name, properties: { addressPrefix: prefix, networkSecurityGroup: { id: nsgId(nsg) } } });
  const vnet = {
    type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-09-01',
    name: `[format('vnet-{0}-${index}', parameters('prefix'))]`, location: "[parameters('location')]", tags: "[variables('tags')]",
    dependsOn: [nsgId(bastionNsgName(index)), nsgId(appNsgName(index, '0')), nsgId(appNsgName(index, '1'))],
    properties: {
      addressSpace: { addressPrefixes: [`10.${octet}.0.0/16`] },
      subnets: [
        subnet('AzureBastionSubnet', bastionPrefix, bastionNsgName(index)),
        subnet('snet-app', `10.${octet}.2.0/24`, appNsgName(index, '0')),
        subnet('snet-data', `10.${octet}.3.0/24`, appNsgName(index, '1')),
      ],
    },
  };
  const publicIp = {
    type: 'Microsoft.Network/publicIPAddresses', apiVersion: '2023-09-01',
    name: `[format('pip-bastion-{0}-${index}', parameters('prefix'))]`, location: "[parameters('location')]",
    sku: { name: 'Standard' }, properties: { publicIPAllocationMethod: 'Static' },
  };
  const bastion = {
    type: 'Microsoft.Network/bastionHosts', apiVersion: '2023-09-01',
    name: `[format('bas-{0}-${index}', parameters('prefix'))]`, location: "[parameters('location')]",
    sku: { name: "[parameters('bastionSku')]" },
    properties: {
      enableTunneling: "[equals(parameters('bastionSku'), 'Standard')]",
      ipConfigurations: [{
        name: 'IpConf',
        properties: {
          subnet: { id: `[resourceId('Microsoft.Network/virtualNetworks/subnets', format('vnet-{0}-${index}', parameters('prefix')), 'AzureBastionSubnet')]` },
          publicIPAddress: { id: `[resourceId('Microsoft.Network/publicIPAddresses', format('pip-bastion-{0}-${index}', parameters('prefix')))]` },
        },
      }],
    },
  };
  return [bastionNsg(index), appNsgs, vnet, publicIp, bastion];
}

export function generatedArmTemplate(bytes: number): string {
  const render = (hubs: number) => JSON.stringify({
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: {
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
      prefix: { type: 'string', defaultValue: 'bench' },
      bastionSku: { type: 'string', defaultValue: 'Standard', allowedValues: ['Basic', 'Standard', 'Premium'] },
    },
    variables: {
      tags: { workload: 'bastion-bench', environment: "[parameters('prefix')]" },
      bastionRules: BASTION_RULES.map((rule) => ({ name: rule.name, properties: ruleProperties(rule) })),
    },
    resources: Array.from({ length: hubs }, (_, i) => hub(i)).flat(),
  }, null, 2);
  const perHub = render(2).length - render(1).length;
  let hubs = Math.max(1, Math.ceil(bytes / perHub));
  let text = render(hubs);
  while (text.length < bytes) {
    hubs = Math.ceil((hubs * bytes) / text.length) + 1;
    text = render(hubs);
  }
  return text;
}

export default async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const times: number[] = [];
  for (const scale of [1, 4, 16]) {
    const text = generatedArmTemplate(BYTES_AT_1X * scale);
    const doc = { path: 'bench/azuredeploy.json', text };
    const lint = () => lintDocuments([doc], { sources: [armTemplateSource] });
    const findings = lint().report.findings.length;
    const ms = medianMs(lint, scale === 16 ? 5 : 11, 2);
    times.push(ms);
    const growth = scale === 1 ? '' : ` (${(ms / times[0]).toFixed(1)}× the 1× time)`;
    rows.push({
      benchmark: 'lint ARM (parse + evaluate + map + diagnose)',
      input: `${scale}×: ${(text.length / 1024 / 1024).toFixed(2)} MB, ${findings} findings${growth}`,
      result: `${formatMs(ms)} (${(ms / (text.length / 1024 / 1024)).toFixed(1)} ms/MB)`,
      target: scale === 1 ? `< ${TARGET_MS} ms` : '',
      verdict: scale === 1 ? (ms < TARGET_MS ? 'ok' : 'over') : '',
    });
  }
  const ratio = times[2] / times[0];
  rows.push({
    benchmark: 'lint ARM growth',
    input: '16× input vs 1×',
    result: `${ratio.toFixed(1)}× the time (linear: 16×)`,
    target: `≤ ${GROWTH_LIMIT}×`,
    verdict: ratio <= GROWTH_LIMIT ? 'ok' : 'over',
  });
  return rows;
}
