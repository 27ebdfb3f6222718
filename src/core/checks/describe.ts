// Readable renderings of evaluator results for messages and evidence.
import type { Evidence } from '../findings';
import type { Origin, SecurityRule } from '../model';
import type { FlowPart, RuleRef } from '../nsg/types';

export function describeRule(rule: RuleRef | SecurityRule): string {
  const isDefault = 'rule' in rule ? rule.isDefault : rule.isDefault;
  return `${rule.name} (priority ${rule.priority}, ${rule.access}${isDefault ? ', Azure default rule' : ''})`;
}

export function describePart(part: FlowPart): string {
  const protocols = part.protocols.length > 0 ? part.protocols.join(', ') : 'any protocol';
  return `${part.sources.join(', ')} -> ${part.destinations.join(', ')} port ${part.destinationPorts.join(', ')} (${protocols})`;
}

export function ruleEvidence(label: string, rule: RuleRef): Evidence {
  return { label, value: describeRule(rule), origin: rule.rule.origin };
}

export function partEvidence(part: FlowPart): Evidence {
  const decided = part.decidedBy ? `${part.verdict} by ${describeRule(part.decidedBy)}` : part.verdict;
  return { label: 'Flow part', value: `${describePart(part)}: ${decided}`, origin: part.decidedBy?.rule.origin };
}

export function relatedRule(message: string, rule: RuleRef): { message: string; origin: Origin } {
  return { message, origin: rule.rule.origin };
}

/** Distinct rules, first occurrence wins, keyed by name and priority. */
export function distinctRules(rules: readonly RuleRef[]): RuleRef[] {
  const seen = new Set<string>();
  return rules.filter((rule) => {
    const key = `${rule.name.toLowerCase()}@${rule.priority}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
