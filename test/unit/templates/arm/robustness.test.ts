import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Finding } from '../../../../src/core/findings';
import { isArmParametersFile } from '../../../../src/templates/arm';
import { MAX_COPY_COUNT, MAX_COPY_INSTANCES } from '../../../../src/templates/arm/copyLimits';
import { MAX_EXPRESSION_DEPTH } from '../../../../src/templates/arm/expression/parser';
import { MAX_JSON_DEPTH, parseJsonDocument } from '../../../../src/templates/arm/jsonDocument';
import { lintDocuments } from '../../../../src/templates/lint';
import type { TemplateDocument } from '../../../../src/templates/source';
import { FIXTURES } from './fixtureText';

/** Every fixture folder as [template, parameters file when there is one]. */
const FIXTURE_SETS: TemplateDocument[][] = readdirSync(FIXTURES).map((folder) =>
  ['azuredeploy.json', 'azuredeploy.parameters.json']
    .map((name) => join(FIXTURES, folder, name))
    .filter((path) => existsSync(path))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') })),
);

// Generous bounds: they catch hangs (runaway loops, backtracking), not slowness, which bench/ measures.
const FUZZ_BOUND_MS = 3000;
const PATHOLOGICAL_BOUND_MS = 5000;

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '"[', "')]", '[concat(', "[variables('", "[parameters('", '"copy": [', '"count": 900', '// c\n', '/*', '\\', 'null', '-1', '1e999'),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
    case 'swap':
      return at + 1 < text.length ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2) : text;
    case 'truncate':
      return text.slice(0, at);
  }
}

function timedLint(docs: TemplateDocument[]) {
  const started = performance.now();
  const result = lintDocuments(docs, { now: () => new Date('2026-01-01T00:00:00Z') });
  return { result, ms: performance.now() - started };
}

function incomplete(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.rule === 'check-incomplete');
}

describe('ARM template source robustness', () => {
  it('mutated fixtures (deletions, insertions, duplications, swaps, truncations) never throw and lint quickly', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: FIXTURE_SETS.length - 1 }),
        fc.boolean(),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (which, mutateParameters, mutations) => {
          const docs = FIXTURE_SETS[which].map((doc) => ({ ...doc }));
          const target = mutateParameters && docs.length > 1 ? docs[1] : docs[0];
          target.text = mutations.reduce(mutate, target.text);
          const { result, ms } = timedLint(docs);
          assert.ok(ms < FUZZ_BOUND_MS, `one mutated template lints within ${FUZZ_BOUND_MS} ms (took ${ms.toFixed(0)} ms)`);
          const [firstError] = parseJsonDocument(target.text).errors;
          // A file whose $schema the mutation broke is no longer recognised, so nothing judges it.
          const recognised = result.files.some((f) => f.kind === 'linted') && (target === docs[0] || isArmParametersFile(target.path, target.text));
          if (!firstError || !recognised) return;
          // Broken JSON is reported at the first syntax error, never silently dropped.
          const atError = incomplete(result.report.findings).filter(
            (f) => f.resource.origin?.kind === 'file' && f.resource.origin.file === target.path,
          );
          assert.ok(atError.length > 0, `broken ${target.path} gives a check-incomplete finding`);
          const origin = atError[0].resource.origin;
          assert.equal(origin?.kind === 'file' && origin.range.start.line, firstError.range.start.line);
          assert.equal(atError[0].evidence[0]?.value, `line ${firstError.range.start.line + 1}, column ${firstError.range.start.character + 1}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
  const template = (sections: object): string => JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...sections }, null, 2);
  const nsg = (properties: unknown, extra: object = {}) => ({
    type: 'Microsoft.Network/networkSecurityGroups',
    apiVersion: '2023-09-01',
    name: 'nsg-bastion',
    location: 'westeurope',
    properties,
    ...extra,
  });
  const rule = (name: string) => ({
    name,
    properties: {
      priority: 120, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
      sourceAddressPrefix: 'Internet', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '443',
    },
  });
  const deepConcat = (depth: number) => `[${'concat('.repeat(depth)}'a'${')'.repeat(depth)}]`;
  const nestedJson = (open: string, close: string, depth: number) => open.repeat(depth) + close.repeat(depth);

  const pathological: { name: string; text: string; message: RegExp }[] = [
    {
      name: `arrays nested 10,000 deep (limit ${MAX_JSON_DEPTH})`,
      text: template({ variables: { x: 'PLACEHOLDER' }, resources: [] }).replace('"PLACEHOLDER"', nestedJson('[', ']', 10_000)),
      message: new RegExp(`nested too deeply to read \\(nested deeper than ${MAX_JSON_DEPTH} levels at line 5, column \\d+\\)`),
    },
    {
      name: 'objects nested 10,000 deep inside a resource',
      text: template({ resources: [nsg('PLACEHOLDER')] }).replace('"PLACEHOLDER"', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`),
      message: /nested too deeply to read/,
    },
    {
      name: 'a 5 MB string inside a malformed expression deciding the rules (quoted shortened)',
      text: template({ resources: [nsg({ securityRules: `[concat('${'x'.repeat(5_000_000)}']` })] }),
      message: /^nsg-bastion: securityRules could not be resolved \(the expression '\[concat\('x{190}x*…' is malformed: expected ',' or '\)' at position 5000009 in 'concat\('x+…'\).{0,200}$/,
    },
    {
      name: 'a 5 MB string as a variable',
      text: template({ variables: { big: 'x'.repeat(5_000_000) }, resources: [nsg({ securityRules: "[variables('big')]" })] }),
      message: /properties.securityRules should be an array but is a string/,
    },
    {
      name: `concat() nested 2,000 deep (limit ${MAX_EXPRESSION_DEPTH})`,
      text: template({ resources: [nsg({ securityRules: deepConcat(2000) })] }),
      message: new RegExp(`securityRules could not be resolved .*nested deeper than ${MAX_EXPRESSION_DEPTH} levels`),
    },
    {
      name: 'an index chain 20,000 links long',
      text: template({ variables: { rules: [] }, resources: [nsg({ securityRules: `[variables('rules')${'[0]'.repeat(20_000)}]` })] }),
      message: new RegExp(`nested deeper than ${MAX_EXPRESSION_DEPTH} levels`),
    },
    {
      name: 'a resource copy loop of 100,000',
      text: template({ resources: [nsg({ securityRules: [] }, { name: "[concat('nsg', copyIndex())]", copy: { name: 'nsgs', count: 100_000 } })] }),
      message: new RegExp(`copy loop of this resource cannot be expanded \\(count 100000 is above ARM's limit of ${MAX_COPY_COUNT}\\)`),
    },
    {
      name: 'a property copy loop of 100,000 rules',
      text: template({ resources: [nsg({ copy: [{ name: 'securityRules', count: 100_000, input: rule("[concat('r', copyIndex('securityRules'))]") }] })] }),
      message: /securityRules could not be resolved \(the copy loop 'securityRules' cannot be expanded: count 100000 is above ARM's limit of 800\)/,
    },
    {
      name: `nested loops of 800 × 800 (budget ${MAX_COPY_INSTANCES})`,
      text: template({
        resources: [nsg(
          { copy: [{ name: 'securityRules', count: MAX_COPY_COUNT, input: rule("[concat('r', copyIndex('securityRules'))]") }] },
          { name: "[concat('nsg', copyIndex())]", copy: { name: 'nsgs', count: MAX_COPY_COUNT } },
        )],
      }),
      message: new RegExp(`copy loop 'securityRules' was not expanded: evaluation stopped: its 800 instances would take the template past ${MAX_COPY_INSTANCES}`),
    },
    {
      name: 'variables referring to each other',
      text: template({
        variables: { rules: "[variables('more')]", more: "[concat(variables('rules'), createArray())]" },
        resources: [nsg({ securityRules: "[variables('rules')]" })],
      }),
      message: /securityRules could not be resolved \(variable 'rules' refers to itself\)/,
    },
    {
      name: 'a parameter default referring to itself',
      text: template({
        parameters: { sku: { type: 'string', defaultValue: "[parameters('sku')]" } },
        resources: [{
          type: 'Microsoft.Network/bastionHosts', apiVersion: '2023-09-01', name: 'bas', location: 'westeurope',
          sku: { name: "[parameters('sku')]" }, properties: { enableTunneling: true },
        }],
      }),
      message: /sku.* could not be resolved \(parameter 'sku' refers to itself\)/,
    },
  ];

  for (const { name, text, message } of pathological) {
    it(`ends quickly with a check-incomplete finding: ${name}`, () => {
      const { result, ms } = timedLint([{ path: 'pathological/azuredeploy.json', text }]);
      assert.ok(ms < PATHOLOGICAL_BOUND_MS, `lints within ${PATHOLOGICAL_BOUND_MS} ms (took ${ms.toFixed(0)} ms)`);
      const messages = incomplete(result.report.findings).map((f) => f.message);
      assert.ok(messages.some((m) => message.test(m)), `a finding matches ${message}; got ${JSON.stringify(messages.map((m) => m.slice(0, 300)))}`);
      assert.ok(messages.every((m) => !/call stack/i.test(m)), 'no stack overflow was caught on the way');
    });
  }
});
