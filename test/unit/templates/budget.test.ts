// Files of a few KB that expand without bound (doubling values, nested loops, module fan-outs, deep
// nesting) are linted by the real CLI in a child process with a 256 MB heap and a time bound: each
// ends with a check-incomplete naming the limit (or a syntax error), never a crash, OOM or hang.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'src/cli/main.ts');
const TIME_BOUND_MS = 20_000;
/** Resolved here: the child runs in a temporary folder without node_modules. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

const nsgNamed = (expression: string) => `resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'nsg-\${${expression}}'\n  location: 'westeurope'\n}\n`;
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i + 1)).join('\n');

function armTreeTemplate(): string {
  const variables: Record<string, unknown> = { v0: 'x' };
  for (let i = 1; i <= 30; i++) variables[`v${i}`] = { a: `[variables('v${i - 1}')]`, b: `[variables('v${i - 1}')]` };
  return JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    variables,
    resources: [{ type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-04-01', name: "[string(variables('v30'))]", location: 'westeurope', properties: {} }],
  });
}

function moduleChain(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++) {
    const calls = i < 9 ? `module m 'm${i + 1}.bicep' = [for k in range(0, 5): {\n  name: 'm${i}-\${k}'\n  params: { p: p }\n}]\n` : '';
    files[`m${i}.bicep`] = `param p int = 0\n${calls}${nsgNamed(`'${i}'`)}`;
  }
  return files;
}

function nestedInterpolation(depth: number): string {
  let text = "'x'";
  for (let i = 0; i < depth; i++) text = `'a\${${text}}b'`;
  return `var x = ${text}\n${nsgNamed('x')}`;
}

interface ExpansionCase {
  name: string;
  files: Record<string, string>;
  lint: string;
  /** The CLI's exit code: 0 when the limit only leaves things unchecked, 2 for a syntax error. */
  exitCode: number;
  message: RegExp;
  /** At most this many check-incomplete findings (a fan-out evaluated once per distinct call). */
  maxIncomplete?: number;
}

const CASES: ExpansionCase[] = [
  {
    name: 'Bicep var vN = concat(vN-1, vN-1) ×30',
    files: { 'main.bicep': `var v0 = ['a']\n${lines(30, (i) => `var v${i} = concat(v${i - 1}, v${i - 1})`)}\n${nsgNamed('length(v30)')}` },
    lint: 'main.bicep',
    exitCode: 0,
    message: /evaluation stopped: a value would have more than 1,000,000 items/,
  },
  {
    name: 'Bicep strings doubled ×30 by interpolation',
    files: { 'main.bicep': `var s0 = 'ab'\n${lines(30, (i) => `var s${i} = '\${s${i - 1}}\${s${i - 1}}'`)}\n${nsgNamed('length(s30)')}` },
    lint: 'main.bicep',
    exitCode: 0,
    message: /evaluation stopped: a value would have more than 1,000,000 items/,
  },
  {
    name: 'Terraform locals vN = concat(local.vN-1, local.vN-1) ×30',
    files: {
      'main.tf': `locals {\n  v0 = ["a"]\n${lines(30, (i) => `  v${i} = concat(local.v${i - 1}, local.v${i - 1})`)}\n}\nresource "azurerm_network_security_group" "n" {\n  name                = "nsg-\${length(local.v30)}"\n  location            = "westeurope"\n  resource_group_name = "rg"\n}\n`,
    },
    lint: 'main.tf',
    exitCode: 0,
    message: /evaluation stopped: a value would have more than 1,000,000 items/,
  },
  {
    name: 'ARM string() of a 30-deep variable tree',
    files: { 'azuredeploy.json': armTreeTemplate() },
    lint: 'azuredeploy.json',
    exitCode: 0,
    message: /evaluation stopped: a value would have more than 1,000,000 items/,
  },
  {
    name: 'Bicep nested for 1000×1000',
    files: { 'main.bicep': `var xs = [for i in range(0, 1000): [for j in range(0, 1000): i * j]]\n${nsgNamed('length(xs)')}` },
    lint: 'main.bicep',
    exitCode: 0,
    message: /evaluation stopped: its 1000 instances would take the template past 20000 expanded loop instances/,
  },
  {
    name: 'Bicep module chain m0…m9, each calling the next 5 times (equal arguments: evaluated once)',
    files: moduleChain(),
    lint: 'm0.bicep',
    exitCode: 0,
    message: /module 'm' is nested more than 8 levels deep/i,
    maxIncomplete: 10,
  },
  {
    name: 'Bicep variables each the array of the one before, 1,000 long',
    files: { 'main.bicep': `var v0 = 1\n${lines(999, (i) => `var v${i} = [v${i - 1}]`)}\n${nsgNamed('length(v999)')}` },
    lint: 'main.bicep',
    exitCode: 0,
    message: /evaluation stopped: expressions are nested more than 500 deep/,
  },
  {
    name: 'Bicep string interpolation nested 700 deep',
    files: { 'main.bicep': nestedInterpolation(700) },
    lint: 'main.bicep',
    exitCode: 2,
    message: /String interpolation nested more than 200 deep/,
  },
];

const work = mkdtempSync(join(tmpdir(), 'bastion-budget-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('unbounded expansion ends in check-incomplete naming the limit (256 MB heap, 20 s)', () => {
  for (const [n, testCase] of CASES.entries()) {
    it(testCase.name, () => {
      const folder = join(work, String(n));
      mkdirSync(folder);
      for (const [name, text] of Object.entries(testCase.files)) writeFileSync(join(folder, name), text);
      const child = spawnSync(process.execPath, ['--max-old-space-size=256', '--import', TSX, CLI, 'lint', testCase.lint, '--format', 'json'], {
        cwd: folder,
        encoding: 'utf8',
        timeout: TIME_BOUND_MS,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      assert.equal(child.signal, null, `ended by ${child.signal} (a timeout or a crash): ${child.stderr.slice(-500)}`);
      assert.equal(child.status, testCase.exitCode, `exit code (stderr: ${child.stderr.slice(-500)})`);
      const report = JSON.parse(child.stdout) as { findings: { rule: string; message: string }[] };
      const incomplete = report.findings.filter((f) => f.rule === 'check-incomplete').map((f) => f.message);
      assert.ok(incomplete.some((m) => testCase.message.test(m)), `a check-incomplete matches ${testCase.message}; got ${JSON.stringify(incomplete.slice(0, 3))}`);
      assert.ok(incomplete.every((m) => !/call stack|heap/i.test(m)), 'no stack overflow was caught on the way');
      if (testCase.maxIncomplete !== undefined) assert.ok(incomplete.length <= testCase.maxIncomplete, `${incomplete.length} check-incomplete findings`);
    });
  }
});
