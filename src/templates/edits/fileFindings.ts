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
  return lintFiles([target.path], documents, options).get(target.path) ?? [];
}

/**
 * Lints several files of one run (the files of a Terraform folder) and gives each file the
 * findings that sit in it, or in a Bicep module it deploys; the folder is evaluated once.
 */
export function lintFiles(targets: readonly string[], documents: readonly TemplateDocument[], options: FileLintOptions = {}): Map<string, Finding[]> {
  const { findings } = lintDocuments(documents, { ...options, only: [...targets] }).report;
  const callSites = targets.map((path) => {
    const doc = documents.find((candidate) => candidate.path === path);
    return { path, sites: doc ? moduleCallSites(doc, documents) : new Map() };
  });
  const byFile = new Map(targets.map((path) => [path, [] as Finding[]]));
  const seen = new Set<string>();
  for (const finding of findings) {
    const origin = finding.resource.origin;
    // A finding about something no file declares (a public IP the template only references) is the
    // first target's, as the CLI reports it with the file named.
    const file = origin?.kind !== 'file'
      ? targets[0]
      : byFile.has(origin.file) ? origin.file : callSites.find((entry) => callSiteOf(entry.sites, origin.file))?.path;
    if (file === undefined) continue;
    const key = `${file} ${finding.rule} ${finding.resource.id} ${finding.flow ?? ''} ${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byFile.get(file)?.push(finding);
  }
  return byFile;
}
