// `bastion-doctor lint` on one named Bicep file: its parameters file and its local modules in other
// folders come along, so what it deploys is checked with the values it really gets.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { CliIo } from '../../../src/cli/io';
import { runLint } from '../../../src/cli/lintCommand';

const BICEP = 'test/fixtures/templates/bicep';

interface JsonFinding {
  rule: string;
  message: string;
  resource: { origin?: { file?: string; range?: { start: { line: number } } } };
}

async function lintJson(...paths: string[]): Promise<{ code: number; findings: JsonFinding[]; reads: string[] }> {
  const out: string[] = [];
  const reads: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: () => undefined,
    isTTY: false,
    env: {},
    cwd: process.cwd(),
    readTextFile: (p) => {
      reads.push(p);
      return readFile(p, 'utf8');
    },
  };
  const code = await runLint([...paths, '--format', 'json'], io);
  const report = JSON.parse(out.join('')) as { findings?: JsonFinding[]; report?: { findings: JsonFinding[] } };
  return { code, findings: report.findings ?? report.report?.findings ?? [], reads };
}

describe('bastion-doctor lint on a named Bicep file', () => {
  it('reads its local module in a subfolder and reports the module finding at the module file, once', async () => {
    const { findings, reads } = await lintJson(`${BICEP}/module/main.bicep`);
    const missing = findings.filter((f) => f.rule === 'bastion-nsg-missing-rule');
    assert.equal(missing.length, 1, JSON.stringify(findings.map((f) => f.rule)));
    assert.equal(missing[0].resource.origin?.file, `${BICEP}/module/modules/nsg.bicep`);
    assert.ok(reads.some((p) => p.endsWith('module/modules/nsg.bicep')));
    assert.ok(!findings.some((f) => /was not among the files read/.test(f.message)), 'the module was read');
  });

  it('gives the same findings as linting the whole folder', async () => {
    const named = await lintJson(`${BICEP}/module/main.bicep`);
    const folder = await lintJson(`${BICEP}/module`);
    const key = (f: JsonFinding) => `${f.rule} ${f.resource.origin?.file ?? ''}:${f.resource.origin?.range?.start.line ?? ''}`;
    assert.deepEqual(named.findings.map(key).sort(), folder.findings.map(key).sort());
  });

  it('brings the .bicepparam file beside it (Basic SKU from the parameters file, with tunneling on)', async () => {
    const { findings } = await lintJson(`${BICEP}/bicepparam/main.bicep`);
    assert.deepEqual(findings.map((f) => f.rule), ['bastion-sku-feature-mismatch']);
  });
});
