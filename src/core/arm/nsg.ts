// Network security groups with inline rules, default rules, and separately declared rules.
import type { NetworkSecurityGroup } from '../model';
import { inlineChildIdentity } from './children';
import type { ArmInput, MapContext } from './context';
import type { Fields } from './fields';
import { parentElement } from './parents';
import type { Registry } from './registry';
import { securityRuleFrom } from './securityRules';
import { ARM_TYPES } from './types';
import { compact } from './values';

export function mapNetworkSecurityGroup(input: ArmInput, ctx: MapContext, registry: Registry): void {
  const props = input.fields.properties();
  const nsg: NetworkSecurityGroup = compact({
    id: input.id,
    name: input.name,
    origin: input.origin,
    location: input.fields.string('location'),
    securityRules: [],
    defaultSecurityRules: [],
  });
  registry.networkSecurityGroups.put(registry.topology.networkSecurityGroups, nsg);
  addInlineRules(props.objects('securityRules'), nsg, false, input, ctx, registry);
  addInlineRules(props.objects('defaultSecurityRules'), nsg, true, input, ctx, registry);
}

export function mapSecurityRuleResource(input: ArmInput, ctx: MapContext, registry: Registry): void {
  const nsg = parentElement(input, ctx, {
    label: 'network security group',
    index: registry.networkSecurityGroups,
    list: registry.topology.networkSecurityGroups,
    placeholder: (parent) => ({ ...parent, securityRules: [], defaultSecurityRules: [] }),
    consequence: 'its other rules are unknown',
  });
  if (nsg === undefined) return;
  const isDefault = input.typeKey === ARM_TYPES.defaultSecurityRule;
  const rule = securityRuleFrom(input.fields, input, input.origin, isDefault);
  registry.securityRules.put(isDefault ? nsg.defaultSecurityRules : nsg.securityRules, rule);
}

function addInlineRules(
  items: Fields[],
  nsg: NetworkSecurityGroup,
  isDefault: boolean,
  input: ArmInput,
  ctx: MapContext,
  registry: Registry,
): void {
  const segment = isDefault ? 'defaultSecurityRules' : 'securityRules';
  const list = isDefault ? nsg.defaultSecurityRules : nsg.securityRules;
  for (const item of items) {
    const identity = inlineChildIdentity(item, nsg.id, segment);
    if (identity === undefined) {
      ctx.problem(nsg.id, `Network security group '${nsg.name}': a rule in ${segment} has neither an id nor a name; ignored`, input.origin);
      continue;
    }
    const origin = ctx.originOf(item.raw, input.index, identity.id);
    registry.securityRules.put(list, securityRuleFrom(item, identity, origin, isDefault));
  }
}
