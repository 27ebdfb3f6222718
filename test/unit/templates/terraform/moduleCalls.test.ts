// A Terraform module call is never silently skipped: the module's resources are not read, and the
// lint says so at the module block, naming the module and its source.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { lint, loadParsers } from '../edits/fixtureLint';

const CASES: { source: string; expected: RegExp }[] = [
  { source: 'kumarvna/azure-bastion/azurerm', expected: /module 'bastion' comes from the registry \(source "kumarvna\/azure-bastion\/azurerm"\); its resources were not checked/ },
  { source: 'app.terraform.io/example-corp/bastion/azurerm', expected: /module 'bastion' comes from the registry \(source "app\.terraform\.io\/example-corp\/bastion\/azurerm"\)/ },
  { source: 'git::https://example.com/bastion.git?ref=v1.2.0', expected: /module 'bastion' comes from a remote source \(source "git::https:\/\/example\.com\/bastion\.git\?ref=v1\.2\.0"\); its resources were not checked/ },
  { source: 'github.com/example/terraform-bastion', expected: /module 'bastion' comes from a remote source/ },
  { source: '../../', expected: /module 'bastion' \(source "\.\.\/\.\.\/"\) is a local module that is not followed; its resources were not checked \(lint \.\.\/\.\.\/ to check them\)/ },
  { source: './modules/bastion', expected: /module 'bastion' \(source "\.\/modules\/bastion"\) is a local module/ },
];

describe('Terraform module calls', () => {
  before(loadParsers);
  for (const { source, expected } of CASES) {
    it(`source "${source}" gives a check-incomplete at the module block`, () => {
      const text = `# caller\n\nmodule "bastion" {\n  source  = "${source}"\n  name    = "b"\n}\n`;
      const findings = lint([{ path: 'caller/main.tf', text }]);
      const notes = findings.filter((f) => f.rule === 'check-incomplete' && /module 'bastion'/.test(f.message));
      assert.equal(notes.length, 1, JSON.stringify(findings.map((f) => f.message)));
      assert.match(notes[0].message, expected);
      const origin = notes[0].resource.origin;
      assert.ok(origin?.kind === 'file' && origin.file === 'caller/main.tf' && origin.range.start.line === 2, JSON.stringify(origin));
    });
  }
});
