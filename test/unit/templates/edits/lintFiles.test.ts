// The editor lints the files of a Terraform folder in one run and shows each file its own
// findings, including files that are not open: the same findings as linting each file alone.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintFile, lintFiles } from '../../../../src/templates/edits';
import { loadParsers, SOURCES } from './fixtureLint';

const MODULE = 'samples/workspace/terraform-module';

describe('lintFiles', () => {
  before(loadParsers);

  it('gives each file of a Terraform folder the findings that sit in it, as lintFile does file by file', () => {
    const documents = readdirSync(MODULE).filter((name) => name.endsWith('.tf')).map((name) => ({ path: join(MODULE, name), text: readFileSync(join(MODULE, name), 'utf8') }));
    const perFile = lintFiles(documents.map((doc) => doc.path), documents, { sources: SOURCES });
    assert.deepEqual([...perFile.keys()].sort(), documents.map((doc) => doc.path).sort());
    const rules = (path: string) => (perFile.get(path) ?? []).map((f) => f.rule);
    assert.deepEqual(rules(join(MODULE, 'nsg.tf')), ['bastion-nsg-missing-rule'], 'the NSG lives in nsg.tf');
    assert.deepEqual(rules(join(MODULE, 'main.tf')), [], 'the host lives in main.tf, with its diagnostic setting');
    for (const doc of documents) {
      const alone = lintFile(doc, documents.filter((other) => other !== doc), { sources: SOURCES }).map((f) => `${f.rule} ${f.message}`);
      assert.deepEqual((perFile.get(doc.path) ?? []).map((f) => `${f.rule} ${f.message}`), alone, doc.path);
    }
  });
});
