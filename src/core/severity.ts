// Per-rule severity overrides (CLI --rule id=level, the editor's per-rule setting), applied in
// one place so every front end treats them the same.
import { isRuleId, type RuleId } from './catalog';
import type { Finding, Severity } from './findings';

export type SeverityOverride = Severity | 'off';

export type SeverityOverrides = Partial<Record<RuleId, SeverityOverride>>;

export const SEVERITY_OVERRIDE_VALUES: readonly SeverityOverride[] = ['off', 'info', 'warning', 'error'];

export function isSeverityOverride(value: string): value is SeverityOverride {
  return (SEVERITY_OVERRIDE_VALUES as readonly string[]).includes(value);
}

/** Drops findings of rules set to 'off' and re-levels the others; returns new finding objects. */
export function applySeverityOverrides<T extends Pick<Finding, 'rule' | 'severity'>>(findings: readonly T[], overrides: SeverityOverrides): T[] {
  const result: T[] = [];
  for (const finding of findings) {
    const override = overrides[finding.rule];
    if (override === 'off') continue;
    result.push(override === undefined ? finding : { ...finding, severity: override });
  }
  return result;
}

export type OverrideParseResult = { ok: true; rule: RuleId; value: SeverityOverride } | { ok: false; message: string };

/** Parses "rule-id=level" as users write it on a command line. */
export function parseSeverityOverride(text: string): OverrideParseResult {
  const separator = text.indexOf('=');
  if (separator < 0) return { ok: false, message: `expected RULE=LEVEL, got '${text}'` };
  const rule = text.slice(0, separator).trim();
  const value = text.slice(separator + 1).trim().toLowerCase();
  if (!isRuleId(rule)) return { ok: false, message: `unknown rule id '${rule}'` };
  if (!isSeverityOverride(value)) {
    return { ok: false, message: `unknown level '${value}' for ${rule} (use ${SEVERITY_OVERRIDE_VALUES.join(', ')})` };
  }
  return { ok: true, rule, value };
}
