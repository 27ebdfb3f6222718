import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/lineIndex';

const text = 'ab\r\ncd\n\nefg';

test('positions of offsets, asked in any order (the last-line shortcut never answers wrongly)', () => {
  const index = new LineIndex(text);
  const expected: [number, number, number][] = [[10, 3, 2], [0, 0, 0], [4, 1, 0], [2, 0, 2], [7, 2, 0], [8, 3, 0], [5, 1, 1], [11, 3, 3]];
  for (const [offset, line, character] of expected) assert.deepEqual(index.positionAt(offset), { line, character }, `offset ${offset}`);
});

test('offsets of positions are clamped to the text and to their line', () => {
  const index = new LineIndex(text);
  assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
  assert.equal(index.offsetAt({ line: 1, character: 99 }), 6);
  assert.equal(index.offsetAt({ line: 99, character: 0 }), 8);
  assert.equal(index.offsetAt({ line: -1, character: -1 }), 0);
});

test('line texts drop their line break, CRLF included', () => {
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual([0, 1, 2, 3].map((line) => index.lineText(line)), ['ab', 'cd', '', 'efg']);
  assert.deepEqual(index.rangeOf(4, 5), { start: { line: 1, character: 0 }, end: { line: 3, character: 1 } });
});
