import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choosePriorities, freePriorityAfter, uniqueRuleName } from '../../../src/core/checks/priority';
import { rule } from '../../support/model';

const inbound = (...priorities: number[]) => priorities.map((p) => rule('nsg', `R${p}`, p, 'Inbound', 'Allow'));

const cases: { name: string; used: number[]; count: number; before?: number; expected: number[] | undefined }[] = [
  { name: 'empty NSG, no deny', used: [], count: 1, expected: [100] },
  { name: 'after the last rule, round', used: [100, 110, 120], count: 2, expected: [200, 300] },
  { name: 'just below the deny, round hundreds', used: [100, 110, 4096], count: 1, before: 4096, expected: [4000] },
  { name: 'tens when hundreds are taken', used: [100, 150], count: 1, before: 150, expected: [140] },
  { name: 'no room before a deny at 100', used: [100], count: 1, before: 100, expected: undefined },
  { name: 'ones when tens are taken', used: [100, 110], count: 1, before: 110, expected: [109] },
];
for (const c of cases) {
  test(`choosePriorities: ${c.name}`, () => {
    assert.deepEqual(choosePriorities(inbound(...c.used), 'Inbound', c.count, c.before), c.expected);
  });
}

test('choosePriorities ignores the other direction and honours reservations', () => {
  const outbound = [rule('nsg', 'O', 100, 'Outbound', 'Allow')];
  assert.deepEqual(choosePriorities(outbound, 'Inbound', 1), [100]);
  assert.deepEqual(choosePriorities([], 'Inbound', 1, undefined, new Set([100])), [200]);
});

test('freePriorityAfter stays before the next rule when it can', () => {
  assert.equal(freePriorityAfter(inbound(100, 120), 'Inbound', 100), 110);
  assert.equal(freePriorityAfter(inbound(100, 101), 'Inbound', 100), 102);
});

test('uniqueRuleName avoids existing and reserved names, case-insensitively', () => {
  assert.equal(uniqueRuleName('AllowHttpsInbound', [rule('nsg', 'allowhttpsinbound', 100, 'Inbound', 'Allow')]), 'AllowHttpsInbound-2');
  assert.equal(uniqueRuleName('AllowX', [], new Set(['AllowX', 'AllowX-2'])), 'AllowX-3');
});
