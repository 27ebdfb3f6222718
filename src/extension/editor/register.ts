// Template linting in the editor: diagnostics on open, change and save, code actions, the status
// bar item and "Lint Workspace". The logic lives in src/templates; this wires it to VS Code.
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import { COPY_TEXT_COMMAND, TemplateCodeActions } from './codeActions';
import { findingsSummary, registerStatusBar } from './statusBar';
import { loadTemplateEngine } from './loadEngine';
import { documentPath, readText } from './templateFiles';
import { mayBeTemplate, TEMPLATE_SELECTOR, TemplateLinter } from './templateLinter';

/** The name src/templates/ruleConfig.ts reads (kept here so activation loads no template code). */
const RULE_CONFIG_FILE = 'bastion-doctor.json';
const WORKSPACE_TEMPLATES = '**/*.{json,jsonc,bicep,tf}';
const NOT_TEMPLATES = '{**/node_modules/**,**/.git/**,**/.terraform/**}';

let activeLinter: TemplateLinter | undefined;

export function registerTemplateLinting(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const linter = new TemplateLinter(log);
  activeLinter = linter;
  const scheduleIfTemplate = (document: vscode.TextDocument) => {
    if (mayBeTemplate(document)) linter.schedule(document);
  };
  const scheduleWithDependents = (document: vscode.TextDocument) => {
    // A bastion-doctor.json sets the levels of every template below it.
    if (document.uri.path.endsWith(`/${RULE_CONFIG_FILE}`)) vscode.workspace.textDocuments.forEach(scheduleIfTemplate);
    scheduleIfTemplate(document);
    linter.dependentsOf(document.uri).forEach(scheduleIfTemplate);
  };
  context.subscriptions.push(
    linter,
    { dispose: () => (activeLinter = activeLinter === linter ? undefined : activeLinter) },
    vscode.languages.registerCodeActionsProvider(
      TEMPLATE_SELECTOR,
      new TemplateCodeActions(linter),
      TemplateCodeActions.metadata,
    ),
    vscode.commands.registerCommand(COPY_TEXT_COMMAND, async (text: unknown, label: unknown) => {
      if (typeof text !== 'string') return;
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied {0} to the clipboard.', typeof label === 'string' ? label : vscode.l10n.t('the fix')));
    }),
    vscode.workspace.onDidOpenTextDocument(scheduleIfTemplate),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) scheduleWithDependents(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument(scheduleWithDependents),
    vscode.workspace.onDidCloseTextDocument((document) => {
      // Keep what Lint Workspace found for files on disk; drop results of unsaved scratch buffers.
      if (document.uri.scheme === 'untitled') linter.forget(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('bastionDoctor.rules') || event.affectsConfiguration('bastionDoctor.lint')) {
        vscode.workspace.textDocuments.forEach(scheduleIfTemplate);
      }
    }),
    registerStatusBar(linter),
  );
  vscode.workspace.textDocuments.forEach(scheduleIfTemplate);
}

export async function lintWorkspace(log: vscode.LogOutputChannel): Promise<void> {
  const linter = activeLinter;
  if (!linter) return;
  const uris = await vscode.workspace.findFiles(WORKSPACE_TEMPLATES, NOT_TEMPLATES);
  const totals = { templates: 0, findings: [] as Finding[] };
  const engine = await loadTemplateEngine();
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Bastion Doctor: linting templates'), cancellable: true },
    async (progress, token) => {
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
        try {
          const text = await readText(uri);
          if (!engine.formatOfFile(documentPath(uri), text)) continue;
          const document = await vscode.workspace.openTextDocument(uri);
          const result = await linter.lint(document);
          if (!result) continue;
          totals.templates++;
          totals.findings.push(...result.findings);
        } catch (error) {
          log.warn(`Lint Workspace could not read ${uri.toString()}`, error);
        }
      }
    },
  );
  const summary = totals.templates === 1
    ? vscode.l10n.t('Bastion Doctor linted 1 template: {0}.', findingsSummary(totals.findings))
    : vscode.l10n.t('Bastion Doctor linted {0} templates: {1}.', totals.templates, findingsSummary(totals.findings));
  log.info(summary);
  const showProblems = vscode.l10n.t('Show Problems');
  const choice = await vscode.window.showInformationMessage(summary, ...(totals.findings.length > 0 ? [showProblems] : []));
  if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
