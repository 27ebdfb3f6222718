// A finding's fixes as text edits in the template's own syntax (see index.ts).
import type { Finding, Fix, Remedy } from '../../core/findings';
import { templateFormat } from '../formats';
import type { TemplateDocument } from '../source';
import { applyTextEdits } from './text';
import { isEditableRemedy, type FileTextEdit, type FormatId } from './types';

export interface EditableFix {
  fix: Fix;
  edits: FileTextEdit[];
}

/** The finding's fixes that can be written into these files, in the finding's order (first = preferred). */
export function editableFixes(finding: Finding, documents: readonly TemplateDocument[], format: FormatId): EditableFix[] {
  return finding.fixes.flatMap((fix) => {
    const edits = remedyEdits(fix.remedy, documents, format);
    return edits && edits.length > 0 ? [{ fix, edits }] : [];
  });
}

export function remedyEdits(remedy: Remedy, documents: readonly TemplateDocument[], format: FormatId): FileTextEdit[] | undefined {
  return isEditableRemedy(remedy) ? templateFormat(format).remedyEdits(remedy, documents) : undefined;
}

/** The documents with the edits applied (documents no edit touches are returned as they were). */
export function applyFileEdits(documents: readonly TemplateDocument[], edits: readonly FileTextEdit[]): TemplateDocument[] {
  return documents.map((doc) => {
    const own = edits.filter((e) => e.file === doc.path);
    return own.length > 0 ? { path: doc.path, text: applyTextEdits(doc.text, own) } : doc;
  });
}
