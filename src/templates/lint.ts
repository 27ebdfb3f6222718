// The format-independent lint engine: classify files, build each template's topology through its
// source, run the template-scoped checks, then apply suppressions and severity overrides.
import { dirname, normalize } from 'node:path';
import { CATALOG } from '../core/catalog';
import { diagnose, type DiagnosisReport } from '../core/diagnose';
import type { Finding } from '../core/findings';
import type { Origin, Topology } from '../core/model';
import { idKey } from '../core/resourceId';
import { applySeverityOverrides, type SeverityOverrides } from '../core/severity';
import { armTemplateSource } from './arm';
import { bicepSource } from './bicep';
import { elementsOf } from './topologyElements';
import type { ParseDiagnostic, TemplateDocument, TemplateSource, TemplateTopology } from './source';
import { isSuppressed } from './suppression';
import { unresolvedFindings, withoutGuesses } from './unresolvedFindings';

export interface LintOptions {
  /** Per-rule levels (CLI --rule, the editor's setting); 'off' drops a rule. */
  severityOverrides?: SeverityOverrides;
  /** Template formats to recognise; default: every registered one. */
  sources?: readonly TemplateSource[];
  /** Lint only these paths; the other documents are read as their siblings (the editor lints one file). */
  only?: readonly string[];
  /** Clock for report.generatedAt (tests pin it). */
  now?: () => Date;
}

export type LintedFileKind = 'linted' | 'companion' | 'not-a-template';

export interface LintedFile {
  path: string;
  kind: LintedFileKind;
  /** The source that read it ('arm', ...), for linted files. */
  source?: string;
}

export interface LintResult {
  report: DiagnosisReport;
  files: LintedFile[];
}

const registeredSources: TemplateSource[] = [armTemplateSource, bicepSource];

/** Bicep and Terraform sources add themselves here. */
export function registerTemplateSource(source: TemplateSource): void {
  if (!registeredSources.some((s) => s.id === source.id)) registeredSources.push(source);
}

export function lintDocuments(docs: readonly TemplateDocument[], options: LintOptions = {}): LintResult {
  const sources = options.sources ?? registeredSources;
  const files: LintedFile[] = [];
  const reports: DiagnosisReport[] = [];
  for (const doc of docs) {
    if (sources.some((s) => s.isCompanion?.(doc.path, doc.text)) || (options.only && !options.only.includes(doc.path))) {
      files.push({ path: doc.path, kind: 'companion' });
      continue;
    }
    const source = sources.find((s) => s.matches(doc.path, doc.text));
    if (!source) {
      files.push({ path: doc.path, kind: 'not-a-template' });
      continue;
    }
    files.push({ path: doc.path, kind: 'linted', source: source.id });
    reports.push(lintOne(doc, source, siblingsOf(doc, docs, source), docs));
  }
  const findings = reports.flatMap((r) => r.findings);
  return {
    files,
    report: {
      generatedAt: (options.now?.() ?? new Date()).toISOString(),
      sourceLabel: files.filter((f) => f.kind === 'linted').map((f) => f.path).join(', ') || 'no templates',
      isDemo: false,
      targets: reports.flatMap((r) => r.targets),
      findings: options.severityOverrides ? applySeverityOverrides(findings, options.severityOverrides) : findings,
    },
  };
}

function siblingsOf(doc: TemplateDocument, docs: readonly TemplateDocument[], source: TemplateSource): TemplateDocument[] {
  if (source.siblingScope === 'all') return docs.filter((other) => other !== doc);
  const folder = dirname(normalize(doc.path));
  return docs.filter((other) => other !== doc && dirname(normalize(other.path)) === folder);
}

function lintOne(doc: TemplateDocument, source: TemplateSource, siblings: readonly TemplateDocument[], all: readonly TemplateDocument[]): DiagnosisReport {
  let read: TemplateTopology;
  try {
    read = source.toTopology(doc, siblings);
  } catch (error) {
    const message = `${doc.path} could not be read (${error instanceof Error ? error.message : String(error)}); nothing in it was checked`;
    return emptyReport(doc, [parseFinding({ file: doc.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message })]);
  }
  const { topology, parseDiagnostics, suppressions } = read;
  const diagnosed = diagnoseTemplate(doc, topology);
  const findings = [
    ...parseDiagnostics.map(parseFinding),
    ...unresolvedFindings(topology),
    ...withoutGuesses(diagnosed.findings, topology).map((f) => withFileOrigin(f, topology)),
  ]
    .filter((finding) => !isSuppressed(finding, suppressions))
    .filter((finding) => belongsTo(finding, doc, source, all));
  return { ...diagnosed, findings };
}

/**
 * A Terraform file is read together with its folder, so its topology holds its siblings' elements
 * too. A finding is reported with the file it points at; one that points at another file linted in
 * the same run is left to that file, so nothing is reported twice.
 */
function belongsTo(finding: Finding, doc: TemplateDocument, source: TemplateSource, all: readonly TemplateDocument[]): boolean {
  const origin = finding.resource.origin;
  if (origin?.kind !== 'file' || normalize(origin.file) === normalize(doc.path)) return true;
  // A Bicep module read through its caller knows what it is attached to; linted alone it does not.
  if (source.siblingScope === 'all') return true;
  return !all.some((other) => normalize(other.path) === normalize(origin.file) && source.matches(other.path, other.text));
}

function diagnoseTemplate(doc: TemplateDocument, topology: Topology): DiagnosisReport {
  try {
    return diagnose(topology, { source: 'template' });
  } catch (error) {
    const message = `Checks failed on ${doc.path} (${error instanceof Error ? error.message : String(error)})`;
    return emptyReport(doc, [parseFinding({ file: doc.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message })]);
  }
}

function emptyReport(doc: TemplateDocument, findings: Finding[]): DiagnosisReport {
  return { generatedAt: new Date().toISOString(), sourceLabel: doc.path, isDemo: false, targets: [], findings };
}

function parseFinding(diagnostic: ParseDiagnostic): Finding {
  const name = diagnostic.file.split(/[\\/]/).pop() ?? diagnostic.file;
  const origin: Origin = { kind: 'file', file: diagnostic.file, range: diagnostic.range };
  return {
    rule: 'check-incomplete',
    severity: CATALOG['check-incomplete'].defaultSeverity,
    layer: 'host',
    message: diagnostic.message,
    evidence: [{ label: 'position', value: `line ${diagnostic.range.start.line + 1}, column ${diagnostic.range.start.character + 1}`, origin }],
    resource: { id: diagnostic.file, name, origin },
    fixes: [],
  };
}

/** A finding about an element the template declares points at the element's place in the file. */
function withFileOrigin(finding: Finding, topology: Topology): Finding {
  if (finding.resource.origin?.kind === 'file') return finding;
  const element = elementsOf(topology).find((e) => idKey(e.id) === idKey(finding.resource.id));
  return element?.origin.kind === 'file' ? { ...finding, resource: { ...finding.resource, origin: element.origin } } : finding;
}
