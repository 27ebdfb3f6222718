// Workspace edits for Terraform (azurerm) modules, written in the module's own layout: inline
// `security_rule` blocks or separate `azurerm_network_security_rule` resources, aligned like
// `terraform fmt` aligns them.
import type { NewSecurityRule } from '../../../core/findings';
import type { Origin, SourceRange } from '../../../core/model';
import type { TemplateDocument } from '../../source';
import type { Block, Expr } from '../ast';
import { folderOf } from '../files';
import { NSG_TYPE } from '../map/ruleParents';
import { loadedTerraformParser } from '../parser';
import { instanceAddressOf } from '../readModule';
import { referencedLabels } from '../references';
import { blockAt, literalOf, readTerraformModule, referencesResource, resources, textOf, variableOf, type Located, type TerraformFile, type TerraformModule } from './terraformModule';
import { eolOf, indentationOf, indentUnitOf } from '../../edits/text';
import { unhandledRemedy, type EditableRemedy, type FileTextEdit } from '../../edits/types';

export function terraformRemedyEdits(remedy: EditableRemedy, documents: readonly TemplateDocument[]): FileTextEdit[] | undefined {
  const module = readTerraformModule(documents);
  if (!module) return undefined;
  // An azapi_resource holds ARM JSON in `body`, which these azurerm edits do not write: snippets only.
  const at = (origin: Origin | undefined) => {
    const located = origin?.kind === 'file' ? blockAt(module, origin.file, origin.range) : undefined;
    return located?.block.labels[0]?.startsWith('azapi_') ? undefined : located;
  };
  switch (remedy.kind) {
    case 'add-security-rules':
      return addRules(module, at(remedy.nsg.origin), remedy.rules, () => instanceSuffix(documents, at(remedy.nsg.origin), remedy.nsg.id));
    case 'set-rule-priority':
      return setPriority(module, at(remedy.nsg.origin), remedy.ruleName, remedy.fromPriority, remedy.toPriority);
    case 'resize-bastion-subnet':
      return remedy.suggestedPrefix ? resizeSubnet(module, at(remedy.subnet.origin), remedy.currentPrefix, remedy.suggestedPrefix) : undefined;
    case 'dissociate-route-table':
      return removeRouteTableAssociation(module, at(remedy.subnet.origin));
    case 'set-bastion-property':
      return setBastionProperty(at(remedy.bastion.origin), remedy.property, remedy.value);
    case 'upgrade-bastion-sku':
      return setAttribute(at(remedy.bastion.origin), 'sku', remedy.toSku);
    default:
      return unhandledRemedy(remedy);
  }
}

function replace(file: TerraformFile, range: SourceRange, newText: string): FileTextEdit[] {
  return [{ file: file.path, range, newText }];
}

function insertAt(file: TerraformFile, position: SourceRange['start'], newText: string): FileTextEdit[] {
  return [{ file: file.path, range: { start: position, end: position }, newText }];
}

function hcl(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** `key = value` lines with the equals signs aligned, as terraform fmt writes them. */
function attributeLines(pairs: [string, string][], indent: string): string[] {
  const width = Math.max(...pairs.map(([key]) => key.length));
  return pairs.map(([key, value]) => `${indent}${key.padEnd(width)} = ${value}`);
}

function rulePairs(rule: NewSecurityRule): [string, string][] {
  const ports: [string, string] = rule.destinationPortRanges.length === 1
    ? ['destination_port_range', hcl(rule.destinationPortRanges[0])]
    : ['destination_port_ranges', `[${rule.destinationPortRanges.map(hcl).join(', ')}]`];
  return [
    ['name', hcl(rule.name)],
    ['priority', hcl(rule.priority)],
    ['direction', hcl(rule.direction)],
    ['access', hcl(rule.access)],
    ['protocol', hcl(rule.protocol)],
    ['source_port_range', hcl('*')],
    ports,
    ['source_address_prefix', hcl(rule.sourceAddressPrefix)],
    ['destination_address_prefix', hcl(rule.destinationAddressPrefix)],
    ['description', hcl(rule.description)],
  ];
}

/**
 * Inline blocks where the NSG has them (or has no rules yet and is one instance); a separate
 * azurerm_network_security_rule where its rules are separate resources, or where the NSG is
 * repeated (for_each, count): an inline block would change every instance, and inline blocks
 * beside separate rules make azurerm remove the separate ones.
 */
function addRules(module: TerraformModule, nsg: Located | undefined, rules: readonly NewSecurityRule[], suffix: () => string | undefined): FileTextEdit[] | undefined {
  if (!nsg || nsg.block.labels[0] !== NSG_TYPE) return undefined;
  const { file, block } = nsg;
  const body = block.body;
  const generated = body.attributes.has('security_rule') || body.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === 'security_rule');
  if (generated) return undefined;
  const eol = eolOf(file.text);
  const unit = indentUnitOf(file.text);
  const repeated = isRepeated(block);
  const inline = body.blocks.filter((b) => b.type === 'security_rule');
  if (inline.length > 0) {
    if (repeated) return undefined;
    const last = inline[inline.length - 1];
    const indent = indentationOf(file.index.lineText(last.range.start.line));
    const text = rules.map((rule) => [`${indent}security_rule {`, ...attributeLines(rulePairs(rule), indent + unit), `${indent}}`].join(eol)).join(eol + eol);
    return insertAt(file, last.range.end, eol + eol + text);
  }
  const label = block.labels[1];
  if (!label) return undefined;
  const separate = resources(module, 'azurerm_network_security_rule').filter(({ block: r }) => {
    const owner = r.body.attributes.get('network_security_group_name');
    return owner !== undefined && referencedLabels(owner.value, NSG_TYPE).includes(label);
  });
  if (separate.length === 0 && !repeated) return addFirstInlineRules(file, block, rules, unit, eol);
  const instance = block.body.attributes.has('count') || block.body.attributes.has('for_each') ? suffix() : '';
  if (instance === undefined) return undefined;
  const last = separate[separate.length - 1];
  const owner = { reference: `${NSG_TYPE}.${label}${instance}`, copyFrom: repeated ? undefined : last };
  return addSeparateRules(last ?? nsg, rules, usedLabels(module), owner);
}

/** More than one instance possible: for_each, or a count that is not a literal (or a choice of literals) 0 or 1. */
function isRepeated(block: Block): boolean {
  if (block.body.attributes.has('for_each')) return true;
  const count = block.body.attributes.get('count')?.value;
  if (!count) return false;
  const atMostOne = (expr: Expr): boolean => (expr.kind === 'literal' && (expr.value === 0 || expr.value === 1))
    || (expr.kind === 'conditional' && atMostOne(expr.whenTrue) && atMostOne(expr.whenFalse));
  return !atMostOne(count);
}

/** `[0]`, `["bastion"]`: which instance of a counted or for_each NSG the finding is about. */
function instanceSuffix(documents: readonly TemplateDocument[], nsg: Located | undefined, id: string): string | undefined {
  const parser = loadedTerraformParser();
  const label = nsg?.block.labels[1];
  if (!parser || !label) return undefined;
  const folder = folderOf(nsg.file.path);
  const files = documents.filter((doc) => folderOf(doc.path) === folder);
  const address = instanceAddressOf(parser, files, NSG_TYPE, label, id);
  const base = `${NSG_TYPE}.${label}`;
  return address?.startsWith(base) ? address.slice(base.length) : undefined;
}

function addFirstInlineRules(file: TerraformFile, block: Block, rules: readonly NewSecurityRule[], unit: string, eol: string): FileTextEdit[] | undefined {
  const closing = block.range.end;
  const closingLine = file.index.lineText(closing.line);
  if (closingLine.trim() !== '}' || closing.line === block.range.start.line) return undefined;
  const indent = indentationOf(file.index.lineText(block.range.start.line)) + unit;
  const text = rules.map((rule) => [`${indent}security_rule {`, ...attributeLines(rulePairs(rule), indent + unit), `${indent}}`].join(eol)).join(eol + eol);
  const bodyIsEmpty = file.index.lineText(closing.line - 1).trim().endsWith('{');
  return insertAt(file, { line: closing.line, character: 0 }, `${bodyIsEmpty ? '' : eol}${text}${eol}`);
}

function usedLabels(module: TerraformModule): Set<string> {
  return new Set(resources(module, 'azurerm_network_security_rule').map(({ block }) => block.labels[1] ?? ''));
}

/** Names the instance repetition gives a rule resource (`each.value`, `count.index`): meaningless outside it. */
function usesRepetition(expr: Expr): boolean {
  return referencedLabels(expr, 'each').length > 0 || referencedLabels(expr, 'count').length > 0;
}

/**
 * New rule resources after `anchor`. The NSG and resource group are written as the existing rule
 * `copyFrom` writes them, when that text means the same outside its resource; else as
 * references to the NSG instance.
 */
function addSeparateRules(anchor: Located, rules: readonly NewSecurityRule[], used: Set<string>, owner: { reference: string; copyFrom?: Located }): FileTextEdit[] {
  const { file, block } = anchor;
  const eol = eolOf(file.text);
  const unit = indentUnitOf(file.text);
  const ownerPair = (name: string, attribute: string): [string, string] => {
    const written = owner.copyFrom?.block.body.attributes.get(name);
    return written && owner.copyFrom && !usesRepetition(written.value)
      ? [name, textOf(owner.copyFrom.file, written.value.range)]
      : [name, `${owner.reference}.${attribute}`];
  };
  const text = rules.map((rule) => {
    const pairs = [...rulePairs(rule), ownerPair('resource_group_name', 'resource_group_name'), ownerPair('network_security_group_name', 'name')];
    return [`resource "azurerm_network_security_rule" "${uniqueLabel(rule.name, used)}" {`, ...attributeLines(pairs, unit), '}'].join(eol);
  }).join(eol + eol);
  return insertAt(file, block.range.end, eol + eol + text);
}

function uniqueLabel(ruleName: string, used: Set<string>): string {
  const base = ruleName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9_]+/g, '_').toLowerCase().replace(/^(\d)/, '_$1');
  let label = base;
  for (let n = 2; used.has(label); n++) label = `${base}_${n}`;
  used.add(label);
  return label;
}

function setPriority(module: TerraformModule, nsg: Located | undefined, ruleName: string, from: number, to: number): FileTextEdit[] | undefined {
  const candidates: { file: TerraformFile; block: Block }[] = [];
  if (nsg) candidates.push(...nsg.block.body.blocks.filter((b) => b.type === 'security_rule').map((block) => ({ file: nsg.file, block })));
  candidates.push(...resources(module, 'azurerm_network_security_rule'));
  const matches = candidates.filter(({ block }) => literalOf(block.body.attributes.get('name')) === ruleName && literalOf(block.body.attributes.get('priority')) === from);
  if (matches.length !== 1) return undefined;
  const priority = matches[0].block.body.attributes.get('priority');
  return priority ? replace(matches[0].file, priority.value.range, String(to)) : undefined;
}

function resizeSubnet(module: TerraformModule, subnet: Located | undefined, current: string, suggested: string): FileTextEdit[] | undefined {
  if (!subnet) return undefined;
  const attributes = subnet.block.body.attributes;
  const value = attributes.get('address_prefixes')?.value ?? attributes.get('address_prefix')?.value;
  if (!value) return undefined;
  return replacePrefix(module, subnet.file, value, current, suggested);
}

function replacePrefix(module: TerraformModule, file: TerraformFile, value: Expr, current: string, suggested: string): FileTextEdit[] | undefined {
  if (value.kind === 'literal') return value.value === current ? replace(file, value.range, hcl(suggested)) : undefined;
  if (value.kind === 'tuple') {
    const item = value.items.find((i) => i.kind === 'literal' && i.value === current);
    if (item) return replace(file, item.range, hcl(suggested));
    // `[var.bastion_prefix]`: the prefix is the variable's default.
    for (const candidate of value.items) {
      const edits = candidate.kind === 'literal' ? undefined : replacePrefix(module, file, candidate, current, suggested);
      if (edits) return edits;
    }
    return undefined;
  }
  const variable = variableOf(module, value);
  if (!variable || module.assignedVariables.has(variable.block.labels[0] ?? '')) return undefined;
  const fallback = variable.block.body.attributes.get('default');
  return fallback && fallback.value.kind !== 'getAttr' ? replacePrefix(module, variable.file, fallback.value, current, suggested) : undefined;
}

function removeRouteTableAssociation(module: TerraformModule, subnet: Located | undefined): FileTextEdit[] | undefined {
  if (!subnet) return undefined;
  const inline = subnet.block.body.attributes.get('route_table_id');
  if (inline) return deleteLines(subnet.file, inline.range);
  const label = subnet.block.labels[1];
  if (subnet.block.labels[0] !== 'azurerm_subnet' || !label) return undefined;
  const associations = resources(module, 'azurerm_subnet_route_table_association').filter(({ block }) => {
    const subnetId = block.body.attributes.get('subnet_id');
    const repeated = block.body.attributes.has('for_each') || block.body.attributes.has('count');
    return !repeated && subnetId !== undefined && referencesResource(subnetId.value, 'azurerm_subnet', label);
  });
  return associations.length === 1 ? deleteLines(associations[0].file, associations[0].block.range) : undefined;
}

/** Deletes whole lines, and one blank line after them so the file keeps its spacing. */
function deleteLines(file: TerraformFile, range: SourceRange): FileTextEdit[] {
  let endLine = range.end.line + 1;
  if (endLine < file.index.lineCount && file.index.lineText(endLine).trim() === '' && (range.start.line === 0 || file.index.lineText(range.start.line - 1).trim() === '')) endLine++;
  const end = endLine < file.index.lineCount ? { line: endLine, character: 0 } : { line: range.end.line, character: file.index.lineText(range.end.line).length };
  return replace(file, { start: { line: range.start.line, character: 0 }, end }, '');
}

const BASTION_ARGUMENTS: Record<string, { argument: string; invert?: boolean }> = {
  enableTunneling: { argument: 'tunneling_enabled' },
  enableIpConnect: { argument: 'ip_connect_enabled' },
  enableShareableLink: { argument: 'shareable_link_enabled' },
  enableFileCopy: { argument: 'file_copy_enabled' },
  enableKerberos: { argument: 'kerberos_enabled' },
  enableSessionRecording: { argument: 'session_recording_enabled' },
  disableCopyPaste: { argument: 'copy_paste_enabled', invert: true },
  scaleUnits: { argument: 'scale_units' },
};

function setBastionProperty(bastion: Located | undefined, property: string, value: boolean | number): FileTextEdit[] | undefined {
  const mapping = BASTION_ARGUMENTS[property];
  if (!mapping) return undefined;
  return setAttribute(bastion, mapping.argument, mapping.invert && typeof value === 'boolean' ? !value : value);
}

/** Sets a literal top-level argument of a resource, adding it after the last argument when absent. */
function setAttribute(located: Located | undefined, name: string, value: string | number | boolean): FileTextEdit[] | undefined {
  if (!located || located.block.type !== 'resource') return undefined;
  const { file, block } = located;
  const existing = block.body.attributes.get(name);
  if (existing) return existing.value.kind === 'literal' ? replace(file, existing.value.range, hcl(value)) : undefined;
  const attributes = [...block.body.attributes.values()];
  if (attributes.length === 0) return undefined;
  const last = attributes.reduce((a, b) => (b.range.end.line > a.range.end.line ? b : a));
  const indent = indentationOf(file.index.lineText(last.range.start.line));
  const width = /^\s*(\S+)(\s*)=/.exec(file.index.lineText(last.range.start.line));
  const keyWidth = width ? width[1].length + width[2].length - 1 : name.length;
  const eol = eolOf(file.text);
  return insertAt(file, last.range.end, `${eol}${indent}${name.padEnd(Math.max(keyWidth, name.length))} = ${hcl(value)}`);
}
