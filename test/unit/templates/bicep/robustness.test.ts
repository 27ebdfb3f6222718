import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bicepToTopology, parseBicep, suppressionComments } from '../../../../src/templates/bicep';
import { allFixtures, CORPUS } from './fixtureText';

const fixtures = [...allFixtures(), ...allFixtures(CORPUS)];

/** Delete, insert or duplicate spans of a fixture. */
const mutation = fc.record({
  fixture: fc.integer({ min: 0, max: fixtures.length - 1 }),
  edits: fc.array(
    fc.record({
      kind: fc.constantFrom('delete', 'insert', 'duplicate'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 80 }),
      text: fc.constantFrom('{', '}', '[', ']', "'", "'''", '${', '(', ')', '\n', '=', ':', '?', 'resource x ', 'for ', 'if (', '@', '//', '/*', '::', '.?', 'a!', '=>', '#disable-next-line BCP037 bastion-nsg-missing-rule\n', '#restore-diagnostics', '#', '...', '...x', "import { a } from './b.bicep'\n", 'import * as ns from ', 'func f(a int) int =>\n', '[?0]', '??', "'''", '|', '\ufeff'),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

function mutate(text: string, edits: { kind: string; at: number; length: number; text: string }[]): string {
  let out = text;
  for (const edit of edits) {
    const at = Math.floor(edit.at * out.length);
    if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + edit.length);
    else if (edit.kind === 'insert') out = out.slice(0, at) + edit.text + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + edit.length) + out.slice(at);
  }
  return out;
}

describe('Bicep robustness', () => {
  // The fixtures include the parser corpus: every construct the compiler accepts, mutated.
  it('random mutations of every fixture never throw and stay fast', () => {
    fc.assert(
      fc.property(mutation, ({ fixture, edits }) => {
        const source = fixtures[fixture];
        const text = mutate(source.text, edits);
        const start = performance.now();
        const read = bicepToTopology({ path: source.path, text }, { readFile: () => text });
        const elapsed = performance.now() - start;
        assert.ok(elapsed < 2000, `took ${elapsed} ms: bounded, not hanging`);
        for (const d of read.parseDiagnostics) assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0);
      }),
      { numRuns: 400, seed: 20260101 },
    );
  });

  it('a fan-out of modules calling modules is cut short, said, and fast', () => {
    const fanOut = Array.from({ length: 5 }, (_, i) => `module m${i} 'modules/m${i}.bicep' = {\n  name: 'm${i}'\n}\n`).join('');
    const start = performance.now();
    const read = bicepToTopology({ path: 'main.bicep', text: fanOut }, { readFile: () => fanOut });
    assert.ok(performance.now() - start < 2000);
    // Calls with equal arguments run once, so the fan-out is linear and ends at the depth limit.
    assert.ok(read.parseDiagnostics.some((d) => /nested more than 8 levels deep/.test(d.message)));
    assert.ok(read.parseDiagnostics.length <= 25, `${read.parseDiagnostics.length} diagnostics`);
  });

  it('deep nesting and long inputs are bounded', () => {
    const deep = `var x = ${'['.repeat(5000)}`;
    assert.ok(parseBicep(deep).diagnostics.length >= 1);
    const parens = `var y = ${'('.repeat(5000)}1${')'.repeat(5000)}`;
    assert.ok(parseBicep(parens).diagnostics.length >= 1);
  });

  it('collects suppression comments with the line they silence', () => {
    const program = parseBicep('// bastion-doctor-disable-next-line bastion-nsg-missing-rule bastion-subnet-too-small\nvar a = 1\n// unrelated\n');
    assert.deepEqual(suppressionComments('main.bicep', program), [{ path: 'main.bicep', line: 1, ruleIds: ['bastion-nsg-missing-rule', 'bastion-subnet-too-small'] }]);
  });
});
