// The code action trio on each diagnostic (fix, disable for this line, documentation), the
// copy-snippet actions, and source.fixAll.bastionDoctor.
import * as vscode from 'vscode';
import { CATALOG, isRuleId } from '../../core/catalog';
import type { Finding } from '../../core/findings';
import type { FileTextEdit } from '../../templates/edits/types';
import { DIAGNOSTIC_SOURCE, ruleOf, toRange, uriOfPath } from './diagnostics';
import { loadTemplateEngine } from './loadEngine';
import type { LintedDocument, TemplateLinter } from './templateLinter';

type TemplateEngine = Awaited<ReturnType<typeof loadTemplateEngine>>;

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('bastionDoctor');
export const COPY_TEXT_COMMAND = 'bastionDoctor.internal.copyText';
const SHOW_DOCUMENTATION_COMMAND = 'bastionDoctor.showRuleDocumentation';

export class TemplateCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };

  constructor(private readonly linter: TemplateLinter) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const linted = this.linter.resultFor(document) ?? (await this.linter.lint(document));
    if (!linted) return [];
    const engine = await loadTemplateEngine();
    if (context.only && FIX_ALL_KIND.contains(context.only)) return fixAllAction(engine, linted);
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    return context.diagnostics
      .filter((d) => d.source === DIAGNOSTIC_SOURCE)
      .flatMap((diagnostic) => {
        const finding = findingOf(linted, diagnostic);
        return finding ? actionsFor(engine, finding, diagnostic, linted) : [];
      });
  }
}

function findingOf(linted: LintedDocument, diagnostic: vscode.Diagnostic): Finding | undefined {
  const index = linted.diagnostics.findIndex((d) => d.range.isEqual(diagnostic.range) && d.message === diagnostic.message && ruleOf(d) === ruleOf(diagnostic));
  return index >= 0 ? linted.findings[index] : undefined;
}

function workspaceEdit(edits: readonly FileTextEdit[], near: vscode.Uri): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) edit.replace(uriOfPath(change.file, near), toRange(change.range), change.newText);
  return edit;
}

function actionsFor(engine: TemplateEngine, finding: Finding, diagnostic: vscode.Diagnostic, linted: LintedDocument): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  engine.editableFixes(finding, linted.documents, linted.format).forEach(({ fix, edits }, i) => {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = workspaceEdit(edits, linted.uri);
    action.diagnostics = [diagnostic];
    action.isPreferred = i === 0;
    actions.push(action);
  });
  const disable = engine.disableEdits(finding, linted.documents, linted.format);
  if (disable) {
    const action = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this line', finding.rule), vscode.CodeActionKind.QuickFix);
    action.edit = workspaceEdit(disable, linted.uri);
    action.diagnostics = [diagnostic];
    actions.push(action);
  }
  if (isRuleId(finding.rule)) {
    const action = new vscode.CodeAction(vscode.l10n.t('Show documentation for {0}', finding.rule), vscode.CodeActionKind.QuickFix);
    action.command = { title: action.title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [finding.rule], tooltip: CATALOG[finding.rule].title };
    actions.push(action);
  }
  const snippets = finding.fixes[0]?.snippets;
  const copyTitles = { azcli: vscode.l10n.t('Copy az CLI fix'), powershell: vscode.l10n.t('Copy PowerShell fix') };
  const copiedLabels = { azcli: vscode.l10n.t('the az CLI fix for {0}', finding.rule), powershell: vscode.l10n.t('the PowerShell fix for {0}', finding.rule) };
  for (const language of ['azcli', 'powershell'] as const) {
    const text = snippets?.[language];
    if (!text) continue;
    const action = new vscode.CodeAction(copyTitles[language], vscode.CodeActionKind.QuickFix);
    action.command = { title: action.title, command: COPY_TEXT_COMMAND, arguments: [text, copiedLabels[language]] };
    actions.push(action);
  }
  return actions;
}

function fixAllAction(engine: TemplateEngine, linted: LintedDocument): vscode.CodeAction[] {
  const lint = (documents: readonly { path: string; text: string }[]) => engine.lintFile(documents[0], documents.slice(1), { severityOverrides: linted.overrides });
  const edits = engine.fixAllEdits(linted.documents, linted.format, lint);
  if (edits.length === 0) return [];
  const action = new vscode.CodeAction(vscode.l10n.t('Fix all Bastion Doctor problems'), FIX_ALL_KIND);
  action.edit = workspaceEdit(edits, linted.uri);
  return [action];
}
