import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Node, parseTree, type ParseError } from 'jsonc-parser';
import { fastParseTree } from '../../../../src/templates/arm/fastJsonTree';
import { parseJsonDocument } from '../../../../src/templates/arm/jsonDocument';
import { FIXTURES } from './fixtureText';

/** A node as plain data, parent links checked in place (they would make the structure cyclic). */
function shapeOf(node: Node, parent?: Node): unknown {
  assert.equal(node.parent, parent, `parent of the ${node.type} at ${node.offset}`);
  return {
    type: node.type,
    offset: node.offset,
    length: node.length,
    value: node.value,
    colonOffset: node.colonOffset,
    children: node.children?.map((child) => shapeOf(child, node)),
  };
}

function referenceTree(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  return { root, errors };
}

function assertSameTree(text: string): void {
  const fast = fastParseTree(text, 512);
  const reference = referenceTree(text);
  if (fast === undefined) return;
  assert.deepEqual(reference.errors, [], `the fast tree accepted text with errors: ${JSON.stringify(text)}`);
  assert.ok(reference.root);
  assert.equal('parent' in fast, false, 'the root has no parent property, as in parseTree');
  assert.deepEqual(shapeOf(fast), shapeOf(reference.root));
}

describe('fastParseTree', () => {
  it('builds the same tree as parseTree for well-formed documents with comments and trailing commas', () => {
    const cases = [
      '{}',
      '[]',
      '{"a":1,}',
      '[1,2,]',
      '{"a" : -1.5e+3 , "b":[true,false,null] /* c */ } // x',
      '{"a":"\\u00e9\\n\\"q","b\\/":"x"}',
      '{"a":1}\r\n//c',
      '[0,-0,0.5,1E-7,12345678901234567890]',
      '{"a":{"b":{"c":[[],{}]}}}',
      '  "just a string"  ',
      '{"a":"\u2028"}',
    ];
    for (const text of cases) {
      assert.ok(fastParseTree(text, 512), `fast path for ${JSON.stringify(text)}`);
      assertSameTree(text);
    }
  });

  it('gives up on what only jsonc-parser reports exactly: syntax errors and odd characters', () => {
    const cases = ['', '  ', '{,}', '[,]', '[1,,2]', '01', '1.', '-', '1e', '{"a":1 "b":2}', '{"a":tru}', '{"a":truex}',
      '\ufeff{}', '{"a":"\t"}', '/* open', '{"a":1}/', '{"a\\q":1}', '{"a":1', '{"a" 1}', '{a:1}', '{"a":1}}', '[1 2]'];
    for (const text of cases) assert.equal(fastParseTree(text, 512), undefined, JSON.stringify(text));
  });

  it('gives up beyond the depth limit, and the document then reports it as too deep', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    assert.ok(fastParseTree(nested(512), 512));
    assert.equal(fastParseTree(nested(513), 512), undefined);
    assert.equal(parseJsonDocument(nested(513)).errors[0]?.code, 'too-deep');
  });

  it('matches parseTree on every fixture template', () => {
    for (const folder of readdirSync(FIXTURES)) {
      for (const name of readdirSync(join(FIXTURES, folder)).filter((n) => n.endsWith('.json'))) {
        assertSameTree(readFileSync(join(FIXTURES, folder, name), 'utf8'));
      }
    }
  });

  it('matches parseTree on arbitrary JSON, pretty or compact, and on arbitrary text', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
      const text = JSON.stringify(value, null, pretty ? 2 : undefined);
      assert.ok(fastParseTree(text, 512), text);
      assertSameTree(text);
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', 'a', '1', '-', '.', 'e', ' ', '/', '*', '\n', 't', 'r', 'u', 'e') }), (text) => {
      assertSameTree(text);
    }), { numRuns: 2000 });
  });
});
