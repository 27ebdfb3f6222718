// The same file is linted with the same context in CI and in the editor: every template fixture,
// linted as `bastion-doctor lint <file>` and as the editor lints an open file (gatherDocuments,
// filesLintedWith and lintFiles, the calls src/extension/editor/templateLinter.ts makes), gives
// the same findings.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, relative } from 'node:path';
import { before, test } from 'node:test';
import { cliFileReader } from '../../../src/cli/fileReader';
import type { CliIo } from '../../../src/cli/io';
import { runLint } from '../../../src/cli/lintCommand';
import type { Finding } from '../../../src/core/findings';
import { lintFiles } from '../../../src/templates/edits';
import { formatOfFile, prepareTemplateFormats } from '../../../src/templates/formats';
import { filesLintedWith, gatherDocuments } from '../../../src/templates/gather';

const FIXTURES = 'test/fixtures/templates';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function io(out: string[] = []): CliIo {
  return { stdout: (t) => out.push(t), stderr: () => undefined, isTTY: false, env: {}, cwd: process.cwd(), readTextFile: (path) => readFile(path, 'utf8') };
}

type Comparable = Pick<Finding, 'rule' | 'severity' | 'message'> & { resource: string; at?: string };

function comparable(findings: readonly Finding[]): string[] {
  return findings
    .map((f): Comparable => {
      const origin = f.resource.origin;
      return { rule: f.rule, severity: f.severity, message: f.message, resource: f.resource.id.toLowerCase(), at: origin?.kind === 'file' ? `${normalize(origin.file)}:${origin.range.start.line}` : undefined };
    })
    .map((c) => JSON.stringify(c))
    .sort();
}

async function asTheCliLintsIt(path: string): Promise<string[]> {
  const out: string[] = [];
  await runLint([path, '--format', 'json'], io(out));
  return comparable((JSON.parse(out.join('')) as { findings: Finding[] }).findings);
}

async function asTheEditorLintsIt(path: string): Promise<string[]> {
  const target = { path, text: await readFile(path, 'utf8') };
  const gathered = await gatherDocuments(target, cliFileReader(io()));
  assert.ok(gathered, `${path} is a template`);
  return comparable(lintFiles(filesLintedWith(gathered), gathered.documents).get(path) ?? []);
}

before(() => prepareTemplateFormats());

const templates = filesUnder(FIXTURES);

test('the fixtures hold templates of every format', async () => {
  await prepareTemplateFormats();
  const { readFileSync } = await import('node:fs');
  const formats = new Set(templates.map((path) => formatOfFile(path, readFileSync(path, 'utf8'))?.id).filter(Boolean));
  assert.deepEqual([...formats].sort(), ['arm', 'bicep', 'terraform']);
});

for (const path of templates) {
  test(`${relative(FIXTURES, path)}: the same findings in CI and in the editor`, async () => {
    const text = await readFile(path, 'utf8');
    if (!formatOfFile(path, text)) return;
    assert.deepEqual(await asTheEditorLintsIt(path), await asTheCliLintsIt(path));
  });
}
