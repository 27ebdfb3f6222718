// `// bastion-doctor-disable-next-line <id> [<id>...]` comments: the findings that start on the
// next line (and inside the declaration or object that starts there) are silenced. The compiler's
// own `#disable-next-line <codes>` pragma silences the same way, but only for the codes that are
// Bastion Doctor rule ids (its Bicep linter codes are not ours); `#disable-diagnostics` /
// `#restore-diagnostics` never silence a finding (docs/check-decisions.md).
import { isRuleId } from '../../core/catalog';
import type { SourceRange } from '../../core/model';
import type { TemplateSuppression } from '../source';
import type { BicepProgram, Expression, ObjectExpression } from './syntax/ast';

const DIRECTIVE = /^\s*bastion-doctor-disable-next-line\s+(.+)$/;

export interface SuppressionComment {
  path: string;
  /** The 0-based line the comment silences (the one after it). */
  line: number;
  ruleIds: string[];
}

export function suppressionComments(path: string, program: BicepProgram): SuppressionComment[] {
  // A comment above the compiler's own `#disable-next-line` lines silences the line they precede,
  // so both can stand above the same declaration.
  const pragmaLines = new Set(program.directives.filter((d) => d.kind === 'disable-next-line').map((d) => d.range.start.line));
  const silencedAfter = (line: number) => {
    let next = line + 1;
    while (pragmaLines.has(next)) next++;
    return next;
  };
  const comments = program.comments.flatMap((comment) => {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) return [];
    const ruleIds = match[1].split(/[\s,]+/).filter((id) => /^[a-z0-9-]+$/.test(id));
    return ruleIds.length > 0 ? [{ path, line: silencedAfter(comment.range.end.line), ruleIds }] : [];
  });
  const pragmas = program.directives.flatMap((directive) => {
    const ruleIds = directive.kind === 'disable-next-line' ? directive.codes.filter(isRuleId) : [];
    return ruleIds.length > 0 ? [{ path, line: silencedAfter(directive.range.end.line), ruleIds }] : [];
  });
  return pragmas.length === 0 ? comments : [...comments, ...pragmas].sort((a, b) => a.line - b.line);
}

/** Each comment covers the largest declaration or object that starts on its next line. */
export function templateSuppressions(path: string, program: BicepProgram): TemplateSuppression[] {
  const comments = suppressionComments(path, program);
  if (comments.length === 0) return [];
  const starts = rangesByStartLine(program);
  return comments.map((comment) => {
    const covered = starts.get(comment.line);
    const range: SourceRange = covered ?? { start: { line: comment.line, character: 0 }, end: { line: comment.line, character: Number.MAX_SAFE_INTEGER } };
    return { file: path, range: { start: { line: comment.line, character: 0 }, end: range.end }, rules: comment.ruleIds };
  });
}

function rangesByStartLine(program: BicepProgram): Map<number, SourceRange> {
  const byLine = new Map<number, SourceRange>();
  const note = (range: SourceRange) => {
    const known = byLine.get(range.start.line);
    if (!known || known.end.line < range.end.line || (known.end.line === range.end.line && known.end.character < range.end.character)) byLine.set(range.start.line, range);
  };
  const visit = (expression: Expression | undefined): void => {
    if (!expression) return;
    if (expression.kind === 'object') visitObject(expression);
    else if (expression.kind === 'array') expression.items.forEach(visit);
    else if (expression.kind === 'for' || expression.kind === 'if') visit(expression.body);
  };
  const visitObject = (object: ObjectExpression): void => {
    note(object.range);
    for (const property of object.properties) {
      note(property.range);
      visit(property.value);
    }
    for (const resource of object.resources) {
      note(resource.range);
      visit(resource.value);
    }
  };
  for (const declaration of program.declarations) {
    note(declaration.range);
    if ('value' in declaration && declaration.value) visit(declaration.value);
    if (declaration.kind === 'param') visit(declaration.defaultValue);
  }
  return byLine;
}
