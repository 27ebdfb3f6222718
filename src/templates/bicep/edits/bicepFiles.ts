// The parsed .bicep files of a run, with the lookups the Bicep edits need: the declaration or
// object an origin points at, literal values and where a param's value really comes from.
import { dirname, join, normalize } from 'node:path';
import type { SourceRange } from '../../../core/model';
import { findParameters } from '../parameterFiles';
import type { Declaration, Expression, ModuleDeclaration, ObjectExpression, ObjectProperty, ResourceDeclaration } from '../syntax/ast';
import { parseBicep } from '../syntax/parser';
import type { TemplateDocument } from '../../source';
import { LineIndex } from '../../edits/text';

export interface BicepFile {
  path: string;
  text: string;
  index: LineIndex;
  declarations: Declaration[];
}

export interface BicepWorkspace {
  files: BicepFile[];
  documents: readonly TemplateDocument[];
}

export function readBicepWorkspace(documents: readonly TemplateDocument[]): BicepWorkspace {
  const files = documents
    .filter((doc) => /\.bicep$/i.test(doc.path))
    .map((doc) => ({ path: doc.path, text: doc.text, index: new LineIndex(doc.text), declarations: parseBicep(doc.text).declarations }));
  return { files, documents };
}

const samePath = (a: string, b: string) => normalize(a).toLowerCase() === normalize(b).toLowerCase();
const sameStart = (a: SourceRange, b: SourceRange) => a.start.line === b.start.line && a.start.character === b.start.character;

/** Every resource declaration of the file, nested children included, outermost first. */
export function allResources(file: BicepFile): ResourceDeclaration[] {
  const found: ResourceDeclaration[] = [];
  const visit = (declaration: ResourceDeclaration) => {
    found.push(declaration);
    bodyOf(declaration)?.resources.forEach(visit);
  };
  for (const d of file.declarations) if (d.kind === 'resource') visit(d);
  return found;
}

/** The plain object body of a declaration (not a loop; a condition is looked through). */
export function bodyOf(declaration: ResourceDeclaration | ModuleDeclaration): ObjectExpression | undefined {
  const value = declaration.value;
  if (value.kind === 'object') return value;
  return value.kind === 'if' && value.body.kind === 'object' ? value.body : undefined;
}

export function resourceAt(file: BicepFile, range: SourceRange): ResourceDeclaration | undefined {
  return allResources(file).find((r) => sameStart(r.range, range));
}

/** The object an origin points at: a resource declaration's body, or an object literal. */
export function objectAt(file: BicepFile, range: SourceRange): ObjectExpression | undefined {
  const resource = resourceAt(file, range);
  if (resource) return bodyOf(resource);
  let found: ObjectExpression | undefined;
  for (const d of file.declarations) {
    walkDeclaration(d, (e) => {
      if (!found && e.kind === 'object' && sameStart(e.range, range)) found = e;
    });
  }
  return found;
}

export function keyOf(property: ObjectProperty): string | undefined {
  if (typeof property.key === 'string') return property.key;
  return property.key.holes.length === 0 ? property.key.segments[0] : undefined;
}

export function propertyOf(object: Expression | undefined, key: string): ObjectProperty | undefined {
  if (object?.kind !== 'object') return undefined;
  return object.properties.find((p) => keyOf(p)?.toLowerCase() === key.toLowerCase());
}

export function valueOf(object: Expression | undefined, key: string): Expression | undefined {
  return propertyOf(object, key)?.value;
}

/** A string without interpolation, a number, a boolean: what the file states directly. */
export function literalOf(expression: Expression | undefined): string | number | boolean | undefined {
  if (expression?.kind === 'string') return expression.holes.length === 0 ? expression.segments[0] : undefined;
  if (expression?.kind === 'literal') return expression.value ?? undefined;
  if (expression?.kind === 'unary' && expression.operator === '-' && expression.operand.kind === 'literal' && typeof expression.operand.value === 'number') return -expression.operand.value;
  return undefined;
}

export function textOf(file: BicepFile, range: SourceRange): string {
  return file.text.slice(file.index.offsetAt(range.start), file.index.offsetAt(range.end));
}

/** Children of an expression, so callers can walk a whole declaration. */
function childrenOf(e: Expression): Expression[] {
  switch (e.kind) {
    case 'string':
      return e.holes;
    case 'object':
      return [...e.properties.flatMap((p) => (typeof p.key === 'string' ? [p.value] : [p.key, p.value])), ...e.resources.map((r) => r.value)];
    case 'array':
      return e.items;
    case 'member':
    case 'nested':
      return [e.target];
    case 'index':
      return [e.target, e.index];
    case 'call':
      return [...(e.target ? [e.target] : []), ...e.args];
    case 'unary':
    case 'nonNull':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'ternary':
      return [e.condition, e.whenTrue, e.whenFalse];
    case 'lambda':
      return [e.body];
    case 'for':
      return [e.source, ...(e.filter ? [e.filter] : []), e.body];
    case 'if':
      return [e.condition, e.body];
    default:
      return [];
  }
}

export function walkExpression(e: Expression, visit: (e: Expression) => void): void {
  visit(e);
  for (const child of childrenOf(e)) walkExpression(child, visit);
}

function walkDeclaration(d: Declaration, visit: (e: Expression) => void): void {
  if ('decorators' in d) for (const decorator of d.decorators) walkExpression(decorator.call, visit);
  if (d.kind === 'param' && d.defaultValue) walkExpression(d.defaultValue, visit);
  if (d.kind === 'var' || d.kind === 'output' || d.kind === 'resource' || d.kind === 'module') walkExpression(d.value, visit);
}

/** How many times the file refers to `name` as a plain identifier. */
export function referenceCount(file: BicepFile, name: string): number {
  let count = 0;
  for (const d of file.declarations) walkDeclaration(d, (e) => {
    if (e.kind === 'identifier' && e.name === name) count++;
  });
  return count;
}

/** Every symbol the file declares (nested resources included), to keep new names unique. */
export function declaredNames(file: BicepFile): Set<string> {
  const names = new Set<string>();
  for (const d of file.declarations) if ('name' in d) names.add(d.name.toLowerCase());
  for (const r of allResources(file)) names.add(r.name.toLowerCase());
  return names;
}

export function topLevel(file: BicepFile, name: string): Declaration | undefined {
  return file.declarations.find((d) => 'name' in d && d.name === name && (d.kind === 'param' || d.kind === 'var'));
}

/** The module declarations, in any file of the run, that deploy `file`. */
export function callersOf(workspace: BicepWorkspace, file: BicepFile): ModuleDeclaration[] {
  return workspace.files.flatMap((caller) =>
    caller.declarations.filter((d): d is ModuleDeclaration => d.kind === 'module' && samePath(join(dirname(caller.path), d.path), file.path)),
  );
}

/** Editing the file changes one deployment only: it is not a module, or a module deployed once. */
export function editedOnce(workspace: BicepWorkspace, file: BicepFile): boolean {
  const callers = callersOf(workspace, file);
  return callers.length === 0 || (callers.length === 1 && callers[0].value.kind !== 'for');
}

/** Whether a parameters file or a module call can give `param` a value other than its default. */
export function paramSupplied(workspace: BicepWorkspace, file: BicepFile, param: string): boolean {
  if (findParameters(file.path, workspace.documents)?.values.has(param)) return true;
  return callersOf(workspace, file).some((caller) => {
    const body = caller.value.kind === 'object' ? caller.value : undefined;
    const params = valueOf(body, 'params');
    return !body || (params !== undefined && (params.kind !== 'object' || propertyOf(params, param) !== undefined));
  });
}

export interface LiteralHolder {
  file: BicepFile;
  expression: Expression;
  value: string | number | boolean;
}

/**
 * The literal to rewrite for a value: the value itself, or the literal default of the param or
 * var it names, when that is the value deployed and (unless `shared`) nothing else uses it.
 */
export function literalHolder(workspace: BicepWorkspace, file: BicepFile, expression: Expression | undefined, shared = false): LiteralHolder | undefined {
  if (!expression) return undefined;
  const value = literalOf(expression);
  if (value !== undefined) return { file, expression, value };
  if (expression.kind !== 'identifier') return undefined;
  const declaration = topLevel(file, expression.name);
  if (!declaration || (!shared && referenceCount(file, expression.name) !== 1)) return undefined;
  if (declaration.kind === 'var') return holderOfLiteral(file, declaration.value);
  if (declaration.kind !== 'param' || paramSupplied(workspace, file, declaration.name)) return undefined;
  return holderOfLiteral(file, declaration.defaultValue);
}

function holderOfLiteral(file: BicepFile, expression: Expression | undefined): LiteralHolder | undefined {
  const value = literalOf(expression);
  return expression && value !== undefined ? { file, expression, value } : undefined;
}

/** A Bicep string literal: single quotes, with `\`, `'` and `${` escaped. */
export function bicepString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\$\{/g, '\\${')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

export function bicepValue(value: string | number | boolean): string {
  return typeof value === 'string' ? bicepString(value) : String(value);
}
