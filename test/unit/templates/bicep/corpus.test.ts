// Everything the Bicep compiler accepts parses: the corpus fixtures (each modelled on a public
// file, see test/fixtures/templates/bicep-corpus/README.md) give no syntax finding, and the values
// around the constructs Bastion Doctor does not evaluate still resolve.
import assert from 'node:assert/strict';
import { dirname, normalize } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../../src/core/findings';
import { bicepToTopology, parseBicep } from '../../../../src/templates/bicep';
import { lintDocuments } from '../../../../src/templates/lint';
import { allFixtures, CORPUS } from './fixtureText';

const corpus = allFixtures(CORPUS);
const byPath = new Map(corpus.map((doc) => [normalize(doc.path), doc.text]));
const readFile = (path: string) => byPath.get(normalize(path));

function lintCorpus(name: string): Finding[] {
  const doc = corpus.find((d) => d.path.endsWith(name));
  assert.ok(doc, name);
  const siblings = corpus.filter((d) => dirname(d.path) === dirname(doc.path) && d !== doc);
  return lintDocuments([doc, ...siblings], { now: () => new Date('2026-01-01T00:00:00Z'), only: [doc.path] }).report.findings;
}

describe('Bicep corpus: valid files parse', () => {
  it('holds at least 40 fixtures', () => assert.ok(corpus.length >= 40, `${corpus.length} fixtures`));

  for (const doc of corpus) {
    it(doc.path.slice(CORPUS.length + 1), () => {
      assert.deepEqual(parseBicep(doc.text).diagnostics, []);
      const syntax = bicepToTopology(doc, { readFile }).parseDiagnostics.filter((d) => /syntax/i.test(d.message));
      assert.deepEqual(syntax, []);
    });
  }
});

describe('Bicep corpus: values around unevaluated constructs still resolve', () => {
  it('an NSG behind pragmas keeps its rules: the one left out is reported, nothing about syntax', () => {
    const findings = lintCorpus('values/pragma-nsg.bicep');
    assert.deepEqual(findings.filter((f) => f.rule === 'bastion-nsg-missing-rule').map((f) => f.flow), ['in-azureloadbalancer-443']);
    assert.equal(findings.filter((f) => f.rule === 'check-incomplete').length, 0);
  });

  it('rules spread from variables are all read: no missing rule', () => {
    const findings = lintCorpus('values/spread-rules.bicep');
    assert.deepEqual(findings.filter((f) => f.rule.startsWith('bastion-nsg') || f.rule === 'check-incomplete'), []);
  });

  it('properties spread from an unknown parameter: the flows are incomplete, never missing', () => {
    const findings = lintCorpus('values/unknown-spread.bicep');
    assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
    assert.ok(findings.some((f) => f.rule === 'check-incomplete' && /spreads \.\.\.nsgProperties/.test(f.message)));
  });

  it('a prefix from a user-defined function is unknown: check-incomplete names it, no size finding', () => {
    const findings = lintCorpus('values/udf-prefix.bicep');
    assert.equal(findings.filter((f) => f.rule === 'bastion-subnet-too-small').length, 0);
    assert.ok(findings.some((f) => f.rule === 'check-incomplete' && /bastionPrefix\(\) is a user-defined function/.test(f.message)));
  });

  it('variables imported from a local file resolve, by name and through a namespace', () => {
    const doc = corpus.find((d) => d.path.endsWith('lang-imports-extensions.bicep'));
    assert.ok(doc);
    const subnets = bicepToTopology(doc, { readFile }).topology.virtualNetworks[0]?.subnets ?? [];
    assert.deepEqual(subnets.map((s) => [s.name, s.addressPrefixes]), [
      ['AzureBastionSubnet', ['10.20.1.0/26']],
      ['snet-app', ['10.20.2.0/24']],
    ]);
  });

  it('an import whose file was not read is unknown, never empty', () => {
    const text = "import { prefix } from './missing.bicep'\nresource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'v'\n  properties: {\n    subnets: [\n      {\n        name: 'AzureBastionSubnet'\n        properties: {\n          addressPrefix: prefix\n        }\n      }\n    ]\n  }\n}\n";
    const read = bicepToTopology({ path: '/m/main.bicep', text });
    const subnet = read.topology.virtualNetworks[0]?.subnets[0];
    assert.ok(subnet?.unresolved?.some((u) => /imported and .*missing\.bicep was not among the files read/.test(u.reason)), JSON.stringify(subnet?.unresolved));
  });
});

describe('Bicep pragmas and Bastion Doctor suppressions', () => {
  const nsg = (above: string) =>
    `${above}resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: 'nsg-hub-bastion'\n  properties: {\n    securityRules: []\n  }\n}\nresource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {\n  name: 'vnet'\n  properties: {\n    subnets: [\n      {\n        name: 'AzureBastionSubnet'\n        properties: {\n          addressPrefix: '10.0.1.0/26'\n          networkSecurityGroup: {\n            id: nsg.id\n          }\n        }\n      }\n    ]\n  }\n}\n`;
  const missing = (above: string) => lintDocuments([{ path: '/m/main.bicep', text: nsg(above) }]).report.findings.filter((f) => f.rule === 'bastion-nsg-missing-rule').length;

  const cases: { name: string; above: string; silenced: boolean }[] = [
    { name: 'no pragma', above: '', silenced: false },
    { name: 'a pragma naming only Bicep linter codes', above: '#disable-next-line BCP037 no-unused-params\n', silenced: false },
    { name: 'a pragma naming a Bastion Doctor rule id', above: '#disable-next-line BCP037 bastion-nsg-missing-rule\n', silenced: true },
    { name: 'a region pragma naming the rule id', above: '#disable-diagnostics bastion-nsg-missing-rule\n', silenced: false },
    { name: 'our comment above a compiler pragma', above: '// bastion-doctor-disable-next-line bastion-nsg-missing-rule\n#disable-next-line BCP037\n', silenced: true },
  ];
  for (const { name, above, silenced } of cases) {
    it(name, () => {
      const count = missing(above);
      assert.equal(count === 0, silenced, `${count} missing-rule findings`);
    });
  }
});

describe('Bicep syntax errors keep their position', () => {
  const cases: { name: string; text: string; line: number; character: number; message: RegExp }[] = [
    { name: 'a pragma after code on the same line', text: "var a = 1 #disable-next-line x\n", line: 0, character: 10, message: /Unexpected character '#'/ },
    { name: 'an unknown directive', text: "var a = 1\n#pragma warning\nvar b = 2\n", line: 1, character: 0, message: /Unexpected character '#'/ },
    { name: 'a spread outside an array or object', text: "var a = 1\nvar b = ...a\n", line: 1, character: 8, message: /Expected a value but found '\.\.\.'/ },
    { name: 'an import without from', text: "import { a } './x.bicep'\n", line: 0, character: 13, message: /Expected 'from'/ },
    { name: 'a function without its arrow', text: "var a = 1\nfunc f(x int) int x\n", line: 1, character: 19, message: /Expected '=>'/ },
    { name: 'a spread with nothing after it', text: "var o = {\n  ...\n}\n", line: 1, character: 5, message: /Expected a value/ },
  ];
  for (const { name, text, line, character, message } of cases) {
    it(name, () => {
      const [first, ...rest] = parseBicep(text).diagnostics;
      assert.ok(first, 'a diagnostic');
      assert.equal(rest.length, 0, JSON.stringify(rest));
      assert.match(first.message, message);
      assert.deepEqual(first.range.start, { line, character });
    });
  }
});
