import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { diagnose } from '../../../../src/core/diagnose';
import {
  setTerraformWasmDirectory, terraformModuleToTopology, terraformParser, terraformSource,
} from '../../../../src/templates/terraform';
import { fixtureFiles } from './fixtureModule';

const FOLDERS = ['compliant-inline', 'dynamic-rules', 'traps', 'unresolved', 'route-table'];

describe('Terraform source robustness', () => {
  it('never throws on mutated fixtures (deletions, insertions, duplications) and stays fast', async () => {
    await terraformParser();
    const texts = FOLDERS.flatMap((folder) => fixtureFiles(folder).filter((f) => f.path.endsWith('.tf')).map((f) => f.text));
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('{', '}', '"', '${', '[', ']', '=', '\n', 'dynamic "x" {', '# c\n', ' ? ', '(', 'for x in') }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (which, mutations) => {
        let text = texts[which];
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
          else if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
          else text = text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
        }
        const started = performance.now();
        const result = await terraformModuleToTopology([{ path: 'fuzz/main.tf', text }]);
        diagnose(result.topology, { source: 'template' });
        assert.ok(performance.now() - started < 2000, 'one mutated module evaluates within 2 s');
      }),
      { numRuns: 150 },
    );
  });

  it('collects suppression comments in both comment styles for the next line', async () => {
    const text = [
      '# bastion-doctor-disable-next-line bastion-nsg-missing-rule',
      'resource "azurerm_network_security_group" "a" {',
      '  // bastion-doctor-disable-next-line bastion-subnet-route-table, bastion-public-ip',
      '  name = "a"',
      '  # an ordinary comment',
      '}',
    ].join('\n');
    const { suppressions } = await terraformModuleToTopology([{ path: 'x/main.tf', text }]);
    assert.deepEqual(suppressions, [
      { path: 'x/main.tf', line: 1, ruleIds: ['bastion-nsg-missing-rule'] },
      { path: 'x/main.tf', line: 3, ruleIds: ['bastion-subnet-route-table', 'bastion-public-ip'] },
    ]);
  });

  it('a parser that cannot load gives a diagnostic per file instead of throwing', async () => {
    setTerraformWasmDirectory('/nonexistent-wasm-folder');
    try {
      const result = await terraformModuleToTopology([{ path: 'a/main.tf', text: 'x = 1' }]);
      assert.equal(result.parseDiagnostics.length, 1);
      assert.match(result.parseDiagnostics[0].message, /could not load: .*nonexistent-wasm-folder\/tree-sitter.wasm does not exist/);
    } finally {
      setTerraformWasmDirectory(undefined);
    }
    assert.ok(await terraformParser(), 'the default location loads again');
  });

  it('terraformSource lints a .tf file with its folder siblings and tfvars as the module', async () => {
    await terraformParser();
    const [main, tfvars, variables] = fixtureFiles('traps');
    assert.deepEqual([main.path, tfvars.path, variables.path], ['traps/main.tf', 'traps/terraform.tfvars', 'traps/variables.tf']);
    assert.equal(terraformSource.matches('traps/main.tf', ''), true);
    assert.equal(terraformSource.matches('traps/terraform.tfvars', ''), false);
    assert.equal(terraformSource.isCompanion?.('traps/terraform.tfvars', ''), true);
    const result = terraformSource.toTopology(main, [tfvars, variables, { path: 'other/main.tf', text: 'resource "azurerm_public_ip" "x" {}' }]);
    assert.equal(result.topology.bastionHosts[0].sku, 'Standard');
    assert.equal(result.topology.publicIpAddresses.length, 1, 'files of other folders are not part of the module');
    assert.deepEqual(result.suppressions, [
      { file: 'traps/main.tf', range: { start: { line: 133, character: 0 }, end: { line: 133, character: 10_000 } }, rules: ['bastion-native-client-disabled'] },
    ]);
  });
});
