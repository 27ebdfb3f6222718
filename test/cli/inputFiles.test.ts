// How the built CLI reads its input files: every encoding and line break VS Code opens gives the
// same findings at the same lines as the plain UTF-8/LF file; anything it cannot read (a FIFO, a
// device, a 2 GB file, an I/O error, binary bytes, nothing to check) exits 2 naming the path,
// promptly, never 0, 3 or a hang.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli.js');
const FIXTURES = resolve('test/fixtures/templates');
const dir = mkdtempSync(join(tmpdir(), 'bastion-inputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  findings: { rule: string; resource: { origin?: { range?: { start: { line: number; character: number } } } } }[];
}

/** Rule and 0-based line:column of every finding, in report order. */
function placedRules(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonReport).findings.map((f) => `${f.rule}@${f.resource.origin?.range?.start.line}:${f.resource.origin?.range?.start.character}`);
}

const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const ENCODINGS: [string, (text: string) => Buffer][] = [
  ['UTF-8 with a BOM', (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ['UTF-16LE with a BOM', (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text)])],
  ['UTF-16BE with a BOM', (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
  ['UTF-16LE without a BOM', utf16le],
  ['CR-only line breaks', (text) => Buffer.from(text.replace(/\n/g, '\r'))],
  ['CRLF line breaks', (text) => Buffer.from(text.replace(/\n/g, '\r\n'))],
];
const TEMPLATES: [string, string][] = [
  ['ARM', 'arm/missing-rules/azuredeploy.json'],
  ['Bicep', 'bicep/missing-rules/main.bicep'],
  ['Terraform', 'terraform/missing-rules/main.tf'],
];

describe('lint reads what VS Code opens', () => {
  for (const [format, fixture] of TEMPLATES) {
    const text = readFileSync(join(FIXTURES, fixture), 'utf8');
    const name = fixture.split('/').pop()!;
    // Each file in a folder of its own: a Terraform folder is one module.
    const placed = (label: string, bytes: string | Buffer) => {
      const folder = join(dir, `${format}-${label.replace(/\W+/g, '-')}`);
      mkdirSync(folder);
      writeFileSync(join(folder, name), bytes);
      return join(folder, name);
    };
    const plain = cli(['lint', placed('plain', text), '--format', 'json']);
    for (const [encoding, encode] of ENCODINGS) {
      it(`${format} in ${encoding}: the same findings at the same lines, same exit code`, () => {
        assert.ok(placedRules(plain.stdout).length > 0, plain.stderr);
        const run = cli(['lint', placed(encoding, encode(text)), '--format', 'json']);
        assert.equal(run.status, plain.status, run.stderr);
        assert.deepEqual(placedRules(run.stdout), placedRules(plain.stdout));
      });
    }
  }

  it('U+2028 inside a JSON string is an ordinary character, not a line break', () => {
    const text = readFileSync(join(FIXTURES, 'arm/missing-rules/azuredeploy.json'), 'utf8');
    const withSeparator = text.replace('"contentVersion": "1.0.0.0"', '"contentVersion": "1.0.0.0", "metadata": { "note": "a\u2028b\u2029c" }');
    assert.notEqual(withSeparator, text, 'the fixture has a contentVersion to anchor on');
    writeFileSync(join(dir, 'separator.json'), withSeparator);
    writeFileSync(join(dir, 'plain.json'), text);
    const run = cli(['lint', 'separator.json', '--format', 'json']);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(placedRules(run.stdout), placedRules(cli(['lint', 'plain.json', '--format', 'json']).stdout));
  });
});

describe('lint and --snapshot refuse what they cannot read, with exit 2 and the path', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a FIFO', () => {
      const path = join(dir, 'pipe.json');
      execFileSync('mkfifo', [path]);
      return path;
    }, /pipe\.json: is not a regular file/],
    ['/dev/zero', () => '/dev/zero', /\/dev\/zero: is not a regular file/],
    ['a 2 GB file', () => {
      const path = join(dir, 'huge.json');
      writeFileSync(path, '');
      truncateSync(path, 2 * 1024 ** 3);
      return path;
    }, /huge\.json: is larger than 32 MiB/],
    ['an I/O error (EIO)', () => '/proc/self/mem', /\/proc\/self\/mem: cannot be read \(I\/O error, EIO\)/],
    ['binary bytes', () => {
      const path = join(dir, 'binary.json');
      writeFileSync(path, Buffer.from([0x7b, 0x00, 0x00, 0x00, 0xff, 0x00, 0x7d]));
      return path;
    }, /binary\.json: (holds a NUL|is not UTF-8)/],
    ['Latin-1 bytes', () => {
      const path = join(dir, 'latin1.json');
      writeFileSync(path, Buffer.from('{"name": "caf\xe9"}', 'latin1'));
      return path;
    }, /latin1\.json: is not UTF-8 or UTF-16 text/],
  ];
  for (const [what, make, message] of cases) {
    const path = make();
    for (const args of [['lint', path], ['diagnose', '--snapshot', path]]) {
      it(`${args[0]}: ${what}`, () => {
        const started = Date.now();
        const run = cli(args);
        assert.equal(run.status, 2, `exit ${run.status}\n${run.stderr}`);
        assert.match(run.stderr, message);
        assert.ok(Date.now() - started < 10_000, 'answers promptly');
      });
    }
  }

  it('a folder with no template checks nothing: exit 2, not a pass', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    writeFileSync(join(empty, 'README.md'), '# nothing here\n');
    const run = cli(['lint', empty]);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /nothing was checked/);
  });
});
