// Workspace edits for ARM JSON templates, written through jsonc-parser so the file keeps its
// indentation, comments and line endings.
import { applyEdits, getNodePath, modify, type FormattingOptions, type JSONPath, type Node } from 'jsonc-parser';
import type { NewSecurityRule } from '../../../core/findings';
import type { SourceRange } from '../../../core/model';
import { allObjects, enclosingResource, isExpression, isLiteral, objectAt, property, readArmText, stringValue, type ArmText } from './armTree';
import { differenceAsEdit, eolOf, indentUnitOf } from '../../edits/text';
import { unhandledRemedy, type EditableRemedy } from '../../edits/types';

export type TextChange = { range: SourceRange; newText: string };

/** The change a remedy makes to this ARM text, or undefined when it cannot be made safely here. */
export function armRemedyEdit(remedy: EditableRemedy, text: string): TextChange | undefined {
  const arm = readArmText(text);
  if (!arm) return undefined;
  switch (remedy.kind) {
    case 'add-security-rules':
      return remedy.nsg.origin?.kind === 'file' ? addRules(arm, remedy.nsg.origin.range, remedy.rules) : undefined;
    case 'set-rule-priority':
      return remedy.nsg.origin?.kind === 'file' ? setPriority(arm, remedy.nsg.origin.range, remedy.ruleName, remedy.fromPriority, remedy.toPriority) : undefined;
    case 'resize-bastion-subnet':
      return remedy.subnet.origin?.kind === 'file' && remedy.suggestedPrefix
        ? resizeSubnet(arm, remedy.subnet.origin.range, remedy.currentPrefix, remedy.suggestedPrefix)
        : undefined;
    case 'dissociate-route-table':
      return remedy.subnet.origin?.kind === 'file' ? removeRouteTable(arm, remedy.subnet.origin.range) : undefined;
    case 'set-bastion-property':
      return remedy.bastion.origin?.kind === 'file' ? setBastionProperty(arm, remedy.bastion.origin.range, remedy.property, remedy.value) : undefined;
    case 'upgrade-bastion-sku':
      return remedy.bastion.origin?.kind === 'file' ? upgradeSku(arm, remedy.bastion.origin.range, remedy.toSku) : undefined;
    default:
      return unhandledRemedy(remedy);
  }
}

/** Adds `"metadata": { "bastion-doctor": { "disable": [rule] } }` to the resource at `range`, merging. */
export function armDisableEdit(text: string, range: SourceRange, rule: string): TextChange | undefined {
  const arm = readArmText(text);
  const resource = arm && enclosingResource(objectAt(arm, range));
  if (!arm || !resource) return undefined;
  const entry = property(property(resource, 'metadata'), 'bastion-doctor');
  const disable = property(entry, 'disable');
  if (disable?.type === 'array') {
    if (disable.children?.some((c) => c.value === rule)) return undefined;
    return change(arm, [[[...getNodePath(disable), disable.children?.length ?? 0], rule, true]]);
  }
  const existing = stringValue(disable);
  const rules = existing ? [existing, rule] : [rule];
  if (entry?.type === 'object') return change(arm, [[[...getNodePath(entry), 'disable'], rules]]);
  const metadata = property(resource, 'metadata');
  if (metadata?.type === 'object') return change(arm, [[[...getNodePath(metadata), 'bastion-doctor'], { disable: rules }]]);
  return change(arm, [[[...getNodePath(resource), 'metadata'], { 'bastion-doctor': { disable: rules } }]]);
}

type Modification = [path: JSONPath, value: unknown, isArrayInsertion?: boolean];

function change(arm: ArmText, modifications: Modification[]): TextChange | undefined {
  const formattingOptions = formattingOf(arm.text);
  let text = arm.text;
  for (const [path, value, isArrayInsertion] of modifications) {
    text = applyEdits(text, modify(text, path, value, { formattingOptions, isArrayInsertion }));
  }
  return differenceAsEdit(arm.text, text);
}

function replaceNode(arm: ArmText, node: Node, value: unknown): TextChange {
  return { range: arm.index.rangeOf(node.offset, node.length), newText: JSON.stringify(value) };
}

function formattingOf(text: string): FormattingOptions {
  const unit = indentUnitOf(text);
  return { insertSpaces: unit !== '\t', tabSize: unit === '\t' ? 4 : unit.length, eol: eolOf(text) };
}

function resourceOfType(arm: ArmText, range: SourceRange, typeSuffix: string): Node | undefined {
  const node = objectAt(arm, range);
  const type = stringValue(property(node, 'type'));
  return type?.toLowerCase().endsWith(typeSuffix.toLowerCase()) ? node : undefined;
}

function addRules(arm: ArmText, range: SourceRange, rules: readonly NewSecurityRule[]): TextChange | undefined {
  const nsg = resourceOfType(arm, range, 'networkSecurityGroups');
  const properties = property(nsg, 'properties');
  if (!nsg || properties?.type !== 'object' || property(properties, 'copy')) return undefined;
  const existing = property(properties, 'securityRules');
  const values = rules.map(armRule);
  if (existing?.type === 'array') {
    const path = getNodePath(existing);
    const count = existing.children?.length ?? 0;
    return change(arm, values.map((value, i): Modification => [[...path, count + i], value, true]));
  }
  // Rules declared as child resources would be replaced by an inline array: leave those files alone.
  if (existing || allObjects(arm.root).some((o) => /networkSecurityGroups\/securityRules$/i.test(stringValue(property(o, 'type')) ?? ''))) return undefined;
  return change(arm, [[[...getNodePath(properties), 'securityRules'], values]]);
}

function armRule(rule: NewSecurityRule): unknown {
  const ports = rule.destinationPortRanges.length === 1 ? { destinationPortRange: rule.destinationPortRanges[0] } : { destinationPortRanges: rule.destinationPortRanges };
  return {
    name: rule.name,
    properties: {
      description: rule.description,
      protocol: rule.protocol,
      sourcePortRange: '*',
      sourceAddressPrefix: rule.sourceAddressPrefix,
      destinationAddressPrefix: rule.destinationAddressPrefix,
      ...ports,
      access: rule.access,
      priority: rule.priority,
      direction: rule.direction,
    },
  };
}

function setPriority(arm: ArmText, nsgRange: SourceRange, ruleName: string, from: number, to: number): TextChange | undefined {
  const nsg = objectAt(arm, nsgRange);
  const named = (o: Node) => {
    const name = stringValue(property(o, 'name'));
    return name !== undefined && !isExpression(name) && (name === ruleName || name.endsWith(`/${ruleName}`));
  };
  const priorityOf = (o: Node) => property(property(o, 'properties'), 'priority');
  const candidates = (scope: Node) => allObjects(scope).filter((o) => named(o) && priorityOf(o)?.value === from);
  const found = nsg ? candidates(nsg) : [];
  const matches = found.length > 0 ? found : candidates(arm.root);
  const priority = matches.length === 1 ? priorityOf(matches[0]) : undefined;
  return priority?.type === 'number' ? replaceNode(arm, priority, to) : undefined;
}

function resizeSubnet(arm: ArmText, range: SourceRange, current: string, suggested: string): TextChange | undefined {
  const properties = property(objectAt(arm, range), 'properties');
  const single = property(properties, 'addressPrefix');
  const list = property(properties, 'addressPrefixes');
  const holders = [single, ...(list?.type === 'array' ? (list.children ?? []) : [])];
  for (const holder of holders) {
    if (holder?.type !== 'string') continue;
    const literal = isLiteral(holder) ? holder : declaredDefault(arm, holder.value as string);
    if (literal?.type === 'string' && literal.value === current) return replaceNode(arm, literal, suggested);
  }
  return undefined;
}

/** `[parameters('x')]` → the parameter's literal defaultValue; `[variables('x')]` → the variable's literal value. */
function declaredDefault(arm: ArmText, expression: string): Node | undefined {
  const match = /^\[\s*(parameters|variables)\(\s*'([^']+)'\s*\)\s*\]$/.exec(expression);
  if (!match) return undefined;
  const declared = property(property(arm.root, match[1]), match[2]);
  const value = match[1] === 'parameters' ? property(declared, 'defaultValue') : declared;
  return isLiteral(value) ? value : undefined;
}

function removeRouteTable(arm: ArmText, range: SourceRange): TextChange | undefined {
  const routeTable = property(property(objectAt(arm, range), 'properties'), 'routeTable');
  return routeTable?.parent ? change(arm, [[getNodePath(routeTable), undefined]]) : undefined;
}

function setBastionProperty(arm: ArmText, range: SourceRange, name: string, value: boolean | number): TextChange | undefined {
  const bastion = resourceOfType(arm, range, 'bastionHosts');
  const properties = property(bastion, 'properties');
  if (properties?.type !== 'object') return undefined;
  const existing = property(properties, name);
  if (existing) return isLiteral(existing) ? replaceNode(arm, existing, value) : undefined;
  return change(arm, [[[...getNodePath(properties), name], value]]);
}

function upgradeSku(arm: ArmText, range: SourceRange, toSku: string): TextChange | undefined {
  const name = property(property(resourceOfType(arm, range, 'bastionHosts'), 'sku'), 'name');
  if (name?.type !== 'string') return undefined;
  const literal = isLiteral(name) ? name : declaredDefault(arm, name.value as string);
  return literal?.type === 'string' ? replaceNode(arm, literal, toSku) : undefined;
}
