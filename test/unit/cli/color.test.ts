import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shouldUseColor } from '../../../src/cli/format/color';

describe('shouldUseColor', () => {
  const cases: [string, boolean, Record<string, string>, boolean][] = [
    ['terminal, no variables', true, {}, true],
    ['pipe, no variables', false, {}, false],
    ['terminal with NO_COLOR', true, { NO_COLOR: '1' }, false],
    ['terminal with empty NO_COLOR (ignored per no-color.org)', true, { NO_COLOR: '' }, true],
    ['pipe with FORCE_COLOR=1', false, { FORCE_COLOR: '1' }, true],
    ['pipe with empty FORCE_COLOR', false, { FORCE_COLOR: '' }, true],
    ['terminal with FORCE_COLOR=0', true, { FORCE_COLOR: '0' }, false],
    ['terminal with FORCE_COLOR=false', true, { FORCE_COLOR: 'false' }, false],
    ['FORCE_COLOR wins over NO_COLOR', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
  ];
  for (const [name, isTTY, env, expected] of cases) {
    it(name, () => assert.equal(shouldUseColor(isTTY, env), expected));
  }
});
