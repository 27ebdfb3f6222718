import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { CliIo } from '../../../../src/cli/io';
import { runLint } from '../../../../src/cli/lintCommand';
import { UsageError } from '../../../../src/cli/usageError';
import { FIXTURES } from './fixtureText';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    isTTY: false,
    env: {},
    cwd: process.cwd(),
    readTextFile: (p) => readFile(p, 'utf8'),
  };
  return { io, out, err };
}

describe('bastion-doctor lint', () => {
  const exitCases: [string[], number][] = [
    [[`${FIXTURES}/compliant/azuredeploy.json`], 0],
    [[`${FIXTURES}/small-subnet/azuredeploy.json`], 1],
    [[`${FIXTURES}/small-subnet/azuredeploy.json`, '--rule', 'bastion-subnet-too-small=warning'], 0],
    [[`${FIXTURES}/sku-conditioned`], 0],
  ];
  for (const [argv, code] of exitCases) {
    it(`${argv.join(' ')} exits ${code}`, async () => {
      assert.equal(await runLint(argv, fakeIo().io), code);
    });
  }

  it('walks folders and brings the parameters file of a named template', async () => {
    const { io, out } = fakeIo();
    assert.equal(await runLint([`${FIXTURES}/sku-conditioned/azuredeploy.json`, '--format', 'json'], io), 0);
    const report = JSON.parse(out.join('')) as { findings?: { rule: string }[]; report?: { findings: { rule: string }[] } };
    const findings = report.findings ?? report.report?.findings ?? [];
    assert.deepEqual(findings.map((f) => f.rule), ['bastion-native-client-disabled']);
  });

  it('writes SARIF with the template file as the physical location', async () => {
    const { io, out } = fakeIo();
    // arm/malformed is not valid JSON: the whole report is still written, then the run fails.
    assert.equal(await runLint([FIXTURES, '--format', 'sarif'], io), 2);
    const sarif = out.join('');
    assert.match(sarif, /"uri": "test\/fixtures\/templates\/arm\/small-subnet\/azuredeploy\.json"/);
    assert.match(sarif, /"ruleId": "check-incomplete"/);
  });

  const usageCases: string[][] = [[], ['no/such/path.json'], [FIXTURES, '--format', 'xml'], [FIXTURES, '--rule', 'nope=error']];
  for (const argv of usageCases) {
    it(`rejects '${argv.join(' ')}' as a usage error`, async () => {
      await assert.rejects(runLint(argv, fakeIo().io), UsageError);
    });
  }
});
