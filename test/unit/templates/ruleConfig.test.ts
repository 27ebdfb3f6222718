// bastion-doctor.json: what it may say, which one applies to a file, and how the CLI layers
// --rule on top and stops on a mistake with the file and line.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliFileReader } from '../../../src/cli/fileReader';
import type { CliIo } from '../../../src/cli/io';
import { runLint } from '../../../src/cli/lintCommand';
import { findRuleConfig, parseRuleConfig } from '../../../src/templates/ruleConfig';

const cases: { name: string; text: string; rules: Record<string, string>; problems: { line: number; message: RegExp }[] }[] = [
  { name: 'levels by rule id, comments and trailing commas allowed', text: '{\n  // quieter in this repo\n  "rules": { "bastion-nsg-missing-rule": "warning", "vm-not-running": "OFF", },\n}', rules: { 'bastion-nsg-missing-rule': 'warning', 'vm-not-running': 'off' }, problems: [] },
  { name: 'an unknown rule id is named on its line; the valid entries still apply', text: '{ "rules": {\n  "bastion-nsg-missing-rule": "info",\n  "no-such-rule": "off"\n} }', rules: { 'bastion-nsg-missing-rule': 'info' }, problems: [{ line: 2, message: /unknown rule id 'no-such-rule'/ }] },
  { name: 'a level that is not one of the four', text: '{ "rules": {\n  "vm-not-running": "fatal" } }', rules: {}, problems: [{ line: 1, message: /level of vm-not-running must be one of off, info, warning, error/ }] },
  { name: 'a level that is not a string', text: '{ "rules": { "vm-not-running": 2 } }', rules: {}, problems: [{ line: 0, message: /must be one of/ }] },
  { name: 'rules that are not an object', text: '{\n "rules": ["vm-not-running"] }', rules: {}, problems: [{ line: 1, message: /"rules" must be an object/ }] },
  { name: 'an unknown top-level setting', text: '{ "rules": {},\n "extends": "x" }', rules: {}, problems: [{ line: 1, message: /unknown setting 'extends'/ }] },
  { name: 'not JSON', text: '{ "rules": {\n  "vm-not-running": "off"\n  "x" }', rules: {}, problems: [{ line: 2, message: /not valid JSON \(CommaExpected\)/ }] },
  { name: 'not an object', text: '"off"', rules: {}, problems: [{ line: 0, message: /expected an object/ }] },
];

describe('parseRuleConfig', () => {
  for (const { name, text, rules, problems } of cases) {
    it(name, () => {
      const config = parseRuleConfig('/repo/bastion-doctor.json', text);
      assert.deepEqual(config.rules, rules);
      assert.deepEqual(config.problems.map((p) => p.range.start.line), problems.map((p) => p.line));
      config.problems.forEach((p, i) => {
        assert.match(p.message, problems[i].message);
        assert.equal(p.file, '/repo/bastion-doctor.json');
      });
    });
  }
});

const root = mkdtempSync(join(tmpdir(), 'bastion-doctor-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

function io(out: string[] = [], err: string[] = []): CliIo {
  return { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, env: {}, cwd: root, readTextFile: (path) => readFile(path, 'utf8') };
}

describe('findRuleConfig', () => {
  mkdirSync(join(root, 'repo', '.git'), { recursive: true });
  mkdirSync(join(root, 'repo', 'infra', 'hub'), { recursive: true });
  writeFileSync(join(root, 'bastion-doctor.json'), '{ "rules": { "vm-not-running": "off" } }');
  writeFileSync(join(root, 'repo', 'bastion-doctor.json'), '{ "rules": { "bastion-nsg-missing-rule": "info" } }');

  it('is the nearest bastion-doctor.json above the file', async () => {
    const config = await findRuleConfig(join(root, 'repo', 'infra', 'hub', 'main.bicep'), cliFileReader(io()));
    assert.equal(config.file, join(root, 'repo', 'bastion-doctor.json'));
    assert.deepEqual(config.rules, { 'bastion-nsg-missing-rule': 'info' });
  });

  it('stops at the repository root: a file above it does not apply', async () => {
    mkdirSync(join(root, 'other', '.git'), { recursive: true });
    const config = await findRuleConfig(join(root, 'other', 'main.tf'), cliFileReader(io()));
    assert.equal(config.file, undefined);
  });
});

describe('bastion-doctor lint with a bastion-doctor.json', () => {
  const repo = join(root, 'lint');
  mkdirSync(join(repo, '.git'), { recursive: true });
  cpSync('test/fixtures/templates/arm/missing-rules', join(repo, 'arm'), { recursive: true });
  const lint = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runLint(args, io(out, err));
    return { code, err: err.join(''), levels: code === 2 ? [] : (JSON.parse(out.join('')) as { findings: { rule: string; severity: string }[] }).findings.map((f) => `${f.rule} ${f.severity}`) };
  };

  it('applies the file\'s levels, with --rule on top', async () => {
    writeFileSync(join(repo, 'bastion-doctor.json'), '{ "rules": { "bastion-nsg-missing-rule": "info" } }');
    const configured = await lint('lint/arm', '--format', 'json');
    assert.deepEqual(configured.levels, ['bastion-nsg-missing-rule info', 'bastion-nsg-missing-rule info']);
    assert.equal(configured.code, 0);
    const overridden = await lint('lint/arm', '--format', 'json', '--rule', 'bastion-nsg-missing-rule=error');
    assert.deepEqual(overridden.levels, ['bastion-nsg-missing-rule error', 'bastion-nsg-missing-rule error']);
    assert.equal(overridden.code, 1);
  });

  it('an invalid file stops the run with exit code 2, naming the file and line', async () => {
    writeFileSync(join(repo, 'bastion-doctor.json'), '{\n  "rules": {\n    "bastion-nsg-missing-rul": "off"\n  }\n}\n');
    const result = await lint('lint/arm', '--format', 'json');
    assert.equal(result.code, 2);
    assert.match(result.err, /^lint\/bastion-doctor\.json:3:5: error: unknown rule id 'bastion-nsg-missing-rul'$/m);
  });
});
