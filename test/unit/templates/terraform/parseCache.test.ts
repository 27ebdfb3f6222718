// The editor keeps the parses of unchanged files between lints: a kept parse is used only for the
// same path and the same text, memory stays bounded, and a lint with kept parses reports exactly
// what a first lint reports.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDocuments } from '../../../../src/templates/lint';
import { prepareTemplateFormats } from '../../../../src/templates/formats';
import { clearTerraformParseCache, terraformSource } from '../../../../src/templates/terraform';
import type { ParsedFile } from '../../../../src/templates/terraform/ast';
import { ParsedFileCache } from '../../../../src/templates/terraform/parseCache';
import { fixtureFiles } from './fixtureModule';

const parsed = (path: string): ParsedFile => ({ path, body: { attributes: new Map(), blocks: [] }, diagnostics: [], suppressions: [] });

describe('kept Terraform parses', () => {
  it('are returned for the same path and text only', () => {
    const cache = new ParsedFileCache();
    const file = parsed('a.tf');
    cache.set('a.tf', 'x = 1', file);
    assert.equal(cache.get('a.tf', 'x = 1'), file);
    assert.equal(cache.get('a.tf', 'x = 2'), undefined, 'edited text');
    assert.equal(cache.get('b.tf', 'x = 1'), undefined, 'same text, other file');
    cache.set('a.tf', 'x = 2', parsed('a.tf'));
    assert.equal(cache.get('a.tf', 'x = 1'), undefined, 'a new parse replaces the old one');
    assert.equal(cache.size, 1);
  });

  it('keep at most 256 files and drop the least recently used first', () => {
    const cache = new ParsedFileCache();
    for (let i = 0; i < 256; i++) cache.set(`f${i}.tf`, `x = ${i}`, parsed(`f${i}.tf`));
    assert.ok(cache.get('f0.tf', 'x = 0'), 'f0 is used again, so f1 is now the oldest');
    cache.set('new.tf', 'y = 1', parsed('new.tf'));
    assert.equal(cache.size, 256);
    assert.equal(cache.get('f1.tf', 'x = 1'), undefined);
    assert.ok(cache.get('f0.tf', 'x = 0'));
  });

  it('keep no more than 16 million characters of text', () => {
    const cache = new ParsedFileCache();
    const big = 'x'.repeat(6_000_000);
    cache.set('a.tf', big, parsed('a.tf'));
    cache.set('b.tf', `${big}b`, parsed('b.tf'));
    cache.set('c.tf', `${big}c`, parsed('c.tf'));
    assert.equal(cache.get('a.tf', big), undefined, 'the oldest went to make room');
    assert.equal(cache.size, 2);
    cache.set('huge.tf', 'x'.repeat(17_000_000), parsed('huge.tf'));
    assert.equal(cache.get('huge.tf', 'x'.repeat(17_000_000)), undefined, 'a file larger than the budget is not kept');
  });

  it('give the same findings as a first lint after any one file of a module changes', async () => {
    await prepareTemplateFormats();
    const lint = (docs: readonly { path: string; text: string }[]) => lintDocuments(docs, { sources: [terraformSource], now: () => new Date(0) }).report.findings;
    let changedFindings = 0;
    for (const folder of ['traps', 'separate-rules', 'route-table', 'dynamic-rules', 'missing-rules']) {
      const module = fixtureFiles(folder);
      clearTerraformParseCache();
      const before = lint(module);
      for (let i = 0; i < module.length; i++) {
        // A deny rule's access flips, as a user typing would change it.
        const edited = module.map((doc, j) => (j === i ? { ...doc, text: doc.text.replace(/"Deny"/, '"Allow"').replace(/"Allow"/, '"Deny"') } : doc));
        const withKeptParses = lint(edited);
        if (JSON.stringify(withKeptParses) !== JSON.stringify(before)) changedFindings += 1;
        clearTerraformParseCache();
        assert.deepEqual(withKeptParses, lint(edited), `after editing ${module[i].path}`);
        lint(module);
      }
    }
    assert.ok(changedFindings > 0, 'some edits change the findings, so a stale parse would show');
  });
});
