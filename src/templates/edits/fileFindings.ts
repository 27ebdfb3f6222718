// Lints one file the way an editor shows it: its folder as siblings, only the findings that sit
// in this file (a Terraform module reports every file's findings whichever file is linted), plus,
// for Bicep, those in the local modules it deploys: only the caller knows the arguments.
import type { Finding } from '../../core/findings';
import type { SeverityOverrides } from '../../core/severity';
import { callSiteOf, moduleCallSites } from '../bicep/moduleFiles';
import { lintDocuments } from '../lint';
import type { TemplateDocument, TemplateSource } from '../source';

export interface FileLintOptions {
  severityOverrides?: SeverityOverrides;
  sources?: readonly TemplateSource[];
}

export function lintFile(target: TemplateDocument, siblings: readonly TemplateDocument[], options: FileLintOptions = {}): Finding[] {
  const documents = [target, ...siblings.filter((s) => s.path !== target.path)];
  const { findings } = lintDocuments(documents, { ...options, only: [target.path] }).report;
  const modules = moduleCallSites(target, documents);
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const origin = finding.resource.origin;
    if (origin?.kind !== 'file' || (origin.file !== target.path && !callSiteOf(modules, origin.file))) return false;
    const key = `${finding.rule} ${finding.resource.id} ${finding.flow ?? ''} ${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
