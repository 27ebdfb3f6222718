// Simple attribute values and labels are read from the text instead of tree-sitter's nodes
// (simpleValues.ts). The syntax tree reading is the reference: both readings must give the same
// plain tree, ranges included, on every fixture, on the benchmark module and on generated values
// made to sit on the edge of what the text reading accepts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Parser } from 'web-tree-sitter';
import { terraformParser } from '../../../../src/templates/terraform/parser';
import { parseTerraformFile } from '../../../../src/templates/terraform/syntax';
import { LineIndex } from '../../../../src/core/lineIndex';
import { readSimpleAttribute, readSimpleLabel } from '../../../../src/templates/terraform/simpleValues';
import { generatedTerraformModule } from '../../../../bench/terraform.bench';
import { FIXTURES } from './fixtureModule';

function bothReadings(parser: Parser, text: string, path = 'main.tf') {
  const fromText = parseTerraformFile(parser, path, text);
  const fromTree = parseTerraformFile(parser, path, text, { readSimpleValuesFromText: false });
  return { fromText, fromTree };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.tf(vars)?$/.test(name) ? [full] : [];
  });
}

describe('reading simple values from the text', () => {
  it('gives the same plain tree as the syntax tree on every fixture, sample and the benchmark module', async () => {
    const parser = await terraformParser();
    const files = [...filesUnder(FIXTURES), ...filesUnder('samples')].map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    files.push(...generatedTerraformModule(600));
    assert.ok(files.length >= 15, `found ${files.length} files`);
    for (const { path, text } of files) {
      const { fromText, fromTree } = bothReadings(parser, text, path);
      assert.deepEqual(fromText, fromTree, path);
    }
  });

  it('reads plain strings, numbers, keywords, references and tuples, and nothing else', () => {
    const read = (value: string) => {
      const text = `v = ${value}`;
      return readSimpleAttribute(text, 0, text.length, new LineIndex(text))?.value;
    };
    assert.deepEqual(read('"AzureBastionSubnet"'), { kind: 'literal', value: 'AzureBastionSubnet', range: { start: { line: 0, character: 4 }, end: { line: 0, character: 24 } } });
    assert.equal(read('443')?.kind, 'literal');
    assert.equal(read('null')?.kind, 'literal');
    assert.equal(read('azurerm_subnet.bastion.id')?.kind, 'getAttr');
    assert.equal(read('[ "a", 1 , var.b, ]')?.kind, 'tuple');
    for (const needsTheGrammar of ['"a${b}"', '"a\\n"', '"%{if x}y%{endif}"', '1.5e3', 'a-b', 'a.0', 'f(x)', 'a[0]', 'a.*.b', 'true.x', '"a" # c', '[1 /* c */]', '<<EOT\nx\nEOT', '{ a = 1 }', 'a ? b : c', '"é', '[1 2]']) {
      assert.equal(read(needsTheGrammar), undefined, needsTheGrammar);
    }
    assert.equal(readSimpleAttribute('a == b', 0, 6, new LineIndex('a == b')), undefined);
  });

  it('reads labels without escapes or interpolation only', () => {
    const label = (text: string) => readSimpleLabel(text, 0, text.length);
    assert.equal(label('"azurerm_subnet"'), 'azurerm_subnet');
    assert.equal(label('""'), '');
    assert.equal(label('"a\\"b"'), undefined);
    assert.equal(label('"a${b}"'), undefined);
    assert.equal(label('"'), undefined);
  });

  it('agrees with the syntax tree on generated values at the edge of what it accepts', async () => {
    const parser = await terraformParser();
    const stringChar = fc.constantFrom('a', 'Z', ' ', '\t', '-', '.', '/', '*', '$', '%', '{', '}', '\\\\', '\\"', '\\n', '$${', '%%{', '${x}', 'é', '😀', '#');
    const plainString = fc.array(stringChar, { maxLength: 8 }).map((chars) => `"${chars.join('')}"`);
    const segment = fc.constantFrom('a', 'var', 'local', 'azurerm_subnet', 'x_1', 'b-c', 'true', 'null', '0', '*', 'for', 'in');
    const reference = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
    const number = fc.constantFrom('0', '7', '443', '65535', '1.5', '01', '1.5e3', '10.0');
    const keyword = fc.constantFrom('true', 'false', 'null');
    const scalar = fc.oneof(plainString, reference, number, keyword);
    const space = fc.constantFrom('', ' ', '  ', '\n', '\n    ', ' # c\n', ' /* c */ ');
    const tuple = fc
      .tuple(fc.array(fc.tuple(space, scalar, space), { maxLength: 4 }), fc.boolean(), space)
      .map(([items, trailing, end]) => `[${items.map(([a, v, b]) => `${a}${v}${b}`).join(',')}${trailing && items.length > 0 ? ',' : ''}${end}]`);
    const suffix = fc.constantFrom('', '', '', ' # note', ' // note', ' + 1', '[0]', '.x', ' ? 1 : 2', '...');
    const value = fc.tuple(fc.oneof(scalar, tuple, tuple.map((t) => `[${t}]`)), suffix).map(([v, s]) => v + s);
    const layout = fc.constantFrom(
      (v: string) => `locals {\n  probe = ${v}\n}\n`,
      (v: string) => `resource "azurerm_subnet" "s" {\n  name\t=\t${v}\n  nested {\n    x = ${v}\n  }\n}\n`,
      (v: string) => `probe = ${v}\r\n`,
    );
    await fc.assert(
      fc.asyncProperty(value, layout, async (v, wrap) => {
        const { fromText, fromTree } = bothReadings(parser, wrap(v));
        assert.deepEqual(fromText, fromTree);
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with the syntax tree on files with syntax errors (errors are read node by node, the rest from the text)', async () => {
    const parser = await terraformParser();
    const texts = filesUnder(FIXTURES).filter((path) => path.endsWith('.tf')).map((path) => readFileSync(path, 'utf8'));
    const mutation = fc.record({ at: fc.nat(), cut: fc.integer({ min: 0, max: 30 }), insert: fc.constantFrom('', '{', '}', '"', '${', '= ', '\n', '[', 'x = ', '#') });
    let withErrors = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (which, mutations) => {
        let text = texts[which];
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        const { fromText, fromTree } = bothReadings(parser, text);
        if (fromTree.diagnostics.length > 0) withErrors += 1;
        assert.deepEqual(fromText, fromTree);
      }),
      { numRuns: 400 },
    );
    assert.ok(withErrors > 100, `${withErrors} of the mutated files had syntax errors`);
  });
});

