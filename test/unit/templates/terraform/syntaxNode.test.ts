// The Terraform reader works on a plain copy of tree-sitter's tree (copySubtree): it must say
// exactly what tree-sitter says, node for node, including positions on lines with non-ASCII
// text, CRLF line endings and syntax errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { terraformParser } from '../../../../src/templates/terraform/parser';
import { copySubtree, type SyntaxNode } from '../../../../src/templates/terraform/syntaxNode';

const FIXTURES = 'test/fixtures/templates/terraform';

function sameTree(copy: SyntaxNode, real: Node, path: string): void {
  const where = `${path} ${real.type}`;
  assert.equal(copy.type, real.type, where);
  assert.equal(copy.isNamed, real.isNamed, where);
  assert.equal(copy.isMissing, real.isMissing, where);
  assert.equal(copy.isError, real.isError, where);
  assert.equal(copy.text, real.text, where);
  assert.deepEqual(copy.startPosition, real.startPosition, where);
  assert.deepEqual(copy.endPosition, real.endPosition, where);
  const { startPosition: start, endPosition: end } = real;
  assert.deepEqual(copy.range, { start: { line: start.row, character: start.column }, end: { line: end.row, character: end.column } }, where);
  assert.equal(copy.children.length, real.childCount, where);
  copy.children.forEach((child, i) => sameTree(child, real.child(i)!, `${path}/${i}`));
}

const sources: [string, string][] = [
  ...readdirSync(FIXTURES).flatMap((folder) => readdirSync(join(FIXTURES, folder)).filter((f) => f.endsWith('.tf')).map((f): [string, string] => [`${folder}/${f}`, readFileSync(join(FIXTURES, folder, f), 'utf8')])),
  ['non-ASCII and CRLF', 'locals {\r\n  name = "nsg-bastion-😀-é"\r\n  tags = { owner = "ÉQUIPE" }\r\n}\r\n'],
  // Operators, keywords and punctuation are tokens the copy reads without asking for their end.
  ['every kind of expression', 'locals {\n  a = !true\n  b = 1 + 2 * -3 >= 4 && null == x\n  c = x ? "a" : "b"\n  d = [for k, v in m : v if v != null]\n  e = { for k in l : k => k... }\n  f = foo(a, b...)\n  g = a.b[0].c[*].d\n  h = a.*.b\n  i = <<EOT\nhi ${x}\nEOT\n  j = { "k" = false, (v) = 1.5e3 } # comment\n}\n'],
  ['syntax errors', 'resource "azurerm_network_security_group" "x" {\n  name = \n  security_rule {\n    priority = 100\n'],
];

for (const [name, text] of sources) {
  test(`copySubtree matches tree-sitter on ${name}`, async () => {
    const parser = await terraformParser();
    const tree = parser.parse(text)!;
    try {
      sameTree(copySubtree(tree.rootNode, text), tree.rootNode, '');
    } finally {
      tree.delete();
    }
  });
}
