// "Disable <rule> for this line": the suppression syntax of checks.md in each format. A format
// with comments writes the directive on the line above (commentDisable.ts); ARM JSON writes
// resource metadata (arm/edits/armEdits.ts). The format is found in the registry.
import type { Finding } from '../../core/findings';
import { templateFormat } from '../formats';
import type { TemplateDocument } from '../source';
import type { FileTextEdit, FormatId } from './types';

export function disableEdits(finding: Finding, documents: readonly TemplateDocument[], format: FormatId): FileTextEdit[] | undefined {
  const origin = finding.resource.origin;
  if (origin?.kind !== 'file') return undefined;
  const doc = documents.find((d) => d.path === origin.file);
  return doc ? templateFormat(format).disableEdits(finding, doc) : undefined;
}
