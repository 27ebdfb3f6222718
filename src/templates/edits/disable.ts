// "Disable <rule> for this line": the suppression syntax of checks.md in each format.
import type { Finding } from '../../core/findings';
import type { TemplateDocument } from '../source';
import { armDisableEdit } from './armEdits';
import { eolOf, indentationOf, LineIndex } from './text';
import type { FileTextEdit, TemplateFormat } from './types';

const DIRECTIVE = 'bastion-doctor-disable-next-line';

export function disableEdits(finding: Finding, documents: readonly TemplateDocument[], format: TemplateFormat): FileTextEdit[] | undefined {
  const origin = finding.resource.origin;
  if (origin?.kind !== 'file') return undefined;
  const doc = documents.find((d) => d.path === origin.file);
  if (!doc) return undefined;
  if (format === 'arm') {
    const edit = armDisableEdit(doc.text, origin.range, finding.rule);
    return edit ? [{ file: doc.path, ...edit }] : undefined;
  }
  return commentEdit(doc, origin.range.start.line, finding.rule, format === 'terraform' ? '#' : '//');
}

/** The Bicep compiler's pragma applies to the line right after it: ours goes above it. */
const BICEP_PRAGMA = /^\s*#disable-next-line\b/;

function commentEdit(doc: TemplateDocument, target: number, rule: string, marker: string): FileTextEdit[] | undefined {
  const index = new LineIndex(doc.text);
  let line = target;
  while (marker === '//' && line > 0 && BICEP_PRAGMA.test(index.lineText(line - 1))) line--;
  const previous = line > 0 ? index.lineText(line - 1) : '';
  const existing = new RegExp(`^\\s*(#|//)\\s*${DIRECTIVE}\\s+(.*)$`).exec(previous);
  if (existing) {
    const rules = existing[2].split(/[\s,]+/).filter(Boolean);
    if (rules.includes(rule)) return undefined;
    const end = { line: line - 1, character: previous.trimEnd().length };
    return [{ file: doc.path, range: { start: end, end }, newText: ` ${rule}` }];
  }
  const indent = indentationOf(index.lineText(target));
  const start = { line, character: 0 };
  return [{ file: doc.path, range: { start, end: start }, newText: `${indent}${marker} ${DIRECTIVE} ${rule}${eolOf(doc.text)}` }];
}
