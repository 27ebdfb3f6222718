// Lints a generated Terraform module (several .tf files: variables, hub networks, NSGs with inline
// security_rule blocks, Bastion NSG rules as separate azurerm_network_security_rule resources,
// associations, public IPs and Bastion hosts) at 1×, 4× and 16× size, as the CLI lints a folder.
import { lintDocuments } from '../src/templates/lint';
import { prepareTemplateFormats } from '../src/templates/formats';
import { clearTerraformParseCache, terraformSource } from '../src/templates/terraform';
import type { TemplateDocument } from '../src/templates/source';
import { BASTION_RULES, type BenchRule, workloadRules } from './bastionRules';
import { formatMs, medianMs, type BenchRow } from './types';

/** An editor lints on every keystroke pause; a 5,000-line module must stay well under a frame budget. */
const TARGET_MS = 100;
const LINES_AT_1X = 5000;
/** Linear growth would be 16× at 16× the input; allow noise on a shared machine. */
const GROWTH_LIMIT = 20;

function ports(rule: BenchRule, indent: string): string {
  return rule.ports.length === 1
    ? `${indent}destination_port_range      = "${rule.ports[0]}"`
    : `${indent}destination_port_ranges     = [${rule.ports.map((p) => `"${p}"`).join(', ')}]`;
}

function ruleArguments(rule: BenchRule, indent: string): string {
  return [
    `${indent}name                        = "${rule.name}"`,
    `${indent}priority                    = ${rule.priority}`,
    `${indent}direction                   = "${rule.direction}"`,
    `${indent}access                      = "${rule.name.startsWith('Deny') ? 'Deny' : 'Allow'}"`,
    `${indent}protocol                    = "${rule.protocol}"`,
    `${indent}source_port_range           = "*"`,
    ports(rule, indent),
    `${indent}source_address_prefix       = "${rule.source}"`,
    `${indent}destination_address_prefix  = "${rule.destination}"`,
  ].join('\n');
}

function network(hub: number): string {
  const octet = hub % 250;
  const subnet = (label: string, name: string, prefix: string) => `resource "azurerm_subnet" "${label}_${hub}" {
  name                 = "${name}"
  resource_group_name  = azurerm_resource_group.hub.name
  virtual_network_name = azurerm_virtual_network.hub_${hub}.name
  address_prefixes     = ["${prefix}"]
}
`;
  return `resource "azurerm_virtual_network" "hub_${hub}" {
  name                = "vnet-\${var.prefix}-${hub}"
  location            = var.location
  resource_group_name = azurerm_resource_group.hub.name
  address_space       = ["10.${octet}.0.0/16"]
  tags                = local.tags
}

${subnet('bastion', 'AzureBastionSubnet', `10.${octet}.1.0/26`)}
${subnet('app', 'snet-app', `10.${octet}.2.0/24`)}
${subnet('data', 'snet-data', `10.${octet}.3.0/24`)}`;
}

function nsgs(hub: number): string {
  const inline = workloadRules(`10.${hub % 250}.1.0/26`).map((rule) => `  security_rule {\n${ruleArguments(rule, '    ')}\n  }`).join('\n\n');
  const association = (subnet: string, nsg: string) => `resource "azurerm_subnet_network_security_group_association" "${subnet}_${hub}" {
  subnet_id                 = azurerm_subnet.${subnet}_${hub}.id
  network_security_group_id = azurerm_network_security_group.${nsg}_${hub}.id
}
`;
  return `resource "azurerm_network_security_group" "bastion_${hub}" {
  name                = "nsg-bastion-\${var.prefix}-${hub}"
  location            = var.location
  resource_group_name = azurerm_resource_group.hub.name
  tags                = local.tags
}

resource "azurerm_network_security_group" "app_${hub}" {
  name                = "nsg-app-\${var.prefix}-${hub}"
  location            = var.location
  resource_group_name = azurerm_resource_group.hub.name

${inline}
}

${association('bastion', 'bastion')}
${association('app', 'app')}
${association('data', 'app')}`;
}

function bastionRules(hub: number): string {
  return BASTION_RULES.map((rule) => `resource "azurerm_network_security_rule" "${rule.name.toLowerCase()}_${hub}" {
${ruleArguments(rule, '  ')}
  resource_group_name         = azurerm_resource_group.hub.name
  network_security_group_name = azurerm_network_security_group.bastion_${hub}.name
}
`).join('\n');
}

function bastion(hub: number): string {
  return `resource "azurerm_public_ip" "bastion_${hub}" {
  name                = "pip-bastion-\${var.prefix}-${hub}"
  location            = var.location
  resource_group_name = azurerm_resource_group.hub.name
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_bastion_host" "hub_${hub}" {
  name                = "bas-\${var.prefix}-${hub}"
  location            = var.location
  resource_group_name = azurerm_resource_group.hub.name
  sku                 = var.bastion_sku
  tunneling_enabled   = true

  ip_configuration {
    name                 = "configuration"
    subnet_id            = azurerm_subnet.bastion_${hub}.id
    public_ip_address_id = azurerm_public_ip.bastion_${hub}.id
  }
}
`;
}

const VARIABLES = `variable "location" {
  type    = string
  default = "westeurope"
}

variable "prefix" {
  type    = string
  default = "bench"
}

variable "bastion_sku" {
  type    = string
  default = "Standard"
}

locals {
  tags = { workload = "bastion-bench", environment = var.prefix }
}

resource "azurerm_resource_group" "hub" {
  name     = "rg-\${var.prefix}-hub"
  location = var.location
}
`;

const lineCount = (text: string) => text.split('\n').length;

export function generatedTerraformModule(lines: number): TemplateDocument[] {
  const render = (hubs: number): TemplateDocument[] => {
    const each = (part: (hub: number) => string) => Array.from({ length: hubs }, (_, i) => part(i)).join('\n');
    return [
      { path: 'bench/variables.tf', text: VARIABLES },
      { path: 'bench/network.tf', text: each(network) },
      { path: 'bench/nsg.tf', text: each(nsgs) },
      { path: 'bench/bastion-rules.tf', text: each(bastionRules) },
      { path: 'bench/bastion.tf', text: each(bastion) },
    ];
  };
  const total = (docs: TemplateDocument[]) => docs.reduce((sum, d) => sum + lineCount(d.text), 0);
  const perHub = total(render(2)) - total(render(1));
  return render(Math.max(1, Math.ceil((lines - lineCount(VARIABLES)) / perHub)));
}

/**
 * What the editor does on a pause in typing: lint the module again after one file changed. The
 * other files' parses are kept, so only the edited file (network.tf, ~19 KB) is parsed again.
 */
function relintAfterEdit(): BenchRow {
  const docs = generatedTerraformModule(LINES_AT_1X);
  const edited = docs.findIndex((doc) => doc.path.endsWith('network.tf'));
  let edits = 0;
  clearTerraformParseCache();
  lintDocuments(docs, { sources: [terraformSource] });
  const ms = medianMs(() => {
    edits += 1;
    const changed = docs.map((doc, i) => (i === edited ? { ...doc, text: `${doc.text}\n# edit ${edits}\n` } : doc));
    lintDocuments(changed, { sources: [terraformSource], only: [changed[edited].path] });
  }, 11, 2);
  return {
    benchmark: 'lint Terraform module again after editing one file (editor)',
    input: `1×: ${docs.reduce((sum, d) => sum + lineCount(d.text), 0)} lines, ${docs[edited].path} changed`,
    result: formatMs(ms),
    target: `< ${TARGET_MS} ms`,
    verdict: ms < TARGET_MS ? 'ok' : 'over',
  };
}

export default async function run(): Promise<BenchRow[]> {
  await prepareTemplateFormats();
  const rows: BenchRow[] = [];
  const times: number[] = [];
  for (const scale of [1, 4, 16]) {
    const docs = generatedTerraformModule(LINES_AT_1X * scale);
    const lines = docs.reduce((sum, d) => sum + lineCount(d.text), 0);
    // The CLI lints every file of the folder; each file is read together with its siblings.
    // A first lint: nothing parsed before (the editor keeps unchanged files' parses; see below).
    const lint = () => {
      clearTerraformParseCache();
      return lintDocuments(docs, { sources: [terraformSource] });
    };
    const findings = lint().report.findings.length;
    const ms = medianMs(lint, scale === 16 ? 5 : 11, 2);
    times.push(ms);
    const growth = scale === 1 ? '' : ` (${(ms / times[0]).toFixed(1)}× the 1× time)`;
    rows.push({
      benchmark: 'lint Terraform module (parse + evaluate + map + diagnose)',
      input: `${scale}×: ${lines} lines in ${docs.length} files, ${findings} findings${growth}`,
      result: `${formatMs(ms)} (${((ms / lines) * 1000).toFixed(1)} µs/line)`,
      target: scale === 1 ? `< ${TARGET_MS} ms` : '',
      verdict: scale === 1 ? (ms < TARGET_MS ? 'ok' : 'over') : '',
    });
  }
  rows.push(relintAfterEdit());
  const ratio = times[2] / times[0];
  rows.push({
    benchmark: 'lint Terraform growth',
    input: '16× input vs 1×',
    result: `${ratio.toFixed(1)}× the time (linear: 16×)`,
    target: `≤ ${GROWTH_LIMIT}×`,
    verdict: ratio <= GROWTH_LIMIT ? 'ok' : 'over',
  });
  return rows;
}
