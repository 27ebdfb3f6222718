// ARM template JSON snippets: new resources as a `resources` array (with `parameters` when the
// user must supply a value), changes as the resource with only the properties to change.
import { diagnosticSettingProperties, peeringProperties, publicIpBody, publicIpName } from './bodies';
import type { BastionSettableProperty, NewSecurityRule, Remedy } from '../findings';
import { resourceTypeOf } from '../resourceId';
import { armLiteral } from './quote';
import {
  DIAGNOSTIC_SETTING_NAME,
  DIAGNOSTIC_SETTINGS_API_VERSION,
  NETWORK_API_VERSION,
  PREFIX_INPUT,
  WORKSPACE_INPUT,
  LOCATION_INPUT,
  peeringDirections,
  peeringName,
  targetOf,
  vnetIdValue,
  type Target,
  type UserInput,
  type Value,
} from './target';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function renderArm(remedy: Remedy): string | undefined {
  const template = new ArmFragment();
  switch (remedy.kind) {
    case 'add-security-rules': {
      const nsg = targetOf(remedy.nsg);
      for (const rule of remedy.rules) template.resource(securityRule(nsg, rule));
      break;
    }
    case 'set-rule-priority': {
      const nsg = targetOf(remedy.nsg);
      template.resource(change('Microsoft.Network/networkSecurityGroups/securityRules', `${nsg.name}/${remedy.ruleName}`, { properties: { priority: remedy.toPriority } }));
      break;
    }
    case 'set-bastion-property': {
      const bastion = targetOf(remedy.bastion);
      template.resource(change(BASTION_TYPE, bastion.name, { properties: { [remedy.property satisfies BastionSettableProperty]: remedy.value } }));
      break;
    }
    case 'upgrade-bastion-sku': {
      const bastion = targetOf(remedy.bastion);
      template.resource(change(BASTION_TYPE, bastion.name, { sku: { name: remedy.toSku } }));
      break;
    }
    case 'enable-bastion-diagnostics': {
      const bastion = targetOf(remedy.bastion);
      template.resource({
        type: 'Microsoft.Insights/diagnosticSettings',
        apiVersion: DIAGNOSTIC_SETTINGS_API_VERSION,
        name: DIAGNOSTIC_SETTING_NAME,
        scope: armLiteral(`${BASTION_TYPE}/${bastion.name}`),
        properties: diagnosticSettingProperties(template.value({ input: WORKSPACE_INPUT })),
      });
      break;
    }
    case 'resize-bastion-subnet': {
      const subnet = targetOf(remedy.subnet);
      const prefix: Value = remedy.suggestedPrefix ? { literal: remedy.suggestedPrefix } : { input: PREFIX_INPUT };
      template.resource(change('Microsoft.Network/virtualNetworks/subnets', `${subnet.parentName ?? ''}/${subnet.name}`, { properties: { addressPrefix: template.value(prefix) } }));
      break;
    }
    case 'create-vnet-peering': {
      const local = targetOf(remedy.localVnet);
      const remote = targetOf(remedy.remoteVnet);
      for (const { from, to } of peeringDirections(local, remote, remedy.missingDirection)) {
        template.resource({
          type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
          apiVersion: NETWORK_API_VERSION,
          name: armLiteral(`${from.name}/${peeringName(from, to)}`),
          properties: peeringProperties(template.value(vnetIdValue(to, from === local ? 'REMOTE' : 'LOCAL'))),
        });
      }
      break;
    }
    case 'use-public-ip': {
      const bastion = targetOf(remedy.bastion);
      template.resource({
        type: 'Microsoft.Network/publicIPAddresses',
        apiVersion: NETWORK_API_VERSION,
        ...publicIpBody(armLiteral(publicIpName(bastion)), template.value({ input: LOCATION_INPUT })),
      });
      break;
    }
    case 'set-api-version': {
      const target = targetOf(remedy.resource);
      const type = remedy.resource.type ?? resourceTypeOf(remedy.resource.id) ?? '';
      template.resource({ type, apiVersion: remedy.toApiVersion, name: armLiteral(armName(target)) });
      break;
    }
    case 'dissociate-route-table':
    case 'reapply-bastion':
    case 'start-vm':
    case 'unlink-private-dns-zone':
    case 'manual':
      return undefined;
  }
  return template.render();
}

const BASTION_TYPE = 'Microsoft.Network/bastionHosts';

class ArmFragment {
  private readonly parameters = new Map<string, UserInput>();
  private readonly resources: Json[] = [];

  resource(resource: { [key: string]: Json }): void {
    this.resources.push(resource);
  }

  value(value: Value): string {
    if ('literal' in value) return armLiteral(value.literal);
    this.parameters.set(value.input.bicep, value.input);
    return `[parameters('${value.input.bicep}')]`;
  }

  render(): string {
    if (this.parameters.size === 0) return JSON.stringify(this.resources, null, 2);
    const parameters: { [key: string]: Json } = {};
    for (const [name, input] of this.parameters) {
      parameters[name] = { type: 'string', metadata: { description: capitalize(input.hint) } };
    }
    return JSON.stringify({ parameters, resources: this.resources }, null, 2);
  }
}

function securityRule(nsg: Target, rule: NewSecurityRule): { [key: string]: Json } {
  const ports = rule.destinationPortRanges;
  return {
    type: 'Microsoft.Network/networkSecurityGroups/securityRules',
    apiVersion: NETWORK_API_VERSION,
    name: armLiteral(`${nsg.name}/${rule.name}`),
    properties: {
      description: armLiteral(rule.description),
      priority: rule.priority,
      direction: rule.direction,
      access: rule.access,
      protocol: rule.protocol,
      sourceAddressPrefix: armLiteral(rule.sourceAddressPrefix),
      sourcePortRange: '*',
      destinationAddressPrefix: armLiteral(rule.destinationAddressPrefix),
      ...(ports.length === 1 ? { destinationPortRange: ports[0] } : { destinationPortRanges: ports }),
    },
  };
}

/** The resource as identified in a template, carrying only what changes. */
function change(type: string, name: string, changes: { [key: string]: Json }): { [key: string]: Json } {
  return { type, apiVersion: NETWORK_API_VERSION, name: armLiteral(name), ...changes };
}

/** `parent/child` name of a (possibly nested) resource, as ARM templates write it. */
function armName(target: Target): string {
  return target.parentName === undefined ? target.name : `${target.parentName}/${target.name}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
