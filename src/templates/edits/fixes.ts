// A finding's fixes as text edits in the template's own syntax (see index.ts).
import type { Finding, Fix, Remedy } from '../../core/findings';
import { isArmTemplate } from '../arm/detect';
import type { TemplateDocument } from '../source';
import { armRemedyEdit } from './armEdits';
import { bicepRemedyEdits } from './bicepEdits';
import { terraformRemedyEdits } from './terraformEdits';
import { applyTextEdits } from './text';
import type { FileTextEdit, TemplateFormat } from './types';

export interface EditableFix {
  fix: Fix;
  edits: FileTextEdit[];
}

/** The finding's fixes that can be written into these files, in the finding's order (first = preferred). */
export function editableFixes(finding: Finding, documents: readonly TemplateDocument[], format: TemplateFormat): EditableFix[] {
  return finding.fixes.flatMap((fix) => {
    const edits = remedyEdits(fix.remedy, documents, format);
    return edits && edits.length > 0 ? [{ fix, edits }] : [];
  });
}

export function remedyEdits(remedy: Remedy, documents: readonly TemplateDocument[], format: TemplateFormat): FileTextEdit[] | undefined {
  if (format === 'terraform') return terraformRemedyEdits(remedy, documents);
  if (format === 'bicep') return bicepRemedyEdits(remedy, documents);
  if (format !== 'arm') return undefined;
  const file = originFileOf(remedy);
  const doc = documents.find((d) => d.path === file);
  if (!doc || !isArmTemplate(doc.path, doc.text)) return undefined;
  const edit = armRemedyEdit(remedy, doc.text);
  return edit ? [{ file: doc.path, ...edit }] : undefined;
}

function originFileOf(remedy: Remedy): string | undefined {
  const ref = 'nsg' in remedy ? remedy.nsg : 'subnet' in remedy ? remedy.subnet : 'bastion' in remedy ? remedy.bastion : undefined;
  return ref?.origin?.kind === 'file' ? ref.origin.file : undefined;
}

/** The documents with the edits applied (documents no edit touches are returned as they were). */
export function applyFileEdits(documents: readonly TemplateDocument[], edits: readonly FileTextEdit[]): TemplateDocument[] {
  return documents.map((doc) => {
    const own = edits.filter((e) => e.file === doc.path);
    return own.length > 0 ? { path: doc.path, text: applyTextEdits(doc.text, own) } : doc;
  });
}
