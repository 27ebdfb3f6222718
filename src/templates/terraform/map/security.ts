// azurerm_network_security_group (inline security_rule blocks) and azurerm_network_security_rule.
import type { NetworkSecurityGroup, Origin, SecurityRule } from '../../../core/model';
import { FieldReader, withUnresolved } from '../fields';
import type { ResourceDeclaration, ResourceInstance } from '../module';
import { referencedLabels } from '../references';
import { Unknown, type ObjectValue } from '../values';
import { MappingContext, findById, nameOr } from './context';
import { NSG_TYPE, SecurityGroupInstances } from './ruleParents';

function ruleFrom(fields: FieldReader, nsgId: string, origin: Origin): SecurityRule | string {
  const name = fields.string('name') ?? '';
  const priority = fields.number('priority');
  const direction = fields.string('direction');
  const access = fields.string('access');
  const missing = [
    priority === undefined && 'priority',
    direction !== 'Inbound' && direction !== 'Outbound' && 'direction',
    access !== 'Allow' && access !== 'Deny' && 'access',
  ].filter((field): field is string => typeof field === 'string');
  if (missing.length > 0) {
    const reasons = fields.unresolved.filter((u) => missing.includes(u.field)).map((u) => u.reason);
    return `security rule "${name}": ${missing.join(', ')} missing or not known${reasons.length ? ` (${reasons.join('; ')})` : ''}`;
  }
  const rule: SecurityRule = {
    id: `${nsgId}/securityRules/${name}`,
    name,
    origin,
    priority: priority as number,
    direction: direction as SecurityRule['direction'],
    access: access as SecurityRule['access'],
    protocol: fields.string('protocol') ?? '*',
    sourceAddressPrefixes: fields.strings(['source_address_prefix', 'source_address_prefixes'], 'sourceAddressPrefixes'),
    destinationAddressPrefixes: fields.strings(['destination_address_prefix', 'destination_address_prefixes'], 'destinationAddressPrefixes'),
    sourcePortRanges: fields.strings(['source_port_range', 'source_port_ranges'], 'sourcePortRanges'),
    destinationPortRanges: fields.strings(['destination_port_range', 'destination_port_ranges'], 'destinationPortRanges'),
    sourceApplicationSecurityGroupIds: fields.strings(['source_application_security_group_ids'], 'sourceApplicationSecurityGroupIds'),
    destinationApplicationSecurityGroupIds: fields.strings(['destination_application_security_group_ids'], 'destinationApplicationSecurityGroupIds'),
    isDefault: false,
  };
  const description = fields.string('description');
  if (description !== undefined) rule.description = description;
  return withUnresolved(rule, fields);
}

function addRule(nsg: NetworkSecurityGroup, value: ObjectValue, origin: Origin, membershipUnknown?: string): void {
  const fields = new FieldReader(value);
  const rule = ruleFrom(fields, nsg.id, origin);
  if (typeof rule === 'string') {
    const reason = membershipUnknown ? `${rule}, in a rule that may belong to this NSG (${membershipUnknown})` : rule;
    nsg.unresolved = [...(nsg.unresolved ?? []), { field: 'securityRules', reason }];
    return;
  }
  if (membershipUnknown) rule.membershipUnknown = membershipUnknown;
  nsg.securityRules.push(rule);
}

export function mapSecurityGroups(context: MappingContext): void {
  const groups = new SecurityGroupInstances();
  for (const instance of context.instancesOf('azurerm_network_security_group')) {
    const fields = new FieldReader(instance.value);
    const nsg: NetworkSecurityGroup = {
      id: instance.value.id as string,
      name: nameOr(fields.string('name'), instance),
      origin: context.originOf(instance.declaration),
      location: fields.string('location'),
      securityRules: [],
      defaultSecurityRules: [],
    };
    const rules = fields.blocks('security_rule', 'securityRules');
    withUnresolved(nsg, fields);
    for (const rule of rules) addRule(nsg, rule, context.blockOrigin(instance, rule));
    context.topology.networkSecurityGroups.push(nsg);
    groups.add(nsg, instance);
  }
  for (const declaration of context.module.resources) {
    if (declaration.type !== 'azurerm_network_security_rule') continue;
    const instances = context.module.instances(declaration);
    if (instances instanceof Unknown) {
      rulesNotKnown(context, groups, declaration, instances);
      continue;
    }
    for (const instance of instances) attachRule(context, groups, instance);
  }
}

/** Rules whose count or for_each is not known: every NSG they could belong to may have more rules. */
function rulesNotKnown(context: MappingContext, groups: SecurityGroupInstances, declaration: ResourceDeclaration, why: Unknown): void {
  const owner = declaration.block.body.attributes.get('network_security_group_name');
  const candidates = groups.declaredBy(owner ? referencedLabels(owner.value, NSG_TYPE) : []);
  if (candidates.length === 0) {
    context.problem(declaration, why.reason);
    return;
  }
  for (const nsg of candidates) nsg.unresolved = [...(nsg.unresolved ?? []), { field: 'securityRules', reason: why.reason }];
}

function attachRule(context: MappingContext, groups: SecurityGroupInstances, instance: ResourceInstance): void {
  const ruleId = instance.value.id as string;
  const nsg = findById(context.topology.networkSecurityGroups, ruleId.slice(0, ruleId.lastIndexOf('/securityRules/')));
  const origin = context.originOf(instance.declaration);
  if (nsg) {
    addRule(nsg, instance.value, origin);
    return;
  }
  const possible = groups.possibleParents(instance);
  if (possible.length === 0) {
    const nsgName = new FieldReader(instance.value).string('network_security_group_name');
    context.problem(instance, `network security group "${nsgName ?? '(not known)'}" is not declared in this module; the rule is not evaluated`);
    return;
  }
  for (const candidate of possible) addRule(candidate.nsg, instance.value, origin, candidate.reason);
}
