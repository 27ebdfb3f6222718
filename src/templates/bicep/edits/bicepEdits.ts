// Workspace edits for Bicep files, written in the file's own layout. An edit lands in the file
// the element was declared in (a local module included) and only when that file deploys once;
// values that come from expressions the edit cannot follow get no edit.
import type { Origin, SourceRange } from '../../../core/model';
import type { TemplateDocument } from '../../source';
import type { Expression, ObjectExpression, ResourceDeclaration } from '../syntax/ast';
import {
  allResources,
  bicepValue,
  bodyOf,
  editedOnce,
  keyOf,
  literalHolder,
  objectAt,
  propertyOf,
  readBicepWorkspace,
  resourceAt,
  textOf,
  topLevel,
  valueOf,
  walkExpression,
  type BicepFile,
  type BicepWorkspace,
} from './bicepFiles';
import { addBicepRules } from './bicepRules';
import { eolOf, indentationOf, indentUnitOf } from '../../edits/text';
import { unhandledRemedy, type EditableRemedy, type FileTextEdit } from '../../edits/types';

export function bicepRemedyEdits(remedy: EditableRemedy, documents: readonly TemplateDocument[]): FileTextEdit[] | undefined {
  const workspace = readBicepWorkspace(documents);
  const fileOf = (origin: Origin | undefined) => {
    if (origin?.kind !== 'file') return undefined;
    const file = workspace.files.find((f) => f.path === origin.file);
    return file && editedOnce(workspace, file) ? { file, range: origin.range } : undefined;
  };
  switch (remedy.kind) {
    case 'add-security-rules':
      return withResource(fileOf(remedy.nsg.origin), 'networkSecurityGroups', (file, nsg) => addBicepRules(file, nsg, remedy.rules));
    case 'set-rule-priority':
      return withResource(fileOf(remedy.nsg.origin), 'networkSecurityGroups', (file, nsg) => setPriority(workspace, file, nsg, remedy.ruleName, remedy.fromPriority, remedy.toPriority));
    case 'resize-bastion-subnet':
      return remedy.suggestedPrefix ? withObject(fileOf(remedy.subnet.origin), (file, subnet) => resizeSubnet(workspace, file, subnet, remedy.currentPrefix, remedy.suggestedPrefix as string)) : undefined;
    case 'dissociate-route-table':
      return withObject(fileOf(remedy.subnet.origin), removeRouteTable);
    case 'set-bastion-property':
      return withResource(fileOf(remedy.bastion.origin), 'bastionHosts', (file, bastion) => setBastionProperty(file, bastion, remedy.property, remedy.value));
    case 'upgrade-bastion-sku':
      return withResource(fileOf(remedy.bastion.origin), 'bastionHosts', (file, bastion) => upgradeSku(workspace, file, bastion, remedy.toSku));
    default:
      return unhandledRemedy(remedy);
  }
}

type At = { file: BicepFile; range: SourceRange } | undefined;

function withResource(at: At, typeSuffix: string, edit: (file: BicepFile, resource: ResourceDeclaration) => FileTextEdit[] | undefined): FileTextEdit[] | undefined {
  const resource = at && resourceAt(at.file, at.range);
  if (!at || !resource || !resource.type.toLowerCase().endsWith(typeSuffix.toLowerCase())) return undefined;
  return edit(at.file, resource);
}

function withObject(at: At, edit: (file: BicepFile, object: ObjectExpression) => FileTextEdit[] | undefined): FileTextEdit[] | undefined {
  const object = at && objectAt(at.file, at.range);
  return at && object ? edit(at.file, object) : undefined;
}

function replace(file: BicepFile, range: SourceRange, newText: string): FileTextEdit[] {
  return [{ file: file.path, range, newText }];
}

/** The rule objects named `ruleName` the NSG declares: inline (any literal array) or child resources. */
function ruleObjects(file: BicepFile, nsg: ResourceDeclaration, ruleName: string): ObjectExpression[] {
  const named = (o: ObjectExpression) => {
    const name = valueOf(o, 'name');
    return name?.kind === 'string' && name.holes.length === 0 && name.segments[0].toLowerCase() === ruleName.toLowerCase();
  };
  const found: ObjectExpression[] = [];
  walkExpression(nsg.value, (e) => {
    if (e.kind === 'object' && named(e) && valueOf(e, 'properties')?.kind === 'object') found.push(e);
  });
  for (const r of allResources(file)) {
    const body = bodyOf(r);
    const parent = valueOf(body, 'parent');
    if (body && /securityRules$/i.test(r.type) && parent?.kind === 'identifier' && parent.name === nsg.name && named(body)) found.push(body);
  }
  return [...new Set(found)];
}

function setPriority(workspace: BicepWorkspace, file: BicepFile, nsg: ResourceDeclaration, ruleName: string, from: number, to: number): FileTextEdit[] | undefined {
  const holders = ruleObjects(file, nsg, ruleName)
    .map((rule) => literalHolder(workspace, file, valueOf(valueOf(rule, 'properties'), 'priority')))
    .filter((holder) => holder?.value === from);
  const holder = holders.length === 1 ? holders[0] : undefined;
  return holder ? replace(holder.file, holder.expression.range, String(to)) : undefined;
}

function resizeSubnet(workspace: BicepWorkspace, file: BicepFile, subnet: ObjectExpression, current: string, suggested: string): FileTextEdit[] | undefined {
  const properties = valueOf(subnet, 'properties');
  const single = valueOf(properties, 'addressPrefix');
  const list = valueOf(properties, 'addressPrefixes');
  const candidates: (Expression | undefined)[] = [single, ...(list?.kind === 'array' ? list.items : [list])];
  for (const candidate of candidates) {
    const holder = literalHolder(workspace, file, candidate);
    if (holder?.value === current) return replace(holder.file, holder.expression.range, bicepValue(suggested));
  }
  return undefined;
}

function removeRouteTable(file: BicepFile, subnet: ObjectExpression): FileTextEdit[] | undefined {
  const routeTable = propertyOf(valueOf(subnet, 'properties'), 'routeTable');
  if (!routeTable) return undefined;
  const { start, end } = routeTable.range;
  const before = file.index.lineText(start.line).slice(0, start.character);
  const after = file.index.lineText(end.line).slice(end.character);
  if (before.trim() !== '' || after.trim() !== '') return undefined;
  let first = start.line;
  const previous = first > 0 ? file.index.lineText(first - 1).trim() : undefined;
  const next = file.index.lineText(end.line + 1).trim();
  // A blank line that separated the property from its neighbours would be left dangling.
  if (previous === '' && (next === '' || next.startsWith('}'))) first--;
  return replace(file, { start: { line: first, character: 0 }, end: { line: end.line + 1, character: 0 } }, '');
}

function setBastionProperty(file: BicepFile, bastion: ResourceDeclaration, name: string, value: boolean | number): FileTextEdit[] | undefined {
  const properties = valueOf(bodyOf(bastion), 'properties');
  if (properties?.kind !== 'object') return undefined;
  const existing = valueOf(properties, name);
  if (existing) {
    const literal = existing.kind === 'literal' ? existing.value : undefined;
    return typeof literal === typeof value ? replace(file, existing.range, String(value)) : undefined;
  }
  return insertProperty(file, properties, () => `${name}: ${String(value)}`);
}

function upgradeSku(workspace: BicepWorkspace, file: BicepFile, bastion: ResourceDeclaration, toSku: string): FileTextEdit[] | undefined {
  const body = bodyOf(bastion);
  const sku = valueOf(body, 'sku');
  if (!body) return undefined;
  if (!sku) return insertProperty(file, body, (indent, eol, unit) => `sku: {${eol}${indent}${unit}name: ${bicepValue(toSku)}${eol}${indent}}`);
  const name = valueOf(sku, 'name');
  if (!name) return undefined;
  const holder = literalHolder(workspace, file, name, true);
  if (typeof holder?.value !== 'string' || !allowedBy(file, name, toSku)) return undefined;
  return replace(holder.file, holder.expression.range, bicepValue(toSku));
}

/** A param's `@allowed([...])` list, when the SKU comes from a param, must admit the new SKU. */
function allowedBy(file: BicepFile, name: Expression, value: string): boolean {
  if (name.kind !== 'identifier') return true;
  const param = topLevel(file, name.name);
  if (param?.kind !== 'param') return true;
  const allowed = param.decorators.map((d) => d.call).find((call) => call.kind === 'call' && call.name.toLowerCase() === 'allowed');
  if (allowed?.kind !== 'call') return true;
  const list = allowed.args[0];
  return list?.kind === 'array' && list.items.some((item) => item.kind === 'string' && item.holes.length === 0 && item.segments[0] === value);
}

/** A new `key: value` line after the object's last property, at that property's indentation. */
function insertProperty(file: BicepFile, object: ObjectExpression, text: (indent: string, eol: string, unit: string) => string): FileTextEdit[] | undefined {
  const last = object.properties[object.properties.length - 1];
  const multiLine = object.range.start.line !== object.range.end.line;
  if (!last || !multiLine || last.range.end.line === object.range.end.line || object.resources.some((r) => r.range.start.line > last.range.end.line)) return undefined;
  if (textOf(file, { start: { line: last.range.start.line, character: 0 }, end: last.range.start }).trim() !== '' || !keyOf(last)) return undefined;
  const indent = indentationOf(file.index.lineText(last.range.start.line));
  const position = last.range.end;
  return [{ file: file.path, range: { start: position, end: position }, newText: `${eolOf(file.text)}${indent}${text(indent, eolOf(file.text), indentUnitOf(file.text))}` }];
}
