import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson } from '../../../src/cli/format/json';
import { RULE_DOCS_BASE_URL } from '../../../src/core/catalog';
import { nsgFinding, sampleReport } from './reportFixture';

describe('formatJson', () => {
  const document = JSON.parse(formatJson({ ...sampleReport(), isDemo: true }));

  it('carries when, from where and whether it is the demo', () => {
    assert.equal(document.generatedAt, '2026-03-01T10:00:00.000Z');
    assert.equal(document.source, 'snapshot contoso.json');
    assert.equal(document.isDemo, true);
  });

  it('keeps the finding shape, with snippets for every form and the rule docs link', () => {
    const finding = document.findings.find((f: { rule: string }) => f.rule === 'bastion-nsg-rule-shadowed');
    for (const key of ['rule', 'severity', 'message', 'evidence', 'resource', 'flow', 'fixes']) assert.ok(key in finding, key);
    assert.deepEqual(finding.fixes[0].snippets, nsgFinding.fixes[0].snippets);
    assert.equal(finding.helpUri, `${RULE_DOCS_BASE_URL}bastion-nsg-rule-shadowed.md`);
  });

  it('summarizes counts', () => {
    assert.deepEqual(document.summary, { errors: 2, warnings: 1, info: 1, bastionHosts: 1, virtualMachines: 3 });
  });
});
