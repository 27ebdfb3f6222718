// Bicep snippets: new resources as declarations (children through `parent` on an `existing`
// reference), changes as the property lines to set in the existing declaration.
import { diagnosticSettingProperties, peeringProperties, publicIpBody, publicIpName } from './bodies';
import type { NewSecurityRule, Remedy } from '../findings';
import { resourceTypeOf } from '../resourceId';
import { bicepString, slashComment } from './quote';
import {
  DIAGNOSTIC_SETTING_NAME,
  DIAGNOSTIC_SETTINGS_API_VERSION,
  LOCATION_INPUT,
  NETWORK_API_VERSION,
  PREFIX_INPUT,
  WORKSPACE_INPUT,
  peeringDirections,
  peeringName,
  targetOf,
  vnetIdValue,
  type UserInput,
  type Value,
} from './target';

/** A Bicep expression written as is (a parameter or symbolic reference). */
class Raw {
  constructor(readonly text: string) {}
}

type BicepValue = string | number | boolean | Raw | BicepValue[] | { [key: string]: BicepValue };

export function renderBicep(remedy: Remedy): string | undefined {
  const file = new BicepFile();
  switch (remedy.kind) {
    case 'add-security-rules': {
      const nsg = targetOf(remedy.nsg);
      const parent = file.existing('Microsoft.Network/networkSecurityGroups', nsg.name, 'nsg');
      for (const rule of remedy.rules) {
        file.resource(rule.name, `Microsoft.Network/networkSecurityGroups/securityRules@${NETWORK_API_VERSION}`, {
          parent: new Raw(parent),
          name: rule.name,
          properties: ruleProperties(rule),
        });
      }
      break;
    }
    case 'set-rule-priority': {
      const nsg = targetOf(remedy.nsg);
      file.change(`security rule ${remedy.ruleName} of network security group ${nsg.name}, under properties`, { priority: remedy.toPriority });
      break;
    }
    case 'set-bastion-property': {
      const bastion = targetOf(remedy.bastion);
      file.change(`Bastion host ${bastion.name}, under properties`, { [remedy.property]: remedy.value });
      break;
    }
    case 'upgrade-bastion-sku': {
      const bastion = targetOf(remedy.bastion);
      file.change(`Bastion host ${bastion.name}`, { sku: { name: remedy.toSku } });
      break;
    }
    case 'enable-bastion-diagnostics': {
      const bastion = targetOf(remedy.bastion);
      const scope = file.existing('Microsoft.Network/bastionHosts', bastion.name, 'bastion');
      file.resource('bastionAuditLogs', `Microsoft.Insights/diagnosticSettings@${DIAGNOSTIC_SETTINGS_API_VERSION}`, {
        name: DIAGNOSTIC_SETTING_NAME,
        scope: new Raw(scope),
        properties: diagnosticSettingProperties(file.value({ input: WORKSPACE_INPUT })),
      });
      break;
    }
    case 'resize-bastion-subnet': {
      const subnet = targetOf(remedy.subnet);
      const prefix: Value = remedy.suggestedPrefix ? { literal: remedy.suggestedPrefix } : { input: PREFIX_INPUT };
      file.change(`subnet ${subnet.name} of virtual network ${subnet.parentName ?? ''}, under properties`, { addressPrefix: file.value(prefix) });
      break;
    }
    case 'create-vnet-peering': {
      const local = targetOf(remedy.localVnet);
      const remote = targetOf(remedy.remoteVnet);
      for (const { from, to } of peeringDirections(local, remote, remedy.missingDirection)) {
        file.comment(`Deploy to the resource group of virtual network ${from.name}${from.resourceGroup ? ` (${from.resourceGroup})` : ''}.`);
        const parent = file.existing('Microsoft.Network/virtualNetworks', from.name, 'vnet');
        file.resource(peeringName(from, to), `Microsoft.Network/virtualNetworks/virtualNetworkPeerings@${NETWORK_API_VERSION}`, {
          parent: new Raw(parent),
          name: peeringName(from, to),
          properties: peeringProperties(file.value(vnetIdValue(to, from === local ? 'REMOTE' : 'LOCAL'))),
        });
      }
      break;
    }
    case 'use-public-ip': {
      const bastion = targetOf(remedy.bastion);
      file.resource(publicIpName(bastion), `Microsoft.Network/publicIPAddresses@${NETWORK_API_VERSION}`, publicIpBody(publicIpName(bastion), file.value({ input: LOCATION_INPUT })));
      break;
    }
    case 'set-api-version': {
      const target = targetOf(remedy.resource);
      const type = remedy.resource.type ?? resourceTypeOf(remedy.resource.id) ?? '';
      file.comment(`In the declaration of ${target.name}, change the type string to:`);
      file.block(bicepString(`${type}@${remedy.toApiVersion}`));
      break;
    }
    case 'dissociate-route-table':
    case 'reapply-bastion':
    case 'start-vm':
    case 'unlink-private-dns-zone':
    case 'manual':
      return undefined;
  }
  return file.render();
}

function ruleProperties(rule: NewSecurityRule): { [key: string]: BicepValue } {
  const ports = rule.destinationPortRanges;
  return {
    description: rule.description,
    priority: rule.priority,
    direction: rule.direction,
    access: rule.access,
    protocol: rule.protocol,
    sourceAddressPrefix: rule.sourceAddressPrefix,
    sourcePortRange: '*',
    destinationAddressPrefix: rule.destinationAddressPrefix,
    ...(ports.length === 1 ? { destinationPortRange: ports[0] } : { destinationPortRanges: ports }),
  };
}

const BICEP_KEYWORDS = new Set([
  'metadata', 'targetScope', 'resource', 'module', 'param', 'var', 'output', 'for', 'in', 'if',
  'existing', 'import', 'type', 'func', 'true', 'false', 'null', 'extension', 'with', 'as',
]);

class BicepFile {
  private readonly params = new Map<string, UserInput>();
  private readonly blocks: string[] = [];
  private readonly symbols = new Set<string>();

  value(value: Value): BicepValue {
    if ('literal' in value) return value.literal;
    this.params.set(value.input.bicep, value.input);
    this.symbols.add(value.input.bicep);
    return new Raw(value.input.bicep);
  }

  /** Declares an `existing` reference and returns its symbolic name. */
  existing(type: string, name: string, preferredSymbol: string): string {
    const symbol = this.symbol(preferredSymbol);
    this.blocks.push(`resource ${symbol} '${type}@${NETWORK_API_VERSION}' existing = {\n  name: ${bicepString(name)}\n}`);
    return symbol;
  }

  resource(symbolHint: string, typeAndVersion: string, body: { [key: string]: BicepValue }): void {
    const symbol = this.symbol(symbolHint);
    this.blocks.push(`resource ${symbol} '${typeAndVersion}' = ${render(body, '')}`);
  }

  /** Property lines to set inside an existing declaration. */
  change(where: string, properties: { [key: string]: BicepValue }): void {
    const lines = Object.entries(properties).map(([key, value]) => `${key}: ${render(value, '')}`);
    this.blocks.push([slashComment(`In the declaration of ${where}:`), ...lines].join('\n'));
  }

  comment(text: string): void {
    this.blocks.push(slashComment(text));
  }

  block(text: string): void {
    this.blocks.push(text);
  }

  render(): string {
    const params = [...this.params.values()].map(
      (input) => `@description(${bicepString(capitalize(input.hint))})\nparam ${input.bicep} string`,
    );
    return [...params, ...this.joinComments()].join('\n\n');
  }

  /** A comment block sticks to the block after it. */
  private joinComments(): string[] {
    const joined: string[] = [];
    for (const block of this.blocks) {
      const last = joined.length - 1;
      if (last >= 0 && isCommentOnly(joined[last])) joined[last] += `\n${block}`;
      else joined.push(block);
    }
    return joined;
  }

  private symbol(hint: string): string {
    const base = identifier(hint);
    let candidate = base;
    for (let n = 2; this.symbols.has(candidate); n += 1) candidate = `${base}${n}`;
    this.symbols.add(candidate);
    return candidate;
  }
}

function isCommentOnly(block: string): boolean {
  return block.split('\n').every((line) => line.startsWith('//'));
}

/** A camelCase Bicep identifier from any name. */
function identifier(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const camel = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  const safe = camel === '' ? 'resource1' : /^[0-9]/.test(camel) ? `r${camel}` : camel;
  return BICEP_KEYWORDS.has(safe) ? `${safe}Resource` : safe;
}

function render(value: BicepValue, indent: string): string {
  if (value instanceof Raw) return value.text;
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => `${inner}${render(item, inner)}`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).map(([key, item]) => `${inner}${propertyKey(key)}: ${render(item, inner)}`);
  return `{\n${entries.join('\n')}\n${indent}}`;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : bicepString(key);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

