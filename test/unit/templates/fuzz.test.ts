// A seeded corpus of malformed inputs per format (ARM JSON, Bicep, Terraform, snapshot JSON): the
// fixtures, mutated (truncation, byte flips, brackets deleted or doubled, deep nesting, huge
// numbers, NUL, BOM, control characters), then cut so they cannot parse. Each is linted in-process
// within a time bound and must come back reported as unparsed, never throwing; a sample goes
// through the real CLI, which must exit 2 (never 0, never 3).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parseSnapshot } from '../../../src/core/snapshot';
import { armTemplateSource } from '../../../src/templates/arm';
import { bicepSource } from '../../../src/templates/bicep';
import { lintDocuments } from '../../../src/templates/lint';
import type { TemplateSource } from '../../../src/templates/source';
import { terraformParser, terraformSource } from '../../../src/templates/terraform';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/templates');
const PER_FORMAT = 500;
/** Through the real CLI, one process each (about a second per process here). */
const CLI_SAMPLE = 5;
const BOUND_MS = 2000;
const SOURCES: TemplateSource[] = [armTemplateSource, bicepSource, terraformSource];

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension) && !name.includes('parameters'))
    .sort()
    .map((name) => readFileSync(join(folder, name), 'utf8'));
}

/** mulberry32: the same corpus on every run and machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ['\u0000', '\ufeff', '\u0007', '\u001b[31m', '\u2028', '\r', '1e400', '99999999999999999999999999', '-0', '{', '}', '[', ']', '(', ')', '"', "'", '${', '\\', '/*', '*/', '#', '\t\t'];

/** Random damage, then a cut and an opener no format can close: whatever the damage, the text does not parse. */
function malformed(base: string, seed: number): string {
  const next = random(seed);
  const at = (text: string) => Math.floor(next() * (text.length + 1));
  let text = base;
  const edits = 1 + Math.floor(next() * 4);
  for (let e = 0; e < edits; e++) {
    const i = at(text);
    switch (Math.floor(next() * 6)) {
      case 0: // byte flip
        text = text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << Math.floor(next() * 7))) + text.slice(i + 1);
        break;
      case 1: // delete a bracket
        text = text.replace(/[{}[\]()]/, (m) => (next() < 0.5 ? '' : m + m));
        break;
      case 2: // deep nesting
        text = text.slice(0, i) + '['.repeat(200 + Math.floor(next() * 5000)) + text.slice(i);
        break;
      case 3: // noise: NUL, BOM, control characters, huge numbers, stray delimiters
        text = text.slice(0, i) + NOISE[Math.floor(next() * NOISE.length)] + text.slice(i);
        break;
      case 4: // duplicate a span
        text = text.slice(0, i) + text.slice(i, i + Math.floor(next() * 300)) + text.slice(i);
        break;
      default: // delete a span
        text = text.slice(0, i) + text.slice(i + Math.floor(next() * 80));
    }
  }
  // Inside a string, comment or heredoc the opener leaves it unterminated; anywhere else it is unclosed.
  return `${text.slice(0, at(text))}\n{"'`;
}

interface Format {
  name: string;
  fileName: string;
  bases: string[];
}

const FORMATS: Format[] = [
  { name: 'ARM JSON', fileName: 'azuredeploy.json', bases: filesUnder(join(FIXTURES, 'arm'), '.json').filter((t) => t.includes('deploymentTemplate')) },
  { name: 'Bicep', fileName: 'main.bicep', bases: [...filesUnder(join(FIXTURES, 'bicep'), '.bicep'), ...filesUnder(join(FIXTURES, 'bicep-corpus'), '.bicep')] },
  { name: 'Terraform', fileName: 'main.tf', bases: filesUnder(join(FIXTURES, 'terraform'), '.tf') },
];

/** The resources of an ARM fixture as a snapshot (a JSON array); none for the malformed fixture. */
function snapshotOf(template: string): string[] {
  try {
    return [JSON.stringify((JSON.parse(template) as { resources: unknown[] }).resources, null, 2)];
  } catch {
    return [];
  }
}

const corpus = (format: Format) => Array.from({ length: PER_FORMAT }, (_, seed) => malformed(format.bases[seed % format.bases.length], seed + 1));

const work = mkdtempSync(join(tmpdir(), 'bastion-fuzz-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe(`fuzz: ${PER_FORMAT} seeded malformed inputs per format`, () => {
  before(async () => {
    await terraformParser();
  });

  for (const format of FORMATS) {
    it(`${format.name}: every input is reported unparsed, in-process, within ${BOUND_MS} ms`, () => {
      assert.ok(format.bases.length >= 3, `fixtures found for ${format.name}`);
      for (const [seed, text] of corpus(format).entries()) {
        const started = performance.now();
        const result = lintDocuments([{ path: `fuzz/${format.fileName}`, text }], { sources: SOURCES });
        const ms = performance.now() - started;
        assert.ok(ms < BOUND_MS, `seed ${seed}: linted within ${BOUND_MS} ms (took ${ms.toFixed(0)})`);
        // A JSON file whose $schema a flip broke no longer says it is a template: skipped, as any JSON file.
        if (format.name === 'ARM JSON' && !armTemplateSource.matches(`fuzz/${format.fileName}`, text)) {
          assert.equal(result.files[0]?.kind, 'not-a-template', `seed ${seed}: skipped`);
          continue;
        }
        assert.ok(result.unparsed.length > 0, `seed ${seed}: reported unparsed: ${JSON.stringify(text.slice(-120))}`);
      }
    });
  }

  it('snapshot JSON: every input is refused with a position, within the bound', () => {
    const bases = FORMATS[0].bases.flatMap(snapshotOf);
    for (let seed = 0; seed < PER_FORMAT; seed++) {
      const text = malformed(bases[seed % bases.length], seed + 1);
      const started = performance.now();
      const parsed = parseSnapshot(text, 'snapshot.json');
      assert.ok(performance.now() - started < BOUND_MS, `seed ${seed}: parsed within the bound`);
      assert.equal(parsed.ok, false, `seed ${seed}: refused`);
      if (!parsed.ok) assert.match(parsed.error.message, /^snapshot\.json:\d+:\d+: /);
    }
  });

  it(`the CLI exits 2 on ${CLI_SAMPLE} of them per format (never 0, never 3)`, () => {
    const cli = join(ROOT, 'src/cli/main.ts');
    const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const folders: string[] = [];
    for (const format of FORMATS) {
      for (const [i, text] of corpus(format).slice(0, CLI_SAMPLE).entries()) {
        const folder = join(work, `${format.fileName}-${i}`);
        mkdirSync(folder);
        writeFileSync(join(folder, format.fileName), text);
        folders.push(join(folder, format.fileName));
      }
    }
    const snapshots = FORMATS[0].bases.flatMap(snapshotOf);
    const snapshotFiles = Array.from({ length: CLI_SAMPLE }, (_, i) => {
      const file = join(work, `snapshot-${i}.json`);
      writeFileSync(file, malformed(snapshots[0], i + 1));
      return file;
    });
    // One process per input: a run of several files exits 2 when any is unparsed, hiding the others.
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', tsx, cli, ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, NODE_OPTIONS: '' } });
    for (const file of folders) {
      const child = run(['lint', file, '--format', 'json']);
      assert.equal(child.status, 2, `${file}: exit ${child.status} ${child.signal ?? ''} ${child.stderr.slice(-300)}`);
    }
    for (const file of snapshotFiles) {
      const child = run(['diagnose', '--snapshot', file, '--bastion', 'bas']);
      assert.equal(child.status, 2, `${file}: exit ${child.status} ${child.signal ?? ''} ${child.stderr.slice(-300)}`);
    }
  });
});
