// A template that cannot be parsed is never a pass: the built CLI prints the findings of every
// input, then exits 2 naming file:line:column; --allow-unparsed exits by the findings alone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli.js');
const FIXTURES = resolve('test/fixtures/templates');
const FORMATS = ['text', 'json', 'sarif'] as const;

function cli(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined };
  const result = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, env, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch folder with one case's files. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bastion-unparsed-'));
  for (const [name, source] of Object.entries(files)) {
    if (source.startsWith('fixture:')) cpSync(join(FIXTURES, source.slice('fixture:'.length)), join(dir, name), { recursive: true });
    else writeFileSync(join(dir, name), source);
  }
  return dir;
}

const goodArm = 'fixture:arm/missing-rules/azuredeploy.json';
const truncated = readFileSync(join(FIXTURES, 'arm/compliant/azuredeploy.json'), 'utf8').slice(0, 300);

const cases: { name: string; files: Record<string, string>; path: string; at: RegExp }[] = [
  { name: 'truncated JSON', files: { 'azuredeploy.json': truncated }, path: 'azuredeploy.json', at: /^azuredeploy\.json:\d+:\d+: error: azuredeploy\.json is not valid JSON/m },
  { name: 'a Bicep syntax error', files: { 'main.bicep': 'fixture:bicep/broken/main.bicep' }, path: 'main.bicep', at: /^main\.bicep:126:29: error: Bicep syntax: /m },
  { name: 'an HCL syntax error', files: { tf: 'fixture:terraform/syntax-error' }, path: 'tf', at: /^tf[\\/]main\.tf:20:20: error: Syntax error: unexpected "\+"/m },
];

/** The report is complete in every format: text ends with its summary, JSON and SARIF parse. */
function assertReport(format: typeof FORMATS[number], stdout: string): string {
  if (format === 'text') assert.match(stdout, /\d+ errors?, \d+ warnings?, \d+ info/);
  else JSON.parse(stdout);
  return stdout;
}

describe('lint: an input that cannot be parsed fails the run', () => {
  for (const { name, files, path, at } of cases) {
    for (const format of FORMATS) {
      it(`${name} (${format}): exit 2 after the report, the position on stderr`, () => {
        const result = cli(workspace(files), [path, '--format', format]);
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, at);
        assert.match(result.stderr, /syntax error, so it was not fully checked; exit code 2 .*--allow-unparsed/);
        assert.match(assertReport(format, result.stdout), /check-incomplete/);
      });
    }
    it(`${name} with --allow-unparsed: exits by the findings, the syntax error still reported`, () => {
      const result = cli(workspace(files), [path, '--allow-unparsed']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, /check-incomplete/);
    });
  }

  for (const format of FORMATS) {
    it(`a folder with a good and a bad template (${format}): the good one's findings, then exit 2`, () => {
      const result = cli(workspace({ 'good.json': goodArm, 'bad.json': truncated }), ['.', '--format', format]);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /^bad\.json:\d+:\d+: error: /m);
      assert.doesNotMatch(result.stderr, /good\.json/);
      const report = assertReport(format, result.stdout);
      assert.match(report, /bastion-nsg-missing-rule/);
      assert.match(report, /good\.json/);
    });
  }

  it('the same folder with --allow-unparsed exits 1 by the good template\'s error', () => {
    const result = cli(workspace({ 'good.json': goodArm, 'bad.json': truncated }), ['.', '--allow-unparsed']);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /bastion-nsg-missing-rule/);
  });

  it('documents it in lint --help', () => {
    const result = cli(tmpdir(), ['--help']);
    assert.match(result.stdout, /--allow-unparsed/);
    assert.match(result.stdout, /syntax error .* fails the run with exit code 2/s);
  });
});
