// "Disable <rule> for this line" silences exactly that rule on that element, in each format.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Finding } from '../../../../src/core/findings';
import { applyFileEdits, disableEdits, type FormatId } from '../../../../src/templates/edits';
import { fixtureDocuments, fixtureFolders, lint, loadParsers } from './fixtureLint';

function silencedBy(target: Finding, other: Finding, format: FormatId): boolean {
  if (other.rule !== target.rule) return false;
  const a = target.resource.origin;
  const b = other.resource.origin;
  if (a?.kind !== 'file' || b?.kind !== 'file') return false;
  // ARM metadata silences the whole resource; a comment silences what starts on the next line.
  if (format === 'arm') return other.resource.id.toLowerCase().startsWith(target.resource.id.toLowerCase().split('/securityrules/')[0]);
  return a.file === b.file && a.range.start.line === b.range.start.line;
}

describe('disable-for-this-line edits on the template fixtures', () => {
  before(loadParsers);
  for (const format of ['arm', 'terraform', 'bicep'] as const) {
    for (const folder of fixtureFolders(format)) {
      it(`${format}/${folder}`, () => {
        const documents = fixtureDocuments(format, folder);
        const findings = lint(documents);
        for (const finding of findings.filter((f) => f.rule !== 'check-incomplete')) {
          const edits = disableEdits(finding, documents, format);
          assert.ok(edits && edits.length > 0, `no disable edit for ${finding.message}`);
          const after = lint(applyFileEdits(documents, edits));
          const expected = findings.filter((other) => !silencedBy(finding, other, format));
          assert.deepEqual(after.map((f) => f.message).sort(), expected.map((f) => f.message).sort(), `disabling ${finding.rule} on ${finding.resource.name}`);
        }
      });
    }
  }

  it('adds the rule to an existing Terraform directive instead of stacking a second comment', () => {
    const documents = [{ path: '/m/main.tf', text: '# bastion-doctor-disable-next-line bastion-subnet-too-small\nresource "azurerm_subnet" "b" {\n}\n' }];
    const finding = { rule: 'bastion-subnet-route-table', resource: { id: 'x', name: 'b', origin: { kind: 'file', file: '/m/main.tf', range: { start: { line: 1, character: 0 }, end: { line: 2, character: 1 } } } } } as unknown as Finding;
    const [edited] = applyFileEdits(documents, disableEdits(finding, documents, 'terraform') ?? []);
    assert.equal(edited.text.split('\n')[0], '# bastion-doctor-disable-next-line bastion-subnet-too-small bastion-subnet-route-table');
  });

  it('writes the Bicep directive as a // comment at the element indentation', () => {
    const documents = [{ path: '/m/main.bicep', text: 'resource nsg \'x\' = {\n  name: \'a\'\n}\n' }];
    const finding = { rule: 'bastion-nsg-missing-rule', resource: { id: 'x', name: 'a', origin: { kind: 'file', file: '/m/main.bicep', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 11 } } } } } as unknown as Finding;
    const [edited] = applyFileEdits(documents, disableEdits(finding, documents, 'bicep') ?? []);
    assert.equal(edited.text, 'resource nsg \'x\' = {\n  // bastion-doctor-disable-next-line bastion-nsg-missing-rule\n  name: \'a\'\n}\n');
  });
});

describe('disable-for-this-line next to the Bicep compiler pragma', () => {
  const pragmaAbove = [
    "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {",
    "  name: 'nsg'",
    '  #disable-next-line BCP037',
    '  properties: {}',
    '}',
    '',
  ].join('\n');
  const finding = { rule: 'bastion-nsg-missing-rule', resource: { id: 'x', name: 'nsg', origin: { kind: 'file', file: '/m/main.bicep', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 15 } } } } } as unknown as Finding;

  it('goes above the pragma, which keeps applying to the line after it', () => {
    const documents = [{ path: '/m/main.bicep', text: pragmaAbove }];
    const [edited] = applyFileEdits(documents, disableEdits(finding, documents, 'bicep') ?? []);
    assert.deepEqual(edited.text.split('\n').slice(2, 5), ['  // bastion-doctor-disable-next-line bastion-nsg-missing-rule', '  #disable-next-line BCP037', '  properties: {}']);
  });
});
