// Lints template documents off the keystroke: per-document debounce, stale runs dropped, results
// kept per document for the code actions and the status bar.
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import type { FormatId } from '../../templates/edits/types';
import type { SeverityOverrides } from '../../core/severity';
import type { RuleConfig } from '../../templates/ruleConfig';
import type { TemplateDocument } from '../../templates/source';
import { severityOverrides } from '../settings';
import { DIAGNOSTIC_SOURCE, documentLines, toDiagnostic, toRange, uriOfPath } from './diagnostics';
import { loadTemplateEngine } from './loadEngine';
import { documentPath, editorFileReader } from './templateFiles';

/**
 * Documents that may be templates; the format registry (loaded with the engine) decides. Also the
 * code actions' selector.
 */
export const TEMPLATE_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/*.{json,jsonc,bicep,tf}' }, { language: 'arm-template' }, { language: 'bicep' }, { language: 'terraform' }];

export interface LintedDocument {
  uri: vscode.Uri;
  version: number;
  format: FormatId;
  /** The target first, then the companions it was linted with (edits are computed against these). */
  documents: TemplateDocument[];
  /** The rule levels it was linted with (bastion-doctor.json, the setting on top). */
  overrides: SeverityOverrides;
  findings: Finding[];
  diagnostics: vscode.Diagnostic[];
}

export function mayBeTemplate(document: vscode.TextDocument): boolean {
  return vscode.languages.match(TEMPLATE_SELECTOR, document) > 0;
}

export class TemplateLinter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('bastionDoctor');
  /** Mistakes in bastion-doctor.json files, shown on the file (its valid entries still apply). */
  private readonly configCollection = vscode.languages.createDiagnosticCollection('bastionDoctor.config');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  private readonly results = new Map<string, LintedDocument>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidLint = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  resultFor(document: vscode.TextDocument): LintedDocument | undefined {
    const result = this.results.get(document.uri.toString());
    return result?.version === document.version ? result : undefined;
  }

  /**
   * Open documents whose last lint read `uri` as a sibling or a module: an edit there (a Terraform
   * file of the same folder, a Bicep module) changes their findings too.
   */
  dependentsOf(uri: vscode.Uri): vscode.TextDocument[] {
    const path = documentPath(uri);
    const readers = new Set<string>();
    for (const [key, result] of this.results) {
      if (key !== uri.toString() && result.documents.some((doc, i) => i > 0 && doc.path === path)) readers.add(key);
    }
    return vscode.workspace.textDocuments.filter((document) => readers.has(document.uri.toString()));
  }

  /** Lints after the configured pause; typing again before then restarts the wait. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    const delay = vscode.workspace.getConfiguration('bastionDoctor.lint').get<number>('debounceMs') ?? 400;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.lint(document);
    }, Math.max(0, delay)));
  }

  async lint(document: vscode.TextDocument): Promise<LintedDocument | undefined> {
    const key = document.uri.toString();
    if (!mayBeTemplate(document) || !isEnabled(document.uri)) {
      this.forget(document.uri);
      return undefined;
    }
    const generation = this.generations.get(key) ?? 0;
    const version = document.version;
    try {
      const engine = await loadTemplateEngine();
      await engine.prepareTemplateFormats();
      const target = { path: documentPath(document.uri), text: document.getText() };
      const reader = editorFileReader(document.uri);
      // The same documents and rule levels the CLI lints this file with (src/templates/gather.ts,
      // ruleConfig.ts), with the bastionDoctor.rules setting on top of bastion-doctor.json.
      const gathered = await engine.gatherDocuments(target, reader, document.languageId);
      const config = await engine.findRuleConfig(target.path, reader);
      if ((this.generations.get(key) ?? 0) !== generation || document.version !== version || document.isClosed) return undefined;
      if (!gathered) {
        this.forget(document.uri);
        return undefined;
      }
      this.showConfigProblems(config, document.uri);
      const { documents } = gathered;
      const overrides = engine.layeredOverrides(config, severityOverrides());
      const linted = engine.filesLintedWith(gathered);
      const perFile = engine.lintFiles(linted, documents, { severityOverrides: overrides });
      const findings = perFile.get(target.path) ?? [];
      this.publishForClosedFiles(documents.filter((doc) => doc !== target && linted.includes(doc.path)), perFile, document.uri);
      const modules = engine.moduleCallSites(target, documents);
      const diagnostics = findings.map((f) => {
        const origin = f.resource.origin;
        const site = origin?.kind === 'file' && origin.file !== target.path ? engine.callSiteOf(modules, origin.file) : undefined;
        return toDiagnostic(f, document, site);
      });
      const result: LintedDocument = { uri: document.uri, version, format: gathered.format.id, documents, overrides, findings, diagnostics };
      this.results.set(key, result);
      this.collection.set(document.uri, diagnostics);
      this.changed.fire(document.uri);
      return result;
    } catch (error) {
      this.log.error(`Linting ${document.uri.toString()} failed`, error);
      return undefined;
    }
  }

  /**
   * The findings in a module's files that no editor has open, so a problem in nsg.tf shows in the
   * Problems panel while main.tf is the file being edited. An open file publishes its own.
   */
  private publishForClosedFiles(files: readonly TemplateDocument[], perFile: ReadonlyMap<string, Finding[]>, near: vscode.Uri): void {
    const open = new Set(vscode.workspace.textDocuments.map((doc) => doc.uri.toString()));
    for (const file of files) {
      const uri = uriOfPath(file.path, near);
      if (open.has(uri.toString())) continue;
      const findings = perFile.get(file.path) ?? [];
      // Most files have nothing to show; their text is only split into lines when one does.
      const lines = findings.length > 0 ? documentLines(uri, file.text) : undefined;
      this.collection.set(uri, lines ? findings.map((finding) => toDiagnostic(finding, lines)) : []);
    }
  }

  private showConfigProblems(config: RuleConfig, near: vscode.Uri): void {
    if (!config.file) return;
    const diagnostics = config.problems.map((problem) => {
      const diagnostic = new vscode.Diagnostic(toRange(problem.range), vscode.l10n.t('Bastion Doctor rule levels: {0}', problem.message), vscode.DiagnosticSeverity.Error);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      return diagnostic;
    });
    this.configCollection.set(uriOfPath(config.file, near), diagnostics);
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.collection.delete(uri);
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    this.configCollection.dispose();
    this.changed.dispose();
  }
}

function isEnabled(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('bastionDoctor.lint', uri).get<boolean>('enable') !== false;
}
