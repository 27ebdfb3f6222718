// Fixes that add or reorder NSG rules, with priorities that beat the deny in the way and do not
// collide with existing rules or with rules other fixes for the same NSG already claimed.
import type { Fix, NewSecurityRule, ResourceRef } from '../findings';
import { buildFix } from '../fixes/index';
import type { Direction, SecurityRule } from '../model';
import { choosePriorities, freePriorityAfter, uniqueRuleName } from './priority';

/** Priorities and names claimed by fixes already proposed for one NSG. */
export interface Reservations {
  priorities: Record<Direction, Set<number>>;
  names: Set<string>;
  /**
   * Where a deny that has to move behind the allows it shadows goes, by direction and name: every
   * finding about that deny proposes the same move, so applying them all stays consistent.
   */
  denyMoves: Map<string, number>;
}

export function newReservations(): Reservations {
  return { priorities: { Inbound: new Set(), Outbound: new Set() }, names: new Set(), denyMoves: new Map() };
}

interface RuleAtPriority {
  name: string;
  priority: number;
}

/**
 * Adds `template` before `deny` (the first rule that would otherwise decide). When no priority
 * is free before it, moves the deny to the first free slot after its position and puts the new
 * rule where the deny was.
 */
export function addRuleFixes(
  nsg: ResourceRef,
  existing: readonly SecurityRule[],
  template: Omit<NewSecurityRule, 'priority'>,
  deny: RuleAtPriority | undefined,
  reservations: Reservations,
): Fix[] {
  const direction = template.direction;
  const name = uniqueRuleName(template.name, existing, reservations.names);
  const taken = reservations.priorities[direction];
  const customDeny = deny && deny.priority <= 4096 ? deny : undefined;
  const [priority] = choosePriorities(existing, direction, 1, customDeny?.priority, taken) ?? [];
  if (priority !== undefined) {
    reservations.names.add(name);
    taken.add(priority);
    const rule: NewSecurityRule = { ...template, name, priority };
    if (customDeny) rule.placedBefore = { name: customDeny.name, priority: customDeny.priority };
    return [buildFix(`Add ${name} (priority ${priority}) to ${nsg.name}`, { kind: 'add-security-rules', nsg, rules: [rule] })];
  }
  if (!customDeny) {
    return [buildFix(`Free a priority in ${nsg.name}`, { kind: 'manual', steps: [`Every ${direction.toLowerCase()} priority from 100 to 4096 in ${nsg.name} is taken: remove an unused rule, then add ${name} for ${template.description}.`] })];
  }
  const movedTo = freePriorityAfter(existing, direction, customDeny.priority, taken);
  if (movedTo === undefined) {
    return [buildFix(`Reorder ${nsg.name} by hand`, { kind: 'manual', steps: [`No ${direction.toLowerCase()} priority is free before or after ${customDeny.name} (priority ${customDeny.priority}) in ${nsg.name}: remove an unused rule, then add ${name} before ${customDeny.name}.`] })];
  }
  reservations.names.add(name);
  taken.add(movedTo);
  taken.add(customDeny.priority);
  const rule: NewSecurityRule = { ...template, name, priority: customDeny.priority, placedBefore: { name: customDeny.name, priority: movedTo } };
  return [
    buildFix(`Move ${customDeny.name} from priority ${customDeny.priority} to ${movedTo}`, {
      kind: 'set-rule-priority', nsg, ruleName: customDeny.name, direction, fromPriority: customDeny.priority, toPriority: movedTo,
    }, [`No priority is free before ${customDeny.name}; apply this first, then add ${name} at ${customDeny.priority}.`]),
    buildFix(`Add ${name} (priority ${customDeny.priority}) to ${nsg.name}`, { kind: 'add-security-rules', nsg, rules: [rule] },
      [`Apply after moving ${customDeny.name} to ${movedTo}.`]),
  ];
}

/**
 * Moves a shadowed allow above the deny, or else the deny below every allow it shadows
 * (`shadowed`; moving it behind only one would leave the others shadowed).
 */
export function moveAllowAboveDenyFixes(
  nsg: ResourceRef,
  existing: readonly SecurityRule[],
  direction: Direction,
  allow: RuleAtPriority,
  deny: RuleAtPriority,
  reservations: Reservations,
  shadowed: readonly RuleAtPriority[] = [allow],
): Fix[] {
  const taken = reservations.priorities[direction];
  const [abovePriority] = choosePriorities(existing, direction, 1, deny.priority, taken) ?? [];
  if (abovePriority !== undefined) {
    taken.add(abovePriority);
    return [buildFix(`Move ${allow.name} from priority ${allow.priority} to ${abovePriority}`, {
      kind: 'set-rule-priority', nsg, ruleName: allow.name, direction, fromPriority: allow.priority, toPriority: abovePriority,
      placedBefore: { name: deny.name, priority: deny.priority },
    })];
  }
  const moveKey = `${direction}/${deny.name}`;
  const lastShadowed = Math.max(allow.priority, ...shadowed.map((rule) => rule.priority));
  const belowPriority = reservations.denyMoves.get(moveKey) ?? freePriorityAfter(existing, direction, lastShadowed, taken);
  if (belowPriority === undefined) {
    return [buildFix(`Reorder ${nsg.name} by hand`, { kind: 'manual', steps: [`No ${direction.toLowerCase()} priority is free to put ${allow.name} before ${deny.name} in ${nsg.name}: remove an unused rule first.`] })];
  }
  taken.add(belowPriority);
  reservations.denyMoves.set(moveKey, belowPriority);
  const behind = shadowed.length > 1 ? `the allow rules it shadows (${shadowed.map((rule) => rule.name).join(', ')})` : allow.name;
  return [buildFix(`Move ${deny.name} from priority ${deny.priority} to ${belowPriority}`, {
    kind: 'set-rule-priority', nsg, ruleName: deny.name, direction, fromPriority: deny.priority, toPriority: belowPriority,
  }, [`No priority is free before ${deny.name}, so the deny moves behind ${behind} instead; check that it still sits before the traffic it is meant to block.`])];
}
