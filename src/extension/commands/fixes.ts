// Fix actions on the Diagnosis view: copy a snippet, run an az CLI / PowerShell snippet after
// the user has seen it in a modal, open a rule's documentation page.
import * as vscode from 'vscode';
import type { SnippetLanguage } from '../../core/findings';
import type { App } from '../app';
import { isRuleId, type RuleId } from '../../core/catalog';
import { isFindingNode, isFixNode, type FixNode } from '../diagnosis/nodes';

const LANGUAGE_LABELS: Record<SnippetLanguage, string> = {
  azcli: 'Azure CLI',
  powershell: 'Azure PowerShell',
  arm: 'ARM template',
  bicep: 'Bicep',
  terraform: 'Terraform',
};

async function pickSnippet(node: FixNode, languages: readonly SnippetLanguage[]): Promise<{ language: SnippetLanguage; text: string } | undefined> {
  const available = languages.flatMap((language) => (node.fix.snippets[language] !== undefined ? [{ language, text: node.fix.snippets[language] as string }] : []));
  if (available.length <= 1) return available[0];
  const picked = await vscode.window.showQuickPick(
    available.map((entry) => ({ label: LANGUAGE_LABELS[entry.language], entry })),
    { placeHolder: vscode.l10n.t('Which form of the fix?') },
  );
  return picked?.entry;
}

export async function copyFixSnippet(_app: App, node: unknown): Promise<void> {
  if (!isFixNode(node)) return;
  const snippet = await pickSnippet(node, ['azcli', 'powershell', 'bicep', 'terraform', 'arm']);
  if (!snippet) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This fix is done by hand: {0}', node.fix.title));
    return;
  }
  await vscode.env.clipboard.writeText(snippet.text);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied the {0} fix.', LANGUAGE_LABELS[snippet.language]));
}

export async function runFixInTerminal(app: App, node: unknown): Promise<void> {
  if (!isFixNode(node)) return;
  const snippet = await pickSnippet(node, ['azcli', 'powershell']);
  if (!snippet) return;
  const demo = app.diagnosis.report?.isDemo === true;
  const run = vscode.l10n.t('Run in Terminal');
  const detail = [
    ...(demo ? [vscode.l10n.t('This fix comes from DEMO data; the resources do not exist in your Azure.')] : []),
    snippet.text,
    ...(node.fix.notes ?? []),
  ].join('\n\n');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Run this {0} command? It changes your Azure resources.', LANGUAGE_LABELS[snippet.language]), { modal: true, detail }, run);
  if (answer !== run) return;
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Bastion Doctor fix'), shellPath: snippet.language === 'powershell' ? 'pwsh' : undefined });
  terminal.show();
  terminal.sendText(snippet.text, true);
  app.log.info(`Sent fix "${node.fix.title}" (${snippet.language}) to a terminal after confirmation.`);
}

/**
 * Opens a rule's page. `target` is a rule id (the editor's "Show documentation" code action) or a
 * finding or fix node of the Diagnosis view (its context menu).
 */
export async function showRuleDocumentation(app: App, target: unknown): Promise<void> {
  const rule = ruleOfTarget(target);
  if (!rule) {
    app.log.warn(`Show Rule Documentation was run without a rule id or a finding (${typeof target})`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Show Rule Documentation needs a rule id or a finding of the Diagnosis view.'));
    return;
  }
  const uri = vscode.Uri.joinPath(app.context.extensionUri, 'docs', 'rules', `${rule}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

function ruleOfTarget(target: unknown): RuleId | undefined {
  if (typeof target === 'string') return isRuleId(target) ? target : undefined;
  return isFindingNode(target) || isFixNode(target) ? target.finding.rule : undefined;
}
