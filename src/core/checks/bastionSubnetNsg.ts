// bastion-nsg-missing-rule / bastion-nsg-rule-shadowed: the eight required flows through the
// NSG on AzureBastionSubnet, evaluated with the exact NSG semantics.
import type { Finding, ResourceRef } from '../findings';
import type { NetworkSecurityGroup, SecurityRule, Subnet } from '../model';
import { evaluateFlow, rulesOf } from '../nsg/index';
import type { EvaluationContext, FlowEvaluation, FlowQuery, RuleRef } from '../nsg/types';
import { describeRule, distinctRules, partEvidence, relatedRule, ruleEvidence } from './describe';
import { whatWouldDecide, incomplete, makeFinding } from './finding';
import { classifyFlow, isCompliant, type ClassifiedFlow } from './flowClassification';
import { addRuleFixes, moveAllowAboveDenyFixes, newReservations, type Reservations } from './nsgFixes';
import { explicitHttpsSources } from './publicSources';
import { ARM_TYPES, refOf, refOfId } from './refs';
import { requiredFlows, type RequiredFlow } from './requiredFlows';
import { isPrivateOnly, isStandardOrAbove, skuOf } from './sku';
import { unknownRules, virtualNetworkPrefixesOf } from './knownInputs';
import type { Check, CheckContext } from './types';
import { unreadRulesFindings, unreadRulesReason } from './unreadRules';

interface NsgUnderTest {
  nsg: NetworkSecurityGroup;
  ref: ResourceRef;
  rules: SecurityRule[];
  customRules: SecurityRule[];
  evaluation: EvaluationContext;
  reservations: Reservations;
  subnet: Subnet;
  /** Every custom allow each deny shadows, across all required flows (keyed by denyKey). */
  shadowedByDeny: Map<string, RuleRef[]>;
  /** Why not every rule is known: then a flow the known rules do not allow is undecided, not missing. */
  rulesUnknown?: string;
}

function denyKey(deny: RuleRef): string {
  return `${deny.name}@${deny.priority}`;
}

export const bastionSubnetNsgCheck: Check = {
  name: 'AzureBastionSubnet NSG rules',
  level: 'subnet',
  rules: ['bastion-nsg-missing-rule', 'bastion-nsg-rule-shadowed'],
  run(context) {
    const subnet = context.bastionSubnet;
    if (!subnet?.networkSecurityGroupId) return [];
    const nsg = context.index.networkSecurityGroup(subnet.networkSecurityGroupId);
    if (!nsg) {
      return [incomplete(context, 'bastion-subnet', refOfId(subnet.networkSecurityGroupId, ARM_TYPES.networkSecurityGroup),
        `The NSG ${refOfId(subnet.networkSecurityGroupId).name} on ${subnet.name} was not read, so the required Bastion rules cannot be checked${whatWouldDecide(context, 'Reader on the NSG', 'them')}.`)];
    }
    const ref = refOf(nsg, ARM_TYPES.networkSecurityGroup);
    const unread = unreadRulesReason(nsg);
    if (unread !== undefined) return unreadRulesFindings(context, nsg, ref, requiredFlows(customPorts(context)), unread);
    const target: NsgUnderTest = {
      nsg,
      ref,
      rules: rulesOf(nsg),
      customRules: nsg.securityRules.filter((rule) => !rule.isDefault),
      evaluation: { virtualNetworkPrefixes: virtualNetworkPrefixes(context) },
      reservations: newReservations(),
      subnet,
      shadowedByDeny: new Map(),
      rulesUnknown: unknownRules(nsg),
    };
    // Evaluate every flow first: a deny that must move has to move behind all the allows it
    // shadows, whichever flow they serve.
    const evaluated = requiredFlows(customPorts(context)).map((flow) => onSubnet(flow, subnet))
      .map((flow) => ({ flow, classified: classifyFlow(evaluateRequiredFlow(context, target, flow)) }));
    for (const entry of evaluated.flatMap(({ classified }) => classified.shadowed)) {
      const key = denyKey(entry.deny);
      target.shadowedByDeny.set(key, distinctRules([...(target.shadowedByDeny.get(key) ?? []), ...entry.allows]));
    }
    return evaluated.flatMap(({ flow, classified }) => checkFlow(context, target, flow, classified));
  },
};

/** The `*` side of a flow is the Bastion subnet itself: its instances send and receive the traffic. */
function onSubnet(flow: RequiredFlow, subnet: Subnet): RequiredFlow {
  if (subnet.addressPrefixes.length === 0) return flow;
  const local = (addresses: string[]): string[] => (addresses.length === 1 && addresses[0] === '*' ? subnet.addressPrefixes : addresses);
  return { ...flow, query: { ...flow.query, sources: local(flow.query.sources), destinations: local(flow.query.destinations) } };
}

function virtualNetworkPrefixes(context: CheckContext): string[] | undefined {
  return virtualNetworkPrefixesOf(context.bastionVnet);
}

function customPorts(context: CheckContext): string[] {
  const port = context.options.customPort;
  if (port === undefined || !context.host || !isStandardOrAbove(skuOf(context.host))) return [];
  return [22, 3389].includes(port) ? [] : [String(port)];
}

/** in-internet-443 may name specific public ranges instead of Internet; judge those when present. */
function evaluateRequiredFlow(context: CheckContext, target: NsgUnderTest, flow: RequiredFlow): FlowEvaluation {
  const viaTag = evaluateWithUndecidedAllows(target, flow.query);
  if (flow.id !== 'in-internet-443' || viaTag.verdict === 'allow' && classifyFlow(viaTag).defaultAllowed.length === 0) return viaTag;
  const ranges = explicitHttpsSources(target.customRules, context.host !== undefined && isPrivateOnly(context.host));
  if (ranges.length === 0) return viaTag;
  return evaluateWithUndecidedAllows(target, { ...flow.query, sources: ranges });
}

/**
 * A part is unknown when an allow might or might not match it (a public range against the
 * GatewayManager tag). If the flow is explicitly allowed even without those allows, it is
 * explicitly allowed with them too: each packet is either matched by such an allow or goes on
 * exactly as without it.
 */
function evaluateWithUndecidedAllows(target: NsgUnderTest, query: FlowQuery): FlowEvaluation {
  const evaluation = evaluateFlow(target.rules, query, target.evaluation);
  const unknownParts = evaluation.parts.filter((part) => part.verdict === 'unknown');
  const undecided = unknownParts.flatMap((part) => part.undecided ?? []).map((entry) => entry.rule);
  if (unknownParts.length === 0 || unknownParts.some((part) => !part.undecided?.length) ||
    undecided.some((rule) => rule.access !== 'Allow' || rule.isDefault)) return evaluation;
  const uncertain = new Set(undecided.map((rule) => rule.rule));
  const withoutThem = evaluateFlow(target.rules.filter((rule) => !uncertain.has(rule)), query, target.evaluation);
  return isCompliant(classifyFlow(withoutThem)) ? withoutThem : evaluation;
}

function checkFlow(context: CheckContext, target: NsgUnderTest, flow: RequiredFlow, classified: ClassifiedFlow): Finding[] {
  if (target.rulesUnknown && !isCompliant(classified)) {
    const finding = incomplete(context, 'bastion-subnet', target.ref,
      `Cannot decide whether NSG ${target.nsg.name} allows ${flow.description}: the known rules do not decide it alone, and ${target.rulesUnknown}.`);
    finding.flow = flow.id;
    return [finding];
  }
  return [
    ...shadowedFindings(context, target, flow, classified),
    ...missingFindings(context, target, flow, classified),
    ...unknownFindings(context, target, flow, classified),
  ];
}

function shadowedFindings(context: CheckContext, target: NsgUnderTest, flow: RequiredFlow, classified: ClassifiedFlow): Finding[] {
  const byDeny = new Map<string, ClassifiedFlow['shadowed']>();
  for (const entry of classified.shadowed) {
    const key = denyKey(entry.deny);
    byDeny.set(key, [...(byDeny.get(key) ?? []), entry]);
  }
  return [...byDeny.values()].map((entries) => {
    const deny = entries[0].deny;
    const allows = distinctRules(entries.flatMap((entry) => entry.allows)).sort((a, b) => closeness(b, flow) - closeness(a, flow));
    const allow = allows[0];
    return makeFinding(context, {
      rule: 'bastion-nsg-rule-shadowed',
      flow: flow.id,
      message: `NSG ${target.nsg.name}: allow rule ${allow.name} (priority ${allow.priority}) for ${flow.description} is shadowed by deny rule ${deny.name} (priority ${deny.priority}), which matches first.`,
      resource: refOf(allow.rule, ARM_TYPES.securityRule),
      evidence: [ruleEvidence('Deny rule', deny), ...allows.map((rule) => ruleEvidence('Shadowed allow', rule)), ...entries.map((entry) => partEvidence(entry.part))],
      related: [relatedRule(`Deny rule ${deny.name} (priority ${deny.priority}) decides first`, deny)],
      fixes: moveAllowAboveDenyFixes(target.ref, target.customRules, flow.direction, allow, deny, target.reservations, shadowedBy(target, deny)),
    });
  });
}

function shadowedBy(target: NsgUnderTest, deny: RuleRef): RuleRef[] {
  return target.shadowedByDeny.get(denyKey(deny)) ?? [];
}

/** How well an allow rule matches the flow's own rule: the doc's name, then the same service tag. */
function closeness(allow: RuleRef, flow: RequiredFlow): number {
  const sameName = allow.name.toLowerCase() === flow.template.name.toLowerCase() ? 2 : 0;
  const tag = flow.direction === 'Inbound' ? flow.template.sourceAddressPrefix : flow.template.destinationAddressPrefix;
  const prefixes = flow.direction === 'Inbound' ? allow.rule.sourceAddressPrefixes : allow.rule.destinationAddressPrefixes;
  return sameName + (prefixes.some((prefix) => prefix.toLowerCase() === tag.toLowerCase()) ? 1 : 0);
}

function missingFindings(context: CheckContext, target: NsgUnderTest, flow: RequiredFlow, classified: ClassifiedFlow): Finding[] {
  if (classified.denied.length > 0) {
    const denies = distinctRules(classified.denied.flatMap((part) => (part.decidedBy ? [part.decidedBy] : [])));
    const firstCustomDeny = denies.filter((rule) => !rule.isDefault).sort((a, b) => a.priority - b.priority)[0];
    return [makeFinding(context, {
      rule: 'bastion-nsg-missing-rule',
      severity: 'error',
      flow: flow.id,
      message: `NSG ${target.nsg.name} on ${target.subnet.name} has no allow rule for ${flow.description}: ${denies.length > 0 ? `denied by ${denies.map(describeRule).join(', ')}` : 'denied'}.`,
      resource: target.ref,
      evidence: [...denies.map((rule) => ruleEvidence('Deciding rule', rule)), ...classified.denied.map(partEvidence)],
      related: denies.filter((rule) => !rule.isDefault).map((rule) => relatedRule(`Deny rule ${rule.name} (priority ${rule.priority})`, rule)),
      fixes: addRuleFixes(target.ref, target.customRules, flow.template, firstCustomDeny, target.reservations),
    })];
  }
  if (classified.defaultAllowed.length === 0) return [];
  const defaults = distinctRules(classified.defaultAllowed.flatMap((part) => (part.decidedBy ? [part.decidedBy] : [])));
  return [makeFinding(context, {
    rule: 'bastion-nsg-missing-rule',
    severity: 'warning',
    flow: flow.id,
    message: `NSG ${target.nsg.name} on ${target.subnet.name} allows ${flow.description} only through Azure default rule ${defaults.map((rule) => `${rule.name} (priority ${rule.priority})`).join(', ')}; Bastion requires an explicit allow rule.`,
    resource: target.ref,
    evidence: [...defaults.map((rule) => ruleEvidence('Deciding rule', rule)), ...classified.defaultAllowed.map(partEvidence)],
    fixes: addRuleFixes(target.ref, target.customRules, flow.template, undefined, target.reservations),
  })];
}

/**
 * Parts only an allow might match add nothing once the flow is already an error: the fix adds
 * an explicit allow either way. Anything else unknown is said, with what would decide it.
 */
function unknownFindings(context: CheckContext, target: NsgUnderTest, flow: RequiredFlow, classified: ClassifiedFlow): Finding[] {
  if (classified.unknown.length === 0) return [];
  const undecided = classified.unknown.flatMap((part) => part.undecided ?? []);
  const alreadyError = classified.denied.length > 0 || classified.shadowed.length > 0;
  const onlyAllowsUndecided = classified.unknown.every((part) => (part.undecided?.length ?? 0) > 0) && undecided.every((entry) => entry.rule.access === 'Allow');
  if (alreadyError && onlyAllowsUndecided) return [];
  const reasons = undecided.map((entry) => `${entry.rule.name} (priority ${entry.rule.priority}): ${entry.reason}`);
  const finding = incomplete(context, 'bastion-subnet', target.ref,
    `Cannot decide whether NSG ${target.nsg.name} allows ${flow.description}${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}.`,
    [...undecided.map((entry) => ruleEvidence('Undecided rule', entry.rule)), ...classified.unknown.map(partEvidence)]);
  finding.flow = flow.id;
  const origins = distinctRules(undecided.map((entry) => entry.rule)).map((rule: RuleRef) => relatedRule(`Rule ${rule.name} could not be evaluated`, rule));
  if (origins.length > 0) finding.related = origins;
  return [finding];
}
