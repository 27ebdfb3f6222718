// The format-independent lint engine: classify files, build each template's topology through its
// source, run the template-scoped checks, then apply suppressions and severity overrides.
import { dirname, normalize } from 'node:path';
import { CATALOG } from '../core/catalog';
import { diagnose, type DiagnosisReport } from '../core/diagnose';
import type { Finding } from '../core/findings';
import type { Origin, Topology } from '../core/model';
import { idKey } from '../core/resourceId';
import { applySeverityOverrides, type SeverityOverrides } from '../core/severity';
import { TEMPLATE_FORMATS } from './formats';
import { elementsOf, type TopologyElement } from './topologyElements';
import type { ParseDiagnostic, TemplateDocument, TemplateSource, TemplateSuppression, TemplateTopology } from './source';
import { isSuppressed } from './suppression';
import { withPeeredAddressSpaces } from './peeredAddressSpaces';
import { unresolvedFindings, withoutGuesses } from './unresolvedFindings';

export interface LintOptions {
  /**
   * Per-rule levels ('off' drops a rule): one set for the run, or the set for each linted file
   * (its bastion-doctor.json with --rule or the editor's setting on top).
   */
  severityOverrides?: SeverityOverrides | ((path: string) => SeverityOverrides);
  /** Template formats to recognise; default: every registered one (formats.ts). */
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
  /** Syntax errors and files not read at all: what the run could not check (each also a finding). */
  unparsed: ParseDiagnostic[];
}

export function lintDocuments(docs: readonly TemplateDocument[], options: LintOptions = {}): LintResult {
  const sources = options.sources ?? TEMPLATE_FORMATS;
  const files: LintedFile[] = [];
  const reports: DiagnosisReport[] = [];
  const unparsed = new Map<string, ParseDiagnostic>();
  const folderReads = new Map<string, DiagnosedRead>();
  const lintedPaths = new Map<TemplateSource, Set<string>>();
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
    const read = source.topologyScope === 'folder'
      ? cachedPerFolder(folderReads, source, doc, () => readAndDiagnose(doc, source, siblingsOf(doc, docs, source)))
      : readAndDiagnose(doc, source, siblingsOf(doc, docs, source));
    const report = findingsOf(read, doc, source, pathsLintedBy(source, docs, lintedPaths));
    const overrides = typeof options.severityOverrides === 'function' ? options.severityOverrides(doc.path) : options.severityOverrides;
    reports.push(overrides ? { ...report, findings: applySeverityOverrides(report.findings, overrides) } : report);
    for (const diagnostic of unparsedOf(read, doc)) unparsed.set(JSON.stringify([diagnostic.file, diagnostic.range, diagnostic.message]), diagnostic);
  }
  const findings = reports.flatMap((r) => r.findings);
  return {
    files,
    unparsed: [...unparsed.values()],
    report: {
      generatedAt: (options.now?.() ?? new Date()).toISOString(),
      sourceLabel: files.filter((f) => f.kind === 'linted').map((f) => f.path).join(', ') || 'no templates',
      isDemo: false,
      targets: reports.flatMap((r) => r.targets),
      findings,
    },
  };
}

function siblingsOf(doc: TemplateDocument, docs: readonly TemplateDocument[], source: TemplateSource): TemplateDocument[] {
  if (source.siblingScope === 'all') return docs.filter((other) => other !== doc);
  const folder = dirname(normalize(doc.path));
  return docs.filter((other) => other !== doc && dirname(normalize(other.path)) === folder);
}

/** A read that failed is reported on the file being linted; one that worked is diagnosed once. */
type DiagnosedRead =
  | { failure: string; stage: 'read' | 'checks' }
  | { report: DiagnosisReport; findings: Finding[]; suppressions: readonly TemplateSuppression[]; unparsed: ParseDiagnostic[] };

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function unparsedOf(read: DiagnosedRead, doc: TemplateDocument): ParseDiagnostic[] {
  if (!('failure' in read)) return read.unparsed;
  return read.stage === 'read' ? [{ file: doc.path, range: FILE_START, message: `${doc.path} could not be read (${read.failure})`, unparsed: true }] : [];
}

function readAndDiagnose(doc: TemplateDocument, source: TemplateSource, siblings: readonly TemplateDocument[]): DiagnosedRead {
  let read: TemplateTopology;
  try {
    read = source.toTopology(doc, siblings);
  } catch (error) {
    return { failure: messageOf(error), stage: 'read' };
  }
  const { topology, parseDiagnostics, suppressions } = read;
  let diagnosed: DiagnosisReport;
  try {
    // Only the checks see the filled-in address spaces: an unknown one is noted where it decides something.
    diagnosed = diagnose(withPeeredAddressSpaces(topology), { source: 'template' });
  } catch (error) {
    return { failure: messageOf(error), stage: 'checks' };
  }
  const withOrigin = fileOriginsOf(topology);
  const findings = [
    ...parseDiagnostics.map(parseFinding),
    ...unresolvedFindings(topology),
    ...withoutGuesses(diagnosed.findings, topology).map(withOrigin),
  ];
  return { report: diagnosed, findings, suppressions, unparsed: parseDiagnostics.filter((d) => d.unparsed) };
}

function findingsOf(read: DiagnosedRead, doc: TemplateDocument, source: TemplateSource, linted: ReadonlySet<string>): DiagnosisReport {
  if ('failure' in read) {
    const message = read.stage === 'read'
      ? `${doc.path} could not be read (${read.failure}); nothing in it was checked`
      : `Checks failed on ${doc.path} (${read.failure})`;
    return emptyReport(doc, [parseFinding({ file: doc.path, range: FILE_START, message })]);
  }
  const findings = read.findings
    .filter((finding) => !isSuppressed(finding, read.suppressions))
    .filter((finding) => belongsTo(finding, doc, source, linted));
  return { ...read.report, findings };
}

/**
 * Every file of a folder-scoped source (a Terraform module) yields the same topology, so the folder
 * is read and diagnosed once per run, with the files in the order the run lists them; each file
 * then keeps its own findings. The cache lives for one run, so an edited file is always re-read.
 */
function cachedPerFolder(cache: Map<string, DiagnosedRead>, source: TemplateSource, doc: TemplateDocument, read: () => DiagnosedRead): DiagnosedRead {
  const key = `${source.id}\0${dirname(normalize(doc.path))}`;
  let cached = cache.get(key);
  if (!cached) {
    cached = read();
    cache.set(key, cached);
  }
  return cached;
}

function pathsLintedBy(source: TemplateSource, docs: readonly TemplateDocument[], cache: Map<TemplateSource, Set<string>>): ReadonlySet<string> {
  let paths = cache.get(source);
  if (!paths) {
    paths = new Set(docs.filter((doc) => source.matches(doc.path, doc.text)).map((doc) => normalize(doc.path)));
    cache.set(source, paths);
  }
  return paths;
}

/**
 * A Terraform file is read together with its folder, so its topology holds its siblings' elements
 * too. A finding is reported with the file it points at; one that points at another file linted in
 * the same run is left to that file, so nothing is reported twice.
 */
function belongsTo(finding: Finding, doc: TemplateDocument, source: TemplateSource, linted: ReadonlySet<string>): boolean {
  const origin = finding.resource.origin;
  if (origin?.kind !== 'file' || normalize(origin.file) === normalize(doc.path)) return true;
  // A Bicep module read through its caller knows what it is attached to; linted alone it does not.
  if (source.siblingScope === 'all') return true;
  return !linted.has(normalize(origin.file));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
function fileOriginsOf(topology: Topology): (finding: Finding) => Finding {
  let byId: Map<string, TopologyElement> | undefined;
  return (finding) => {
    if (finding.resource.origin?.kind === 'file') return finding;
    if (!byId) {
      byId = new Map();
      // The first element with an id wins, as a search from the start would find it.
      for (const element of elementsOf(topology)) if (!byId.has(idKey(element.id))) byId.set(idKey(element.id), element);
    }
    const element = byId.get(idKey(finding.resource.id));
    return element?.origin.kind === 'file' ? { ...finding, resource: { ...finding.resource, origin: element.origin } } : finding;
  };
}
