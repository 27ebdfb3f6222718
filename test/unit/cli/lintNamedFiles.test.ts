// `bastion-doctor lint` on one named file: what decides its values comes along (a Bicep file's
// parameters file and local modules in other folders; a Terraform file's module folder and its
// variable files), and only the named file's findings are reported.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { CliIo } from '../../../src/cli/io';
import { runLint } from '../../../src/cli/lintCommand';

const BICEP = 'test/fixtures/templates/bicep';
const TERRAFORM = 'test/fixtures/templates/terraform';

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

describe('bastion-doctor lint on Terraform', () => {
  it('reads every variable file of a folder, HCL and JSON, in Terraform\'s order', async () => {
    const { findings } = await lintJson(`${TERRAFORM}/variable-files`);
    // The module declares no diagnostic setting, so the host gets the info ARM and Bicep hosts get.
    assert.deepEqual(findings.map((f) => f.rule), ['bastion-sku-feature-mismatch', 'bastion-diagnostics-disabled'], 'Basic from b.auto.tfvars.json; the /26 from a.auto.tfvars');
  });

  it('reads a named file with its module folder and variable files, and reports that file only', async () => {
    const { findings, reads } = await lintJson(`${TERRAFORM}/variable-files/main.tf`);
    assert.deepEqual(findings.map((f) => f.rule), ['bastion-sku-feature-mismatch', 'bastion-diagnostics-disabled']);
    assert.ok(reads.some((p) => p.endsWith('b.auto.tfvars.json')));
  });

  it('lints a named file as part of its module: rules in a sibling file count, and its findings stay there', async () => {
    // separate-rules without the HTTPS inbound rule: the NSG (network.tf) misses exactly that one.
    const folder = mkdtempSync(join(tmpdir(), 'bd-named-'));
    after(() => rmSync(folder, { recursive: true, force: true }));
    cpSync(`${TERRAFORM}/separate-rules`, folder, { recursive: true });
    const rules = readFileSync(join(folder, 'nsg-rules.tf'), 'utf8');
    writeFileSync(join(folder, 'nsg-rules.tf'), rules.replace(/resource "azurerm_network_security_rule" "https_inbound" \{[\s\S]*?\n\}\n/, ''));
    const missing = (result: { findings: JsonFinding[] }) => result.findings.filter((f) => f.rule === 'bastion-nsg-missing-rule');
    const whole = missing(await lintJson(folder));
    assert.equal(whole.length, 1, 'only HTTPS inbound is missing');
    assert.equal(whole[0].resource.origin?.file, join(folder, 'network.tf'));
    assert.deepEqual(missing(await lintJson(join(folder, 'network.tf'))).map((f) => f.message), whole.map((f) => f.message), 'the rules in nsg-rules.tf were read');
    assert.deepEqual((await lintJson(join(folder, 'nsg-rules.tf'))).findings, [], "network.tf's finding is not reported for nsg-rules.tf");
  });
});

describe('bastion-doctor lint on a named parameters or variables file', () => {
  const cases: [string, string, string][] = [
    ['a .bicepparam lints its `using` template with it', 'test/fixtures/templates/bicep/bicepparam/main.bicepparam', 'test/fixtures/templates/bicep/bicepparam/main.bicep'],
    ['a .tfvars file lints the module of its folder', 'test/fixtures/templates/terraform/variable-files/terraform.tfvars', 'test/fixtures/templates/terraform/variable-files/main.tf'],
    ['an ARM parameters file lints the template beside it', 'test/fixtures/templates/arm/sku-conditioned/azuredeploy.parameters.json', 'test/fixtures/templates/arm/sku-conditioned/azuredeploy.json'],
  ];
  for (const [name, named, template] of cases) {
    it(name, async () => {
      const viaCompanion = await lintJson(named);
      const viaTemplate = await lintJson(template);
      assert.ok(viaCompanion.findings.length > 0, 'the fixture has findings');
      assert.deepEqual(viaCompanion.findings.map((f) => `${f.rule} ${f.resource.origin?.file ?? ''}`), viaTemplate.findings.map((f) => `${f.rule} ${f.resource.origin?.file ?? ''}`));
    });
  }
});

