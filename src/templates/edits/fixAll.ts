// "Fix all": one preferred fix at a time, re-linting in between, so fixes that each pick a free
// priority never pick the same one, then the net change per file.
import type { Finding } from '../../core/findings';
import type { TemplateDocument } from '../source';
import { applyFileEdits, editableFixes } from './fixes';
import { differenceAsEdit } from './text';
import type { FileTextEdit, FormatId } from './types';

const MAX_ROUNDS = 50;

export function fixAllEdits(
  documents: readonly TemplateDocument[],
  format: FormatId,
  lint: (documents: readonly TemplateDocument[]) => Finding[],
): FileTextEdit[] {
  let current = [...documents];
  const tried = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = lint(current)
      .map((finding) => ({ finding, fix: editableFixes(finding, current, format)[0] }))
      .find(({ finding, fix }) => fix !== undefined && !tried.has(`${finding.rule} ${finding.resource.id} ${finding.flow ?? ''}`));
    if (!next?.fix) break;
    tried.add(`${next.finding.rule} ${next.finding.resource.id} ${next.finding.flow ?? ''}`);
    current = applyFileEdits(current, next.fix.edits);
  }
  return documents.flatMap((doc, i) => {
    const edit = differenceAsEdit(doc.text, current[i].text);
    return edit ? [{ file: doc.path, ...edit }] : [];
  });
}
