// A finding as a Problems-panel diagnostic: rule id with its documentation link, related places.
import * as vscode from 'vscode';
import { isRuleId, ruleDocUrl } from '../../core/catalog';
import type { Finding, Severity } from '../../core/findings';
import type { SourceRange } from '../../core/model';

export const DIAGNOSTIC_SOURCE = 'Bastion Doctor';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Where diagnostics go: an open document, or a file's text (documentLines) for one that is not open. */
export type DiagnosticTarget = Pick<vscode.TextDocument, 'uri' | 'validatePosition' | 'lineAt'>;

/** A file's text as the little of TextDocument the anchoring uses. */
export function documentLines(uri: vscode.Uri, text: string): DiagnosticTarget {
  const lines = text.split(/\r?\n/);
  const lineAt = (line: number) => ({ range: new vscode.Range(line, 0, line, lines[line]?.length ?? 0) });
  return {
    uri,
    lineAt: lineAt as DiagnosticTarget['lineAt'],
    validatePosition: (position: vscode.Position) => {
      const line = Math.min(Math.max(position.line, 0), lines.length - 1);
      return new vscode.Position(line, Math.min(Math.max(position.character, 0), lines[line].length));
    },
  };
}

/** Underlines the first line of the element, not the whole (often 100-line) resource. */
function anchorOf(range: SourceRange | undefined, document: DiagnosticTarget): vscode.Range {
  if (!range) return new vscode.Range(0, 0, 0, 0);
  const start = document.validatePosition(new vscode.Position(range.start.line, range.start.character));
  const lineEnd = document.lineAt(start.line).range.end;
  const end = range.end.line === start.line ? document.validatePosition(toRange(range).end) : lineEnd;
  return new vscode.Range(start, end.isBefore(start) ? start : end);
}

/** The module declaration a finding in another file is shown on (a Bicep module the document deploys). */
export interface ModuleAnchor {
  range: SourceRange;
  name: string;
  path: string;
}

/** `inModule`: the finding lies in a module file, so it is shown on the declaration that deploys it. */
export function toDiagnostic(finding: Finding, document: DiagnosticTarget, inModule?: ModuleAnchor): vscode.Diagnostic {
  const origin = finding.resource.origin?.kind === 'file' ? finding.resource.origin : undefined;
  const where = inModule && origin ? `In module '${inModule.name}' (${inModule.path}, line ${origin.range.start.line + 1}): ` : '';
  const diagnostic = new vscode.Diagnostic(anchorOf(inModule?.range ?? origin?.range, document), where + finding.message, SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = isRuleId(finding.rule) ? { value: finding.rule, target: vscode.Uri.parse(ruleDocUrl(finding.rule)) } : finding.rule;
  const related = [
    ...(inModule && origin ? [{ message: `${finding.resource.name} in ${inModule.path}`, origin }] : []),
    ...(finding.related ?? []),
  ];
  diagnostic.relatedInformation = related.flatMap((item) =>
    item.origin.kind === 'file'
      ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOfPath(item.origin.file, document.uri), toRange(item.origin.range)), item.message)]
      : [],
  );
  return diagnostic;
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Paths in findings are the fsPath (file scheme) or the URI string (others) the linter was given. */
export function uriOfPath(path: string, near: vscode.Uri): vscode.Uri {
  if (near.scheme !== 'file' && path === near.toString()) return near;
  return /^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path) ? vscode.Uri.parse(path) : vscode.Uri.file(path);
}
