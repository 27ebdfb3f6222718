// Unknown is never absent: making any value of a model unknown (the value gone, the field listed
// in `unresolved`, as a source does), or a resource not read, may add check-incomplete findings,
// but never adds an error or warning and never raises the severity of a (rule, resource) finding.
// Over the demo, the shared healthy model and every template fixture and sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { diagnose } from '../../../src/core/diagnose';
import { demoTopology } from '../../../src/core/demo';
import type { Finding, Severity } from '../../../src/core/findings';
import type { Topology } from '../../../src/core/model';
import { armTemplateSource } from '../../../src/templates/arm';
import { bicepSource } from '../../../src/templates/bicep';
import type { TemplateDocument, TemplateSource } from '../../../src/templates/source';
import { prepareTemplateFormats } from '../../../src/templates/formats';
import { terraformSource } from '../../../src/templates/terraform';
import { healthyTopology } from '../../support/model';
import { describeMutation, mutated, mutationsOf, type Mutation } from '../../support/unknownMutations';
import type { DiagnosisSource } from '../../../src/core/checks/types';

interface Input {
  label: string;
  topology: Topology;
  source: DiagnosisSource;
}

const ROOTS = ['test/fixtures/templates', 'samples/workspace'];
const SOURCES: TemplateSource[] = [armTemplateSource, bicepSource, terraformSource];
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** One template (or Terraform folder) per input, read as the lint engine reads it. */
function templateInputs(): Input[] {
  const inputs: Input[] = [];
  const seenFolders = new Set<string>();
  for (const root of ROOTS) {
    const docs: TemplateDocument[] = filesUnder(root).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    for (const doc of docs) {
      if (SOURCES.some((s) => s.isCompanion?.(doc.path, doc.text))) continue;
      const source = SOURCES.find((s) => s.matches(doc.path, doc.text));
      if (!source) continue;
      const folder = doc.path.replace(/[\\/][^\\/]*$/, '');
      if (source.topologyScope === 'folder' && seenFolders.has(folder)) continue;
      seenFolders.add(folder);
      const siblings = docs.filter((other) => other !== doc && (source.siblingScope === 'all' || other.path.replace(/[\\/][^\\/]*$/, '') === folder));
      inputs.push({ label: relative('.', doc.path), topology: source.toTopology(doc, siblings).topology, source: 'template' });
    }
  }
  return inputs;
}

function severities(findings: readonly Finding[]): Map<string, number> {
  const worst = new Map<string, number>();
  for (const finding of findings) {
    const key = `${finding.rule} ${finding.resource.id.toLowerCase()}`;
    worst.set(key, Math.max(worst.get(key) ?? -1, RANK[finding.severity]));
  }
  return worst;
}

/** Findings of the mutated model that are new errors/warnings or worse than before. */
function guesses(input: Input, mutations: readonly Mutation[]): string[] {
  const before = severities(diagnose(input.topology, { source: input.source }).findings);
  const after = diagnose(mutated(input.topology, mutations), { source: input.source }).findings;
  return after
    .filter((finding) => finding.rule !== 'check-incomplete' && finding.severity !== 'info')
    .filter((finding) => RANK[finding.severity] > (before.get(`${finding.rule} ${finding.resource.id.toLowerCase()}`) ?? 0))
    .map((finding) => `${finding.severity} ${finding.rule}: ${finding.message}`);
}

let inputs: { input: Input; mutations: Mutation[] }[] = [];

test.before(async () => {
  await prepareTemplateFormats();
  inputs = [
    { label: 'demo', topology: demoTopology(), source: 'live' as const },
    { label: 'healthy model', topology: healthyTopology(), source: 'live' as const },
    { label: 'healthy model as a template', topology: healthyTopology(), source: 'template' as const },
    ...templateInputs(),
  ].map((input) => ({ input, mutations: mutationsOf(input.topology) })).filter((entry) => entry.mutations.length > 0);
});

test('the inputs cover the demo, the fixtures of all three formats and the samples', () => {
  const labels = inputs.map((entry) => entry.input.label).join('\n');
  for (const expected of ['demo', '.json', '.bicep', '.tf', 'samples']) assert.ok(labels.includes(expected), `no input matches ${expected}`);
  assert.ok(inputs.length >= 30, `only ${inputs.length} inputs`);
});

test('every single value made unknown, one at a time, adds no error or warning', () => {
  const failures: string[] = [];
  for (const { input, mutations } of inputs) {
    for (const mutation of mutations) {
      for (const guess of guesses(input, [mutation])) failures.push(`${input.label}, ${describeMutation(input.topology, mutation)} → ${guess}`);
    }
  }
  assert.deepEqual([...new Set(failures)].slice(0, 40), []);
});

test('any few values made unknown together add no error or warning (property)', () => {
  const entry = fc.constantFrom(...inputs).chain(({ input, mutations }) => fc.tuple(
    fc.constant(input),
    fc.uniqueArray(fc.constantFrom(...mutations), { minLength: 2, maxLength: 4 }),
  ));
  let failure = '';
  const result = fc.check(fc.property(entry, ([input, chosen]) => {
    const found = guesses(input, chosen);
    if (found.length > 0) failure = `${input.label}, ${chosen.map((m) => describeMutation(input.topology, m)).join('; ')} → ${found.join(' | ')}`;
    return found.length === 0;
  }), { numRuns: Number(process.env.UNKNOWN_RUNS ?? 300), seed: Number(process.env.UNKNOWN_SEED ?? 11) });
  // The counterexample itself is a whole topology; the mutations and the guesses say what failed.
  assert.equal(result.failed ? failure : '', '');
});
