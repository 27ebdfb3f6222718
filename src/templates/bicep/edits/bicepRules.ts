// New security rules in a Bicep file, in the form the file already uses: objects appended to the
// NSG's `securityRules` array, items appended to the var array a `for` loop builds the rules
// from, or child `securityRules` resource declarations.
import type { NewSecurityRule } from '../../../core/findings';
import type { ArrayExpression, Expression, ObjectExpression, ResourceDeclaration } from '../syntax/ast';
import {
  allResources,
  bicepString,
  bicepValue,
  bodyOf,
  declaredNames,
  keyOf,
  literalOf,
  referenceCount,
  textOf,
  topLevel,
  valueOf,
  walkExpression,
  type BicepFile,
} from './bicepFiles';
import { eolOf, indentationOf, indentUnitOf } from '../../edits/text';
import type { FileTextEdit } from '../../edits/types';

type Scalar = string | number | boolean;
type Field = Scalar | string[];

/** The rule's ARM properties, in the order the ARM edits write them. */
function ruleProperties(rule: NewSecurityRule): [string, Field][] {
  const ports: [string, Field] = rule.destinationPortRanges.length === 1 ? ['destinationPortRange', rule.destinationPortRanges[0]] : ['destinationPortRanges', rule.destinationPortRanges];
  return [
    ['description', rule.description],
    ['protocol', rule.protocol],
    ['sourcePortRange', '*'],
    ['sourceAddressPrefix', rule.sourceAddressPrefix],
    ['destinationAddressPrefix', rule.destinationAddressPrefix],
    ports,
    ['access', rule.access],
    ['priority', rule.priority],
    ['direction', rule.direction],
  ];
}

class Writer {
  readonly eol: string;
  readonly unit: string;

  constructor(readonly file: BicepFile) {
    this.eol = eolOf(file.text);
    this.unit = indentUnitOf(file.text);
  }

  /** A multi-line value; its first line is not indented (it follows `key: `). */
  value(value: Field, indent: string): string {
    if (!Array.isArray(value)) return bicepValue(value);
    return ['[', ...value.map((item) => `${indent}${this.unit}${bicepString(item)}`), `${indent}]`].join(this.eol);
  }

  lines(pairs: [string, Field][], indent: string): string[] {
    return pairs.map(([key, value]) => `${indent}${key}: ${this.value(value, indent)}`);
  }

  /** `name: ...` and `properties: { ... }` lines at `indent`. */
  ruleBody(rule: NewSecurityRule, indent: string): string[] {
    return [`${indent}name: ${bicepString(rule.name)}`, `${indent}properties: {`, ...this.lines(ruleProperties(rule), indent + this.unit), `${indent}}`];
  }

  ruleObject(rule: NewSecurityRule, indent: string): string {
    return [`${indent}{`, ...this.ruleBody(rule, indent + this.unit), `${indent}}`].join(this.eol);
  }
}

export function addBicepRules(file: BicepFile, nsg: ResourceDeclaration, rules: readonly NewSecurityRule[]): FileTextEdit[] | undefined {
  const body = bodyOf(nsg);
  if (!body || nsg.value.kind !== 'object' || rules.some((rule) => collides(file, nsg, rule))) return undefined;
  const children = childRules(file, nsg);
  if (children.length > 0) return addChildRules(file, children, rules);
  const properties = valueOf(body, 'properties');
  const inline = valueOf(properties, 'securityRules');
  if (!inline) {
    // Rules declared as child resources elsewhere (by name) would be replaced by an inline array.
    if (nsg.existing || allResources(file).some(isRuleResource)) return undefined;
    return properties?.kind === 'object' ? addFirstRules(file, properties, rules) : undefined;
  }
  const target = appendableArray(inline);
  if (target) return appendToArray(file, target, rules);
  return inline.kind === 'for' ? appendToLoopSource(file, inline, rules) : undefined;
}

/**
 * A rule whose name or priority the NSG's declarations or the file's vars and params already
 * state (another branch, another loop item): adding it could clash in a deployment this run did not see.
 */
function collides(file: BicepFile, nsg: ResourceDeclaration, rule: NewSecurityRule): boolean {
  const scopes: Expression[] = [nsg.value, ...childRules(file, nsg).map((c) => c.value)];
  for (const d of file.declarations) {
    if (d.kind === 'var') scopes.push(d.value);
    if (d.kind === 'param' && d.defaultValue) scopes.push(d.defaultValue);
  }
  let found = false;
  for (const scope of scopes) {
    walkExpression(scope, (e) => {
      if (e.kind === 'string' && e.holes.length === 0 && e.segments[0].toLowerCase() === rule.name.toLowerCase()) found = true;
      if (e.kind === 'object' && literalOf(valueOf(e, 'priority')) === rule.priority) found = true;
    });
  }
  return found;
}

function isRuleResource(r: ResourceDeclaration): boolean {
  return /(^|\/)securityRules$/i.test(r.type);
}

function childRules(file: BicepFile, nsg: ResourceDeclaration): ResourceDeclaration[] {
  const nested = bodyOf(nsg)?.resources.filter(isRuleResource) ?? [];
  const parented = file.declarations.filter((d): d is ResourceDeclaration => {
    if (d.kind !== 'resource' || !/^Microsoft\.Network\/networkSecurityGroups\/securityRules$/i.test(d.type)) return false;
    const parent = valueOf(bodyOf(d), 'parent');
    return parent?.kind === 'identifier' && parent.name === nsg.name;
  });
  return [...nested, ...parented];
}

function addChildRules(file: BicepFile, children: ResourceDeclaration[], rules: readonly NewSecurityRule[]): FileTextEdit[] | undefined {
  const last = children[children.length - 1];
  const body = last.value.kind === 'object' ? last.value : undefined;
  if (!body || last.existing || last.decorators.length > 0) return undefined;
  const writer = new Writer(file);
  const indent = indentationOf(file.index.lineText(last.range.start.line));
  const head = textOf(file, { start: last.nameRange.end, end: body.range.start });
  const parent = valueOf(body, 'parent');
  const used = declaredNames(file);
  const text = rules.map((rule) => [
    `${indent}resource ${uniqueSymbol(rule.name, used)}${head}{`,
    ...(parent ? [`${indent}${writer.unit}parent: ${textOf(file, parent.range)}`] : []),
    ...writer.ruleBody(rule, indent + writer.unit),
    `${indent}}`,
  ].join(writer.eol));
  return insertAt(file, last.range.end, writer.eol + writer.eol + text.join(writer.eol + writer.eol));
}

function uniqueSymbol(ruleName: string, used: Set<string>): string {
  const cleaned = ruleName.replace(/[^A-Za-z0-9_]+/g, '');
  const base = /^[A-Za-z]/.test(cleaned) ? cleaned[0].toLowerCase() + cleaned.slice(1) : `rule${cleaned}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}${n}`;
  used.add(name.toLowerCase());
  return name;
}

/** The literal array the rules are in: the value itself, or a literal array passed to concat/union. */
function appendableArray(value: Expression): ArrayExpression | undefined {
  if (value.kind === 'array') return value;
  if (value.kind !== 'call' || value.target || !['concat', 'union'].includes(value.name.toLowerCase())) return undefined;
  const arrays = value.args.filter((a): a is ArrayExpression => a.kind === 'array');
  return arrays[arrays.length - 1];
}

function appendToArray(file: BicepFile, array: ArrayExpression, rules: readonly NewSecurityRule[]): FileTextEdit[] | undefined {
  const writer = new Writer(file);
  const last = array.items[array.items.length - 1];
  if (last) {
    const indent = indentationOf(file.index.lineText(last.range.start.line));
    const ownLine = textOf(file, { start: { line: last.range.start.line, character: 0 }, end: last.range.start }).trim() === '';
    if (!ownLine || array.range.end.line === last.range.end.line) return undefined;
    return insertAt(file, last.range.end, writer.eol + rules.map((rule) => writer.ruleObject(rule, indent)).join(writer.eol));
  }
  const closingIndent = indentationOf(file.index.lineText(array.range.end.line));
  const items = rules.map((rule) => writer.ruleObject(rule, closingIndent + writer.unit)).join(writer.eol);
  if (array.range.start.line !== array.range.end.line) {
    return insertAt(file, { line: array.range.end.line, character: 0 }, items + writer.eol);
  }
  const lineIndent = indentationOf(file.index.lineText(array.range.start.line));
  return replace(file, array, `[${writer.eol}${rules.map((rule) => writer.ruleObject(rule, lineIndent + writer.unit)).join(writer.eol)}${writer.eol}${lineIndent}]`);
}

/** `securityRules: [ ... ]` for an NSG that declares none, after its last property. */
function addFirstRules(file: BicepFile, properties: ObjectExpression, rules: readonly NewSecurityRule[]): FileTextEdit[] | undefined {
  const lastProperty = properties.properties[properties.properties.length - 1];
  if (!lastProperty || properties.range.start.line === properties.range.end.line || lastProperty.range.end.line === properties.range.end.line) return undefined;
  const writer = new Writer(file);
  const indent = indentationOf(file.index.lineText(lastProperty.range.start.line));
  const text = [`${indent}securityRules: [`, ...rules.map((rule) => writer.ruleObject(rule, indent + writer.unit)), `${indent}]`].join(writer.eol);
  return insertAt(file, lastProperty.range.end, writer.eol + text);
}

/**
 * `[for item in someVar: { ... }]`: the new rules become items of `someVar`, when its items are
 * plain objects of one shape and the loop body maps each rule property to a literal or `item.key`.
 */
function appendToLoopSource(file: BicepFile, loop: Extract<Expression, { kind: 'for' }>, rules: readonly NewSecurityRule[]): FileTextEdit[] | undefined {
  if (loop.filter || loop.indexName || !loop.itemName || loop.source.kind !== 'identifier' || loop.body.kind !== 'object') return undefined;
  const source = topLevel(file, loop.source.name);
  if (source?.kind !== 'var' || source.value.kind !== 'array' || referenceCount(file, loop.source.name) !== 1) return undefined;
  const items = source.value.items;
  const shape = items[0]?.kind === 'object' ? items[0].properties.map(keyOf) : undefined;
  if (!shape || shape.some((k) => k === undefined) || !items.every((item) => isPlainItem(item, shape as string[]))) return undefined;
  const made = rules.map((rule) => itemFor(loop.body as ObjectExpression, loop.itemName as string, rule));
  if (made.some((m) => !m || !sameKeys(m, shape as string[]))) return undefined;
  const last = items[items.length - 1] as ObjectExpression;
  const writer = new Writer(file);
  const indent = indentationOf(file.index.lineText(last.range.start.line));
  const render = (item: Map<string, Field>) => {
    const pairs = (shape as string[]).map((key): [string, Field] => [key, item.get(key) as Field]);
    if (last.range.start.line === last.range.end.line) return `${indent}{ ${pairs.map(([k, v]) => `${k}: ${inlineValue(v)}`).join(', ')} }`;
    return [`${indent}{`, ...writer.lines(pairs, indent + writer.unit), `${indent}}`].join(writer.eol);
  };
  return insertAt(file, last.range.end, writer.eol + made.map((m) => render(m as Map<string, Field>)).join(writer.eol));
}

function inlineValue(value: Field): string {
  return Array.isArray(value) ? `[${value.map(bicepString).join(', ')}]` : bicepValue(value);
}

function isPlainItem(item: Expression, shape: string[]): boolean {
  if (item.kind !== 'object' || item.resources.length > 0) return false;
  const keys = item.properties.map(keyOf);
  return sameKeys(new Map(keys.map((k) => [k ?? '', 0])), shape) && item.properties.every((p) => isPlainValue(p.value));
}

function isPlainValue(value: Expression): boolean {
  if (value.kind === 'array') return value.items.every((i) => literalOf(i) !== undefined);
  return literalOf(value) !== undefined;
}

function sameKeys(item: Map<string, unknown>, shape: string[]): boolean {
  return item.size === shape.length && shape.every((key) => item.has(key));
}

/** The loop item that makes the body produce `rule`, or undefined when the body cannot. */
function itemFor(body: ObjectExpression, itemName: string, rule: NewSecurityRule): Map<string, Field> | undefined {
  const wanted = new Map<string, Field>([['name', rule.name], ...ruleProperties(rule)]);
  const ports = rule.destinationPortRanges;
  const item = new Map<string, Field>();
  const assign = (armKey: string, expression: Expression): boolean => {
    let value = wanted.get(armKey);
    if (armKey === 'destinationPortRanges') value = ports;
    if (armKey === 'destinationPortRange') value = ports.length === 1 ? ports[0] : undefined;
    if (value === undefined) return false;
    const literal = literalOf(expression);
    if (literal !== undefined) return armKey === 'description' || literal === value;
    if (expression.kind !== 'member' || expression.safe || expression.target.kind !== 'identifier' || expression.target.name !== itemName) return false;
    const previous = item.get(expression.name);
    if (previous !== undefined && JSON.stringify(previous) !== JSON.stringify(value)) return false;
    item.set(expression.name, value);
    return true;
  };
  const properties = valueOf(body, 'properties');
  const topKeys = body.properties.map(keyOf);
  if (properties?.kind !== 'object' || topKeys.length !== 2 || !topKeys.includes('name') || !topKeys.includes('properties')) return undefined;
  const nameValue = valueOf(body, 'name');
  if (!nameValue || !assign('name', nameValue)) return undefined;
  const covered = new Set<string>();
  for (const p of properties.properties) {
    const key = keyOf(p);
    if (!key || !assign(key, p.value)) return undefined;
    covered.add(key);
  }
  const required = ['protocol', 'sourceAddressPrefix', 'destinationAddressPrefix', 'access', 'priority', 'direction'];
  const hasPorts = covered.has('destinationPortRange') || covered.has('destinationPortRanges');
  return required.every((k) => covered.has(k)) && hasPorts ? item : undefined;
}

function insertAt(file: BicepFile, position: { line: number; character: number }, newText: string): FileTextEdit[] {
  return [{ file: file.path, range: { start: position, end: position }, newText }];
}

function replace(file: BicepFile, node: { range: FileTextEdit['range'] }, newText: string): FileTextEdit[] {
  return [{ file: file.path, range: node.range, newText }];
}
