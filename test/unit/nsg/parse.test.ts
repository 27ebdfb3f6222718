import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAddress, parsePortRange, parseProtocol } from '../../../src/core/nsg/index';
import { fromRanges, intersect, subtract, union } from '../../../src/core/nsg/intervals';
import { cidrsOf } from '../../../src/core/nsg/render';

describe('parsePortRange', () => {
  const cases: [string, number[] | undefined][] = [
    ['443', [443, 443]], ['22-23', [22, 23]], [' 1024 - 65535 ', [1024, 65535]], ['*', [0, 65535]], ['3389-3389', [3389, 3389]],
    ['65536', undefined], ['30-20', undefined], ['http', undefined], ['', undefined], ['1,2', undefined],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(parsePortRange(text), expected));
});

describe('parseAddress', () => {
  const cases: [string, string][] = [
    ['10.0.0.0/24', 'ranges:167772160-167772415'],
    ['10.0.0.9', 'ranges:167772169-167772169'],
    ['10.0.0.9/24', 'ranges:167772160-167772415'],
    ['*', 'ranges:0-4294967295'],
    ['0.0.0.0/0', 'ranges:0-4294967295'],
    ['2001:db8::/32', 'ranges:'],
    ['internet', 'tag:internet:Internet'],
    ['GATEWAYMANAGER', 'tag:gatewaymanager:GatewayManager'],
    ['AzureCloud.westeurope', 'tag:azurecloud.westeurope:AzureCloud.westeurope'],
    ['Storage.WestEurope', 'tag:storage.westeurope:Storage.WestEurope'],
    ["[parameters('range')]", 'unresolved'],
    ['${var.range}', 'unresolved'],
    ['10.0.0.256/24', 'unresolved'],
    ['10.0.0.0/33', 'unresolved'],
    ['', 'unresolved'],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => {
      const term = parseAddress(text);
      const shown = term.kind === 'ranges' ? `ranges:${term.set.join('-')}` : term.kind === 'tag' ? `tag:${term.key}:${term.name}` : 'unresolved';
      assert.equal(shown, expected);
    });
  }
});

describe('parseProtocol', () => {
  it('knows the spec enum, * and the effective-rules All, in any case', () => {
    assert.deepEqual(['Tcp', 'udp', 'ICMP', 'Esp', 'Ah'].map(parseProtocol), [1, 2, 4, 8, 16]);
    assert.deepEqual(['*', 'All', 'any'].map(parseProtocol), [63, 63, 63]);
    assert.equal(parseProtocol('Gre'), undefined);
    assert.equal(parseProtocol('Other'), undefined);
  });
});

describe('interval sets', () => {
  it('union, intersection and difference normalize', () => {
    const a = fromRanges([[5, 10], [0, 2], [3, 4]]);
    assert.deepEqual(a, [0, 10]);
    assert.deepEqual(union([0, 1, 5, 6], [2, 4]), [0, 6]);
    assert.deepEqual(intersect([0, 10, 20, 30], [5, 25]), [5, 10, 20, 25]);
    assert.deepEqual(subtract([0, 10, 20, 30], [5, 25]), [0, 4, 26, 30]);
    assert.deepEqual(subtract([0, 10], [0, 10]), []);
  });

  it('cidrsOf gives the fewest blocks', () => {
    assert.deepEqual(cidrsOf([167772416, 167772431, 167772448, 167772479]), ['10.0.1.0/28', '10.0.1.32/27']);
    assert.deepEqual(cidrsOf([0, 4294967295]), ['0.0.0.0/0']);
    assert.deepEqual(cidrsOf([1, 2]), ['0.0.0.1', '0.0.0.2']);
  });
});
