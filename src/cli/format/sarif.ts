// SARIF 2.1.0 for code-scanning tools: one run, every catalog rule in the driver, one result per
// finding. Template findings point at a file region; live findings at the ARM resource id.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOG, PROJECT_REPOSITORY_URL, RULE_IDS, ruleDocUrl } from '../../core/catalog';
import type { DiagnosisReport } from '../../core/diagnose';
import type { Finding, Severity } from '../../core/findings';
import type { Origin, SourceRange } from '../../core/model';
import { idKey } from '../../core/resourceId';
import packageJson from '../../../package.json';
import { escapeJsonControls } from './terminalText';

export const SARIF_SCHEMA_URL = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The uriBaseId relative artifact paths are resolved against (the directory the tool ran in). */
export const SOURCE_ROOT_BASE_ID = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifFormatOptions {
  /** Absolute file paths are made relative to this directory; default: leave as given. */
  baseDirectory?: string;
  toolVersion?: string;
}

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

export function formatSarif(report: DiagnosisReport, options: SarifFormatOptions = {}): string {
  const log = {
    $schema: SARIF_SCHEMA_URL,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver(options.toolVersion ?? packageJson.version) },
        originalUriBaseIds: { [SOURCE_ROOT_BASE_ID]: { description: { text: 'The directory bastion-doctor ran in.' } } },
        results: report.findings.map((finding) => result(finding, options)),
        properties: { source: report.sourceLabel, isDemo: report.isDemo, generatedAt: report.generatedAt },
      },
    ],
  };
  return escapeJsonControls(JSON.stringify(log, null, 2)) + '\n';
}

function driver(version: string) {
  return {
    name: 'Bastion Doctor',
    informationUri: PROJECT_REPOSITORY_URL,
    version,
    rules: RULE_IDS.map((id) => {
      const rule = CATALOG[id];
      return {
        id,
        name: rule.title,
        shortDescription: { text: rule.title },
        fullDescription: { text: rule.description },
        helpUri: ruleDocUrl(id),
        help: { text: `${rule.description} See ${ruleDocUrl(id)} and ${rule.sourceUrl}.` },
        defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
        properties: { layer: rule.layer, scopes: rule.scopes, sourceUrl: rule.sourceUrl },
      };
    }),
  };
}

function result(finding: Finding, options: SarifFormatOptions) {
  const origin = finding.resource.origin ?? { kind: 'arm', id: finding.resource.id };
  return {
    ruleId: finding.rule,
    ruleIndex: RULE_IDS.indexOf(finding.rule),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [location(origin, finding.resource.id, options)],
    ...(finding.related?.length
      ? { relatedLocations: finding.related.map((related, index) => ({ id: index + 1, ...location(related.origin, undefined, options), message: { text: related.message } })) }
      : {}),
    partialFingerprints: { 'bastionDoctor/v1': fingerprint(finding) },
    properties: {
      layer: finding.layer,
      ...(finding.flow ? { flow: finding.flow } : {}),
      ...(finding.context ? { context: finding.context } : {}),
      evidence: finding.evidence.map((e) => `${e.label}: ${e.value}`),
    },
  };
}

function location(origin: Origin, resourceId: string | undefined, options: SarifFormatOptions) {
  const armId = origin.kind === 'arm' ? origin.id : resourceId;
  const logicalLocations = armId ? [{ fullyQualifiedName: armId, kind: 'resource' }] : undefined;
  if (origin.kind === 'arm') return { logicalLocations };
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(origin.file, options.baseDirectory),
      region: sarifRegion(origin.range),
    },
    ...(logicalLocations ? { logicalLocations } : {}),
  };
}

/**
 * A URI relative to %SRCROOT% with forward slashes, as code-scanning tools expect; a path that
 * stays absolute (no base directory given) becomes a file:// URI instead.
 */
export function artifactLocation(file: string, baseDirectory: string | undefined): { uri: string; uriBaseId?: string } {
  const path = baseDirectory && isAbsolute(file) ? relative(baseDirectory, file) : file;
  const uri = path.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
  return isAbsolute(path) ? { uri: pathToFileURL(path).href } : { uri, uriBaseId: SOURCE_ROOT_BASE_ID };
}

/** Model ranges are zero-based with an exclusive end; SARIF is one-based, endColumn exclusive too. */
export function sarifRegion(range: SourceRange) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** Stable across runs and line shifts: the rule, the resource, the flow and the target. */
function fingerprint(finding: Finding): string {
  const parts = [finding.rule, idKey(finding.resource.id), finding.flow ?? '', idKey(finding.context?.bastionHostId ?? ''), idKey(finding.context?.virtualMachineId ?? '')];
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32);
}
