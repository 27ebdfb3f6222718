// One NSG rule from ARM JSON. Values a rule cannot be evaluated without (priority, direction,
// access, protocol) are kept as read and listed in `unresolved`, never guessed.
import type { Access, Direction, Origin, RuleProtocol, SecurityRule, UnresolvedField } from '../model';
import type { Fields } from './fields';
import { compact, mergeSingularPlural } from './values';

const PROTOCOLS: Record<string, RuleProtocol> = {
  tcp: 'Tcp',
  udp: 'Udp',
  icmp: 'Icmp',
  esp: 'Esp',
  ah: 'Ah',
  '*': '*',
  all: 'All',
};

export function securityRuleFrom(
  item: Fields,
  identity: { id: string; name: string },
  origin: Origin,
  isDefault: boolean,
): SecurityRule {
  const props = item.properties();
  const unresolved: UnresolvedField[] = [];
  const rule: SecurityRule = compact({
    id: identity.id,
    name: identity.name,
    origin,
    priority: readPriority(props.value('priority'), unresolved),
    direction: readChoice<Direction>(props.value('direction'), 'direction', ['Inbound', 'Outbound'], unresolved),
    access: readChoice<Access>(props.value('access'), 'access', ['Allow', 'Deny'], unresolved),
    protocol: readProtocol(props.value('protocol'), unresolved),
    sourceAddressPrefixes: mergeSingularPlural(props.string('sourceAddressPrefix'), props.strings('sourceAddressPrefixes')),
    destinationAddressPrefixes: mergeSingularPlural(props.string('destinationAddressPrefix'), props.strings('destinationAddressPrefixes')),
    sourcePortRanges: mergeSingularPlural(props.string('sourcePortRange'), props.strings('sourcePortRanges')),
    destinationPortRanges: mergeSingularPlural(props.string('destinationPortRange'), props.strings('destinationPortRanges')),
    sourceApplicationSecurityGroupIds: props.referenceIds('sourceApplicationSecurityGroups'),
    destinationApplicationSecurityGroupIds: props.referenceIds('destinationApplicationSecurityGroups'),
    isDefault,
    description: props.string('description'),
  });
  if (unresolved.length > 0) rule.unresolved = unresolved;
  return rule;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/** NaN when unknown: no real priority is invented for a rule whose priority was not read. */
function readPriority(value: unknown, unresolved: UnresolvedField[]): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  unresolved.push({
    field: 'priority',
    reason: value === undefined || value === null ? 'priority is missing' : `priority ${shown(value)} is not a number`,
  });
  return Number.NaN;
}

/** Matches case-insensitively; anything else is kept as read (or '') and marked unresolved. */
function readChoice<T extends string>(value: unknown, field: string, choices: readonly T[], unresolved: UnresolvedField[]): T {
  if (typeof value === 'string') {
    const match = choices.find((choice) => choice.toLowerCase() === value.trim().toLowerCase());
    if (match !== undefined) return match;
  }
  unresolved.push({
    field,
    reason: value === undefined || value === null ? `${field} is missing` : `${field} ${shown(value)} is not one of ${choices.join(', ')}`,
  });
  return (typeof value === 'string' ? value : '') as T;
}

function readProtocol(value: unknown, unresolved: UnresolvedField[]): RuleProtocol {
  if (typeof value === 'string') return PROTOCOLS[value.trim().toLowerCase()] ?? value;
  unresolved.push({ field: 'protocol', reason: value === undefined || value === null ? 'protocol is missing' : `protocol ${shown(value)} is not a string` });
  return '';
}
