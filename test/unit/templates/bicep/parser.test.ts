import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBicep } from '../../../../src/templates/bicep';
import type { Declaration, Expression } from '../../../../src/templates/bicep';

function only(text: string): Declaration {
  const program = parseBicep(text);
  assert.deepEqual(program.diagnostics, [], JSON.stringify(program.diagnostics));
  assert.equal(program.declarations.length, 1);
  return program.declarations[0];
}

function valueOf(text: string): Expression {
  const declaration = only(`var x = ${text}`);
  assert.equal(declaration.kind, 'var');
  return declaration.kind === 'var' ? declaration.value : (undefined as never);
}

describe('Bicep parser: declarations', () => {
  const cases: { text: string; check: (d: Declaration) => void }[] = [
    { text: "param sku string = 'Basic'", check: (d) => assert.ok(d.kind === 'param' && d.typeText === 'string' && d.defaultValue?.kind === 'string') },
    { text: 'param sku string', check: (d) => assert.ok(d.kind === 'param' && d.defaultValue === undefined) },
    { text: "@allowed([\n  'Basic'\n  'Standard'\n])\n@description('x')\nparam sku string", check: (d) => assert.ok(d.kind === 'param' && d.decorators.length === 2 && d.range.start.line === 5) },
    { text: "param tags object?", check: (d) => assert.ok(d.kind === 'param' && d.typeText === 'object?') },
    { text: "param size 'Small' | 'Large' = 'Small'", check: (d) => assert.ok(d.kind === 'param' && d.typeText.includes('|')) },
    { text: "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: 'n'\n}", check: (d) => assert.ok(d.kind === 'resource' && d.type === 'Microsoft.Network/networkSecurityGroups' && d.apiVersion === '2023-09-01' && !d.existing && d.range.end.line === 2) },
    { text: "resource s 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' existing = {\n  parent: vnet\n  name: 'AzureBastionSubnet'\n}", check: (d) => assert.ok(d.kind === 'resource' && d.existing) },
    { text: "resource r 'A/b@1' = if (deploy) {\n  name: 'n'\n}", check: (d) => assert.ok(d.kind === 'resource' && d.value.kind === 'if') },
    { text: "resource r 'A/b@1' = [for (x, i) in list: if (x.on) {\n  name: x.name\n}]", check: (d) => assert.ok(d.kind === 'resource' && d.value.kind === 'for' && d.value.indexName === 'i' && d.value.filter !== undefined) },
    { text: "resource v 'A/b@1' = {\n  name: 'v'\n  resource child 'subnets' = {\n    name: 'c'\n  }\n}", check: (d) => assert.ok(d.kind === 'resource' && d.value.kind === 'object' && d.value.resources[0]?.name === 'child' && d.value.resources[0].range.start.line === 2) },
    { text: "module m './modules/nsg.bicep' = {\n  name: 'm'\n  params: { a: 1 }\n}", check: (d) => assert.ok(d.kind === 'module' && d.path === './modules/nsg.bicep') },
    { text: "output id string = nsg.id", check: (d) => assert.ok(d.kind === 'output' && d.value.kind === 'member') },
    { text: "using './main.bicep'", check: (d) => assert.ok(d.kind === 'using' && d.path === './main.bicep') },
    { text: "type rule = {\n  name: string\n  priority: int\n}", check: (d) => assert.ok(d.kind === 'other' && d.range.end.line === 3) },
    { text: "import { a, b as c } from 'shared.bicep'", check: (d) => assert.ok(d.kind === 'import' && d.path === 'shared.bicep' && d.symbols.map((s) => s.alias).join() === 'a,c' && d.symbols[1].name === 'b') },
    { text: "import * as shared from './shared.bicep'", check: (d) => assert.ok(d.kind === 'import' && d.namespace === 'shared' && d.symbols.length === 0) },
    { text: "import {\n  ruleType\n  subnetType\n} from 'br/public:avm/utl/types/avm-common-types:0.5.1'", check: (d) => assert.ok(d.kind === 'import' && d.symbols.length === 2 && d.range.end.line === 3) },
    { text: "import 'kubernetes@1.0.0' with {\n  namespace: 'default'\n} as k8s", check: (d) => assert.ok(d.kind === 'other' && d.range.end.line === 2) },
    { text: "func double(x int) int => x * 2", check: (d) => assert.ok(d.kind === 'func' && d.parameters.join() === 'x' && d.body.kind === 'binary') },
    { text: "@export()\nfunc label(prefix string, parts { a: string, b: int }[]) string =>\n  '${prefix}-${length(parts)}'", check: (d) => assert.ok(d.kind === 'func' && d.parameters.join() === 'prefix,parts' && d.decorators.length === 1 && d.range.end.line === 2) },
    { text: "type size =\n  | 'Small'\n  | 'Large'", check: (d) => assert.ok(d.kind === 'other' && d.range.end.line === 2) },
    { text: "assert validName = length(name) < 24", check: (d) => assert.ok(d.kind === 'other') },
    { text: "using './main.bicep' with {\n  mode: 'stack'\n}", check: (d) => assert.ok(d.kind === 'using' && d.path === './main.bicep') },
    { text: "targetScope = 'subscription'", check: (d) => assert.ok(d.kind === 'other') },
  ];
  for (const { text, check } of cases) it(text.split('\n')[0], () => check(only(text)));
});

describe('Bicep parser: expressions', () => {
  const cases: { text: string; kind: Expression['kind']; check?: (e: Expression) => void }[] = [
    { text: "'a\\'b\\\\c\\n\\t\\$\\{\\u{41}'", kind: 'string', check: (e) => assert.deepEqual(e.kind === 'string' && e.segments, ["a'b\\c\n\t${A"]) },
    { text: "'nsg-${env}-${toLower(region)}'", kind: 'string', check: (e) => assert.ok(e.kind === 'string' && e.holes.length === 2 && e.segments[0] === 'nsg-') },
    { text: "'''\nline one\n'''", kind: 'string', check: (e) => assert.deepEqual(e.kind === 'string' && e.segments, ['line one\n']) },
    { text: '-12', kind: 'unary' },
    { text: 'null', kind: 'literal' },
    { text: "{ a: 1, b: 'x' }", kind: 'object', check: (e) => assert.equal(e.kind === 'object' && e.properties.length, 2) },
    { text: "{\n  'quoted-key': 1\n  b: [\n    1\n    2\n  ]\n}", kind: 'object' },
    { text: "[1, 2, 3]", kind: 'array', check: (e) => assert.equal(e.kind === 'array' && e.items.length, 3) },
    { text: 'a.b[0].c', kind: 'member' },
    { text: 'a.?b', kind: 'member', check: (e) => assert.ok(e.kind === 'member' && e.safe) },
    { text: 'a!', kind: 'nonNull' },
    { text: 'vnet::subnet.id', kind: 'member', check: (e) => assert.ok(e.kind === 'member' && e.target.kind === 'nested') },
    { text: 'az.resourceGroup().location', kind: 'member', check: (e) => assert.ok(e.kind === 'member' && e.target.kind === 'call' && e.target.namespace === 'az') },
    { text: "sys.concat('a', 'b')", kind: 'call' },
    { text: "sku == 'Standard' ? true : false", kind: 'ternary' },
    { text: "a ?? b || c && !d", kind: 'binary', check: (e) => assert.ok(e.kind === 'binary' && e.operator === '??') },
    { text: '1 + 2 * 3 % 4 - 5 / 6 >= 7', kind: 'binary', check: (e) => assert.ok(e.kind === 'binary' && e.operator === '>=') },
    { text: "a =~ 'X' && b != c && d <= e", kind: 'binary' },
    { text: 'filter(list, x => x.enabled)', kind: 'call', check: (e) => assert.ok(e.kind === 'call' && e.args[1].kind === 'lambda') },
    { text: "map(list, (x, i) => '${i}')", kind: 'call', check: (e) => assert.ok(e.kind === 'call' && e.args[1].kind === 'lambda' && e.args[1].parameters.length === 2) },
    { text: '(1 + 2)', kind: 'binary' },
    { text: '[for i in range(0, 3): i]', kind: 'for' },
    { text: "cond\n  ? 'a'\n  : 'b'", kind: 'ternary' },
  ];
  for (const { text, kind, check } of cases) {
    it(text.replace(/\n/g, '⏎'), () => {
      const expression = valueOf(text);
      assert.equal(expression.kind, kind);
      check?.(expression);
    });
  }

  it('keeps comments aside and ignores them in values', () => {
    const program = parseBicep("// one\nvar a = 1 // trailing\n/* block\n */\nvar b = /* inline */ 2\n");
    assert.deepEqual(program.diagnostics, []);
    assert.equal(program.declarations.length, 2);
    assert.equal(program.comments.length, 4);
  });

  it('gives 0-based ranges of declarations, names and object properties', () => {
    const d = only("resource nsg 'A/b@1' = {\n  name: 'n'\n  properties: {\n    x: 1\n  }\n}");
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 5, character: 1 } });
    assert.ok(d.kind === 'resource');
    assert.deepEqual(d.nameRange, { start: { line: 0, character: 9 }, end: { line: 0, character: 12 } });
    const props = d.kind === 'resource' && d.value.kind === 'object' ? d.value.properties : [];
    assert.deepEqual(props[1].range, { start: { line: 2, character: 2 }, end: { line: 4, character: 3 } });
  });
});

describe('Bicep parser: error recovery', () => {
  const cases: { name: string; text: string; line: number; declarations: string[] }[] = [
    { name: 'a broken declaration between two good ones', text: "var a = 1\nvar b = = 2\nvar c = 3\n", line: 1, declarations: ['a', 'c'] },
    { name: 'an unfinished call before the next declaration', text: "var a = concat('x',\n\nvar c = 3\n", line: 0, declarations: ['c'] },
    { name: 'a broken property keeps the rest of the object', text: "resource r 'A/b@1' = {\n  name: 'r'\n  location: ]\n  properties: {}\n}\nvar c = 3\n", line: 2, declarations: ['r', 'c'] },
    { name: 'an unclosed object ends at the next declaration', text: "resource r 'A/b@1' = {\n  name: 'r'\n  properties: {\n    a: 1\n\nvar c = 3\n", line: 3, declarations: ['r', 'c'] },
    { name: 'an unterminated string', text: "var a = 'oops\nvar c = 3\n", line: 0, declarations: ['a', 'c'] },
    { name: 'an unknown keyword', text: "var a = 1\nresorce x 'A/b@1' = {}\nvar c = 3\n", line: 1, declarations: ['a', 'c'] },
    { name: 'a stray character', text: "var a = 1\nvar b = 2 #\nvar c = 3\n", line: 1, declarations: ['a', 'c'] },
  ];
  for (const { name, text, line, declarations } of cases) {
    it(name, () => {
      const program = parseBicep(text);
      assert.equal(program.diagnostics.length, 1, JSON.stringify(program.diagnostics));
      assert.equal(program.diagnostics[0].range.start.line, line);
      const names = program.declarations.flatMap((d) => ('name' in d ? [d.name] : []));
      for (const expected of declarations) assert.ok(names.includes(expected), `${expected} in ${names.join(',')}`);
    });
  }
});
