// The disable-next-line directive of checks.md as a comment, for the formats that have comments.
import type { Finding } from '../../core/findings';
import type { TemplateDocument } from '../source';
import { eolOf, indentationOf, LineIndex } from './text';
import type { FileTextEdit } from './types';

const DIRECTIVE = 'bastion-doctor-disable-next-line';

/**
 * `<marker> bastion-doctor-disable-next-line <rule>` above the finding's line, or the rule added to a
 * directive already there (written with either comment style: Terraform reads both). Lines matching
 * `stepOver` right above the finding stay next to it (the Bicep compiler's own pragma applies to
 * the line right after it), so ours goes above them.
 */
export function commentDisableEdits(finding: Finding, doc: TemplateDocument, marker: string, stepOver?: RegExp): FileTextEdit[] | undefined {
  const origin = finding.resource.origin;
  if (origin?.kind !== 'file') return undefined;
  const target = origin.range.start.line;
  const rule = finding.rule;
  const index = new LineIndex(doc.text);
  let line = target;
  while (stepOver && line > 0 && stepOver.test(index.lineText(line - 1))) line--;
  const previous = line > 0 ? index.lineText(line - 1) : '';
  const existing = new RegExp(`^\\s*(?:#|//)\\s*${DIRECTIVE}\\s+(.*)$`).exec(previous);
  if (existing) {
    const rules = existing[1].split(/[\s,]+/).filter(Boolean);
    if (rules.includes(rule)) return undefined;
    const end = { line: line - 1, character: previous.trimEnd().length };
    return [{ file: doc.path, range: { start: end, end }, newText: ` ${rule}` }];
  }
  const indent = indentationOf(index.lineText(target));
  const start = { line, character: 0 };
  return [{ file: doc.path, range: { start, end: start }, newText: `${indent}${marker} ${DIRECTIVE} ${rule}${eolOf(doc.text)}` }];
}
