import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { artifactLocation, formatSarif, sarifRegion, SARIF_SCHEMA_URL } from '../../../src/cli/format/sarif';
import { CATALOG, RULE_DOCS_BASE_URL, RULE_IDS } from '../../../src/core/catalog';
import type { Finding } from '../../../src/core/findings';
import { diagnosticsInfo, nsgFinding, NSG_ID, sampleReport, templateFinding, vmNotRunning, vmNsgWarning } from './reportFixture';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function sarifOf(findings: Finding[]): Json {
  return JSON.parse(formatSarif(sampleReport(findings), { toolVersion: '9.9.9' })) as Json;
}

/** The parts of the SARIF 2.1.0 schema that code-scanning consumers reject a log for. */
function assertSchemaEssentials(log: Json): void {
  assert.equal(log.$schema, SARIF_SCHEMA_URL);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  assert.equal(typeof run.tool.driver.name, 'string');
  for (const rule of run.tool.driver.rules) {
    assert.equal(typeof rule.id, 'string');
    assert.ok(rule.shortDescription.text.length > 0 && rule.shortDescription.text.length <= 1024);
    assert.ok(rule.fullDescription.text.length > 0);
    assert.match(rule.helpUri, /^https:\/\//);
    assert.ok(['none', 'note', 'warning', 'error'].includes(rule.defaultConfiguration.level));
  }
  for (const result of run.results) {
    assert.ok(result.message.text.length > 0);
    assert.ok(['none', 'note', 'warning', 'error'].includes(result.level));
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId, 'ruleIndex points at the rule');
    for (const location of result.locations) {
      const region = location.physicalLocation?.region;
      if (region) for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(region[key]) && region[key] >= 1, key);
      for (const logical of location.logicalLocations ?? []) assert.equal(typeof logical.fullyQualifiedName, 'string');
    }
    for (const value of Object.values(result.partialFingerprints)) assert.equal(typeof value, 'string');
  }
}

describe('formatSarif', () => {
  it('meets the schema essentials for findings of both origin kinds', () => {
    assertSchemaEssentials(sarifOf([nsgFinding, vmNotRunning, vmNsgWarning, diagnosticsInfo, templateFinding]));
  });

  it('describes every catalog rule once, with its docs page and default level', () => {
    const rules = sarifOf([]).runs[0].tool.driver.rules as Json[];
    assert.deepEqual(rules.map((r) => r.id), [...RULE_IDS]);
    const diagnostics = rules.find((r) => r.id === 'bastion-diagnostics-disabled')!;
    assert.equal(diagnostics.helpUri, `${RULE_DOCS_BASE_URL}bastion-diagnostics-disabled.md`);
    assert.equal(diagnostics.defaultConfiguration.level, 'note');
    assert.equal(diagnostics.fullDescription.text, CATALOG['bastion-diagnostics-disabled'].description);
    assert.equal(rules.find((r) => r.id === 'bastion-property-api-version')!.defaultConfiguration.level, 'warning');
  });

  it('carries the tool name and version', () => {
    const driver = sarifOf([]).runs[0].tool.driver;
    assert.equal(driver.name, 'Bastion Doctor');
    assert.equal(driver.version, '9.9.9');
  });

  const levels: [Finding, string][] = [
    [nsgFinding, 'error'],
    [vmNsgWarning, 'warning'],
    [diagnosticsInfo, 'note'],
  ];
  for (const [finding, level] of levels) {
    it(`maps severity ${finding.severity} to level ${level}`, () => {
      assert.equal(sarifOf([finding]).runs[0].results[0].level, level);
    });
  }

  it('points ARM findings at the resource as a logical location', () => {
    const [location] = sarifOf([nsgFinding]).runs[0].results[0].locations;
    assert.equal(location.physicalLocation, undefined);
    assert.deepEqual(location.logicalLocations, [{ fullyQualifiedName: NSG_ID, kind: 'resource' }]);
  });

  it('points template findings at a one-based file region', () => {
    const result = sarifOf([templateFinding]).runs[0].results[0];
    const physical = result.locations[0].physicalLocation;
    assert.deepEqual(physical.artifactLocation, { uri: 'infra/network%20main.bicep', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(physical.region, { startLine: 12, startColumn: 5, endLine: 12, endColumn: 31 });
    assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'infra/routes.bicep');
    assert.equal(result.relatedLocations[0].message.text, 'route table declared here');
  });

  it('keeps the flow of NSG findings', () => {
    assert.equal(sarifOf([nsgFinding]).runs[0].results[0].properties.flow, 'in-gatewaymanager-443');
  });

  it('fingerprints findings stably, distinctly, and regardless of message wording', () => {
    const fingerprint = (f: Finding) => sarifOf([f]).runs[0].results[0].partialFingerprints['bastionDoctor/v1'];
    assert.equal(fingerprint(nsgFinding), fingerprint({ ...nsgFinding, message: 'reworded' }));
    assert.notEqual(fingerprint(nsgFinding), fingerprint({ ...nsgFinding, flow: 'in-internet-443' }));
    assert.notEqual(fingerprint(vmNotRunning), fingerprint(vmNsgWarning));
  });

  it('makes absolute paths relative to the base directory, else a file URI', () => {
    assert.deepEqual(artifactLocation('/repo/infra/main.bicep', '/repo'), { uri: 'infra/main.bicep', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('/repo/infra/main.bicep', undefined), { uri: 'file:///repo/infra/main.bicep' });
  });

  it('converts an empty range at the start of a file', () => {
    assert.deepEqual(sarifRegion({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });
});
