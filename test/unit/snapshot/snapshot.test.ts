import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapArmResources } from '../../../src/core/arm';
import { parseSnapshot, resourceOrigins, serializeSnapshot } from '../../../src/core/snapshot';
import { armNsg, armSecurityRule, hubScenario } from '../../support/arm';

const scenario = hubScenario();

test('accepted shapes: an array, { value: [...] }, a single resource', () => {
  const cases: { name: string; text: string; count: number }[] = [
    { name: 'array', text: JSON.stringify(scenario.resources, null, 2), count: 6 },
    { name: 'list response', text: JSON.stringify({ value: scenario.resources, nextLink: null }), count: 6 },
    { name: 'single resource', text: JSON.stringify(scenario.bastion), count: 1 },
    { name: 'empty array', text: '[]', count: 0 },
    { name: 'comments and trailing comma', text: `// saved by Bastion Doctor\n[${JSON.stringify(scenario.nsg)},]`, count: 1 },
  ];
  for (const { name, text, count } of cases) {
    const result = parseSnapshot(text, 'contoso.json');
    assert.ok(result.ok, name);
    assert.equal(result.resources.length, count, name);
    assert.equal(result.positions.length, count, name);
  }
});

test('parsed resources equal JSON.parse output, "__proto__" keys included', () => {
  const text = JSON.stringify([{ ...scenario.vnet, tags: JSON.parse('{"__proto__": "x", "env": "prod"}') }]);
  const result = parseSnapshot(text, 'contoso.json');
  assert.ok(result.ok);
  assert.deepEqual(result.resources, JSON.parse(text));
});

test('syntax errors name the file, 1-based line and column, and what was expected', () => {
  const cases: { text: string; message: string; line: number; column: number }[] = [
    { text: '[\n  {"type": "a"}\n  {"type": "b"}\n]', message: 'contoso.json:3:3: expected a comma', line: 3, column: 3 },
    { text: '[\n  {"type": "a",\n    "name" "x"}\n]', message: 'contoso.json:3:12: expected a colon', line: 3, column: 12 },
    { text: '[{"type": "a"}', message: "contoso.json:1:15: expected ']'", line: 1, column: 15 },
    { text: '[{"type": "unterminated}]', message: 'contoso.json:1:11: unterminated string', line: 1, column: 11 },
    { text: '[{type: "a"}]', message: 'contoso.json:1:3: unexpected "type"', line: 1, column: 3 },
    { text: '[{"type": "a"}, ]]', message: 'contoso.json:1:18: expected the end of the file', line: 1, column: 18 },
    { text: '[{"type": "a", "priority": 1x}]', message: 'contoso.json:1:29: unexpected "x"', line: 1, column: 29 },
    { text: '   \n ', message: 'contoso.json:1:1: the file is empty; expected a JSON array of ARM resources', line: 1, column: 1 },
    { text: '[]\r\n[]', message: 'contoso.json:2:1: expected the end of the file', line: 2, column: 1 },
  ];
  for (const { text, message, line, column } of cases) {
    const result = parseSnapshot(text, 'contoso.json');
    assert.equal(result.ok, false, text);
    if (result.ok) continue;
    assert.deepEqual(result.error, { message, line, column }, text);
  }
});

test('wrong shapes name the file, the position and the resource index', () => {
  const cases: { text: string; message: string }[] = [
    { text: '42', message: 'contoso.json:1:1: expected a JSON array of ARM resources, an object with a "value" array, or a single resource object with a "type"; found a number' },
    { text: '{"name": "x"}', message: 'contoso.json:1:1: expected a JSON array of ARM resources, an object with a "value" array, or a single resource object with a "type"; found an object without "type" or "value"' },
    { text: '{"value": 3}', message: 'contoso.json:1:1: expected a JSON array of ARM resources, an object with a "value" array, or a single resource object with a "type"; found an object whose "value" is not an array' },
    { text: '[\n  {"type": "a"},\n  7\n]', message: 'contoso.json:3:3: resource #1 is a number, not an ARM resource object' },
    { text: '{"value": [\n {"name": "nsg-x"}]}', message: 'contoso.json:2:2: resource #0 has no "type" string (name "nsg-x")' },
  ];
  for (const { text, message } of cases) {
    const result = parseSnapshot(text, 'contoso.json');
    assert.equal(result.ok ? 'ok' : result.error.message, message, text);
  }
});

test('positions and resourceOrigins point at each resource and each inline rule', () => {
  const nsg = armNsg({ rules: [armSecurityRule({ name: 'AllowHttpsInbound', destinationPort: '443', source: 'Internet' })], withDefaultRules: false });
  const text = serializeSnapshot([scenario.publicIp, nsg]);
  const result = parseSnapshot(text, 'contoso.json');
  assert.ok(result.ok);
  const lines = text.split('\n');
  const nsgIndex = result.resources.findIndex((r) => r.name === 'nsg-bastion');
  const nsgStart = result.positions[nsgIndex].start;
  assert.equal(lines[nsgStart.line].slice(nsgStart.character), '{');
  assert.match(lines[nsgStart.line + 1], /"id": ".*networkSecurityGroups\/nsg-bastion"/);

  const topology = mapArmResources(result.resources, { originOf: resourceOrigins('contoso.json', result) });
  const rule = topology.networkSecurityGroups[0].securityRules[0];
  assert.equal(rule.origin.kind, 'file');
  if (rule.origin.kind !== 'file') return;
  assert.equal(rule.origin.file, 'contoso.json');
  assert.match(lines[rule.origin.range.start.line + 1], /"id": ".*securityRules\/AllowHttpsInbound"/);
});

test('serializeSnapshot: pretty, sorted by id, usual keys first, and stable', () => {
  const shuffled = [scenario.vm, scenario.bastion, scenario.vnet, scenario.nsg, scenario.nic, scenario.publicIp];
  const text = serializeSnapshot(shuffled);
  assert.equal(text, serializeSnapshot(scenario.resources));
  assert.ok(text.endsWith(']\n'));
  assert.ok(text.startsWith('[\n  {\n    "id": '));
  const parsed = JSON.parse(text) as { id: string }[];
  const ids = parsed.map((r) => r.id.toLowerCase());
  assert.deepEqual(ids, [...ids].sort());
  assert.deepEqual(Object.keys(parsed[0]).slice(0, 3), ['id', 'name', 'type']);
  const roundTrip = parseSnapshot(text, 'contoso.json');
  assert.ok(roundTrip.ok);
  assert.deepEqual(mapArmResources(roundTrip.resources).problems, []);
  assert.equal(mapArmResources(roundTrip.resources).bastionHosts[0].id, scenario.bastion.id);
});
