import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings';
import { applySeverityOverrides, parseSeverityOverride } from '../../../src/core/severity';

const finding = (rule: Finding['rule'], severity: Finding['severity']): Finding => ({
  rule,
  severity,
  layer: 'vm',
  message: `${rule} ${severity}`,
  evidence: [],
  resource: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm', name: 'vm' },
  fixes: [],
});

describe('applySeverityOverrides', () => {
  const findings = [finding('vm-not-running', 'error'), finding('bastion-diagnostics-disabled', 'info'), finding('vm-not-running', 'error')];

  it('re-levels every finding of an overridden rule and leaves others alone', () => {
    const result = applySeverityOverrides(findings, { 'vm-not-running': 'warning' });
    assert.deepEqual(result.map((f) => [f.rule, f.severity]), [['vm-not-running', 'warning'], ['bastion-diagnostics-disabled', 'info'], ['vm-not-running', 'warning']]);
    assert.equal(result[1], findings[1], 'untouched findings are passed through');
  });

  it("drops findings of rules set to 'off'", () => {
    assert.deepEqual(applySeverityOverrides(findings, { 'vm-not-running': 'off' }).map((f) => f.rule), ['bastion-diagnostics-disabled']);
  });

  it('can raise a severity and never mutates its input', () => {
    const result = applySeverityOverrides(findings, { 'bastion-diagnostics-disabled': 'error' });
    assert.equal(result[1].severity, 'error');
    assert.equal(findings[1].severity, 'info');
  });
});

describe('parseSeverityOverride', () => {
  const cases: [string, ReturnType<typeof parseSeverityOverride>][] = [
    ['vm-not-running=off', { ok: true, rule: 'vm-not-running', value: 'off' }],
    ['vm-not-running=WARNING', { ok: true, rule: 'vm-not-running', value: 'warning' }],
    [' check-incomplete = error ', { ok: true, rule: 'check-incomplete', value: 'error' }],
    ['vm-not-running', { ok: false, message: "expected RULE=LEVEL, got 'vm-not-running'" }],
    ['VM-NOT-RUNNING=off', { ok: false, message: "unknown rule id 'VM-NOT-RUNNING'" }],
    ['vm-not-running=note', { ok: false, message: "unknown level 'note' for vm-not-running (use off, info, warning, error)" }],
  ];
  for (const [text, expected] of cases) {
    it(`parses '${text}'`, () => assert.deepEqual(parseSeverityOverride(text), expected));
  }
});
