// Terraform (azurerm provider) snippets: new resources as resource blocks, changes as the
// argument lines to set in the existing block. Argument names follow the azurerm docs.
import { AUDIT_LOG, BASTION_PUBLIC_IP, PEERING_ACCESS, publicIpName } from './bodies';
import type { BastionSettableProperty, NewSecurityRule, Remedy } from '../findings';
import { hashComment, hclString } from './quote';
import {
  DIAGNOSTIC_SETTING_NAME,
  LOCATION_INPUT,
  PREFIX_INPUT,
  WORKSPACE_INPUT,
  bastionIdValue,
  peeringDirections,
  peeringName,
  resourceGroupValue,
  targetOf,
  vnetIdValue,
  type UserInput,
  type Value,
} from './target';

/** azurerm_bastion_host argument per property; copy_paste_enabled is the inverse of disableCopyPaste. */
const BASTION_ARGUMENTS: Record<BastionSettableProperty, string> = {
  enableTunneling: 'tunneling_enabled',
  enableIpConnect: 'ip_connect_enabled',
  enableShareableLink: 'shareable_link_enabled',
  enableFileCopy: 'file_copy_enabled',
  disableCopyPaste: 'copy_paste_enabled',
  enableKerberos: 'kerberos_enabled',
  enableSessionRecording: 'session_recording_enabled',
  scaleUnits: 'scale_units',
};

/** An HCL expression written as is (a variable reference). */
class Expression {
  constructor(readonly text: string) {}
}

type HclValue = string | number | boolean | Expression | string[];
type Attributes = [string, HclValue][];

export function renderTerraform(remedy: Remedy): string | undefined {
  const file = new HclFile();
  switch (remedy.kind) {
    case 'add-security-rules': {
      const nsg = targetOf(remedy.nsg);
      file.comment('If the NSG declares its rules inline (security_rule blocks), add these as security_rule blocks there instead: azurerm does not support mixing both.');
      for (const rule of remedy.rules) {
        file.resource('azurerm_network_security_rule', rule.name, [
          ['name', rule.name],
          ['resource_group_name', file.value(resourceGroupValue(nsg, 'the NSG'))],
          ['network_security_group_name', nsg.name],
          ...ruleArguments(rule),
        ]);
      }
      break;
    }
    case 'set-rule-priority': {
      const nsg = targetOf(remedy.nsg);
      file.change(`the azurerm_network_security_rule (or security_rule block) ${remedy.ruleName} of ${nsg.name}`, [['priority', remedy.toPriority]]);
      break;
    }
    case 'set-bastion-property': {
      const bastion = targetOf(remedy.bastion);
      const value = remedy.property === 'disableCopyPaste' ? !remedy.value : remedy.value;
      file.change(`the azurerm_bastion_host ${bastion.name}`, [[BASTION_ARGUMENTS[remedy.property], value]]);
      break;
    }
    case 'upgrade-bastion-sku': {
      const bastion = targetOf(remedy.bastion);
      file.change(`the azurerm_bastion_host ${bastion.name}`, [['sku', remedy.toSku]]);
      break;
    }
    case 'enable-bastion-diagnostics': {
      const bastion = targetOf(remedy.bastion);
      file.resource(
        'azurerm_monitor_diagnostic_setting',
        'bastion_audit_logs',
        [
          ['name', DIAGNOSTIC_SETTING_NAME],
          ['target_resource_id', file.value(bastionIdValue(bastion))],
          ['log_analytics_workspace_id', file.value({ input: WORKSPACE_INPUT })],
        ],
        ['enabled_log {', `    category = "${AUDIT_LOG.category}"`, '  }'],
      );
      break;
    }
    case 'resize-bastion-subnet': {
      const subnet = targetOf(remedy.subnet);
      const prefix: Value = remedy.suggestedPrefix ? { literal: remedy.suggestedPrefix } : { input: PREFIX_INPUT };
      const rendered = file.value(prefix);
      const list = rendered instanceof Expression ? new Expression(`[${rendered.text}]`) : [remedy.suggestedPrefix ?? ''];
      file.change(`the azurerm_subnet ${subnet.name} of ${subnet.parentName ?? ''}`, [['address_prefixes', list]]);
      break;
    }
    case 'create-vnet-peering': {
      const local = targetOf(remedy.localVnet);
      const remote = targetOf(remedy.remoteVnet);
      for (const { from, to } of peeringDirections(local, remote, remedy.missingDirection)) {
        file.resource('azurerm_virtual_network_peering', peeringName(from, to), [
          ['name', peeringName(from, to)],
          ['resource_group_name', file.value(resourceGroupValue(from, `virtual network ${from.name}`))],
          ['virtual_network_name', from.name],
          ['remote_virtual_network_id', file.value(vnetIdValue(to, from === local ? 'REMOTE' : 'LOCAL'))],
          ['allow_virtual_network_access', PEERING_ACCESS.allowVirtualNetworkAccess],
        ]);
      }
      break;
    }
    case 'use-public-ip': {
      const bastion = targetOf(remedy.bastion);
      file.resource('azurerm_public_ip', publicIpName(bastion), [
        ['name', publicIpName(bastion)],
        ['resource_group_name', file.value(resourceGroupValue(bastion, 'the Bastion host'))],
        ['location', file.value({ input: LOCATION_INPUT })],
        ['allocation_method', BASTION_PUBLIC_IP.allocationMethod],
        ['sku', BASTION_PUBLIC_IP.sku],
      ]);
      break;
    }
    case 'dissociate-route-table':
    case 'reapply-bastion':
    case 'start-vm':
    case 'unlink-private-dns-zone':
    case 'set-api-version':
    case 'manual':
      return undefined;
  }
  return file.render();
}

function ruleArguments(rule: NewSecurityRule): Attributes {
  const ports = rule.destinationPortRanges;
  return [
    ['priority', rule.priority],
    ['direction', rule.direction],
    ['access', rule.access],
    ['protocol', rule.protocol],
    ['source_port_range', '*'],
    ports.length === 1 ? ['destination_port_range', ports[0]] : ['destination_port_ranges', ports],
    ['source_address_prefix', rule.sourceAddressPrefix],
    ['destination_address_prefix', rule.destinationAddressPrefix],
    ['description', rule.description],
  ];
}

class HclFile {
  private readonly variables = new Map<string, UserInput>();
  private readonly blocks: string[] = [];
  private readonly labels = new Set<string>();

  value(value: Value): HclValue {
    if ('literal' in value) return value.literal;
    this.variables.set(value.input.terraform, value.input);
    return new Expression(`var.${value.input.terraform}`);
  }

  resource(type: string, labelHint: string, attributes: Attributes, nestedLines: string[] = []): void {
    const label = this.label(labelHint);
    const body = aligned(attributes);
    const nested = nestedLines.length > 0 ? ['', `  ${nestedLines.join('\n')}`] : [];
    this.blocks.push([`resource "${type}" "${label}" {`, ...body, ...nested, '}'].join('\n'));
  }

  change(where: string, attributes: Attributes): void {
    this.blocks.push([hashComment(`In ${where}:`), ...aligned(attributes).map((line) => line.trimStart())].join('\n'));
  }

  comment(text: string): void {
    this.blocks.push(hashComment(text));
  }

  render(): string {
    const variables = [...this.variables.values()].map(
      (input) => `variable "${input.terraform}" {\n  type        = string\n  description = ${hclString(capitalize(input.hint))}\n}`,
    );
    const joined: string[] = [];
    for (const block of this.blocks) {
      const last = joined.length - 1;
      if (last >= 0 && joined[last].split('\n').every((line) => line.startsWith('#'))) joined[last] += `\n${block}`;
      else joined.push(block);
    }
    return [...variables, ...joined].join('\n\n');
  }

  private label(hint: string): string {
    const snake = hint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2');
    const base = snake.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'fix';
    const safe = /^[a-z_]/.test(base) ? base : `r_${base}`;
    let candidate = safe;
    for (let n = 2; this.labels.has(candidate); n += 1) candidate = `${safe}_${n}`;
    this.labels.add(candidate);
    return candidate;
  }
}

/** `  name = value` lines with the `=` aligned, as `terraform fmt` writes them. */
function aligned(attributes: Attributes): string[] {
  const width = Math.max(...attributes.map(([name]) => name.length));
  return attributes.map(([name, value]) => `  ${name.padEnd(width)} = ${hclValue(value)}`);
}

function hclValue(value: HclValue): string {
  if (value instanceof Expression) return value.text;
  if (typeof value === 'string') return hclString(value);
  if (Array.isArray(value)) return `[${value.map(hclString).join(', ')}]`;
  return String(value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
