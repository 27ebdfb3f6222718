// Broken ARM, Bicep and Terraform templates from samples/workspace get Bastion Doctor's
// diagnostics in the real editor, and each quick fix, applied through the code action provider,
// removes the diagnostic it was offered for.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activatedExtension, bastionDiagnostics, executeWithRetry, ruleIdOf, waitFor, workspaceFile } from './support';

/** The rule ids each sample must show (the same as `bastion-doctor lint samples/workspace`). */
const templates = [
  { file: 'arm/nsg-bastion.json', rules: ['bastion-nsg-missing-rule'] },
  { file: 'bicep/bastion.bicep', rules: ['bastion-nsg-missing-rule', 'bastion-subnet-too-small'] },
  { file: 'terraform/main.tf', rules: ['bastion-nsg-missing-rule'] },
  // The finding sits in ../modules/bastion-nsg.bicep; only this caller puts that NSG on AzureBastionSubnet.
  { file: 'bicep-module/hub.bicep', rules: ['bastion-nsg-missing-rule'] },
];

/** Reverts every edited document (a fix may edit a module file the test never showed). */
async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

const ruleIds = (diagnostics: readonly vscode.Diagnostic[]) => [...new Set(diagnostics.map((d) => ruleIdOf(d) ?? ''))].sort();

async function openAndWaitForDiagnostics(file: string, expected: readonly string[]): Promise<vscode.Uri> {
  const uri = workspaceFile(file);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  let seen: string[] = [];
  try {
    await waitFor(`diagnostics ${expected.join(', ')} on ${file}`, () => {
      seen = ruleIds(bastionDiagnostics(uri));
      return seen.join() === [...expected].sort().join() ? true : undefined;
    }, 20_000);
  } catch {
    assert.deepEqual(seen, [...expected].sort(), `Bastion Doctor diagnostics on ${file}`);
  }
  return uri;
}

/** The fix the extension offers for one diagnostic: a quick fix that edits the file. */
async function fixFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<{ fix?: vscode.CodeAction; titles: string[] }> {
  const actions = (await executeWithRetry<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const titles = actions.map((a) => `${a.title}${'edit' in a && a.edit ? ` (edit ${a.edit.size})` : ''}${'isPreferred' in a && a.isPreferred ? ' preferred' : ''}`);
  const fixes = actions.filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && a.edit.size > 0 && !a.title.startsWith('Disable '));
  // Actions come back for every diagnostic in the range; keep those tied to this one (an action
  // whose diagnostics did not survive the round trip is kept: the range already selects it).
  const forThisRule = fixes.filter((a) => !a.diagnostics?.length || a.diagnostics.some((d) => d.message === diagnostic.message));
  return { fix: forThisRule.find((a) => a.isPreferred) ?? forThisRule[0], titles };
}

suite('templates', () => {
  suiteSetup(async () => {
    await activatedExtension();
  });

  for (const { file, rules } of templates) {
    test(`${file} shows ${rules.join(', ')}`, async () => {
      await openAndWaitForDiagnostics(file, rules);
    });
  }

  for (const { file, rules } of templates) {
    test(`every quick fix on ${file} removes its diagnostic`, async () => {
      const uri = await openAndWaitForDiagnostics(file, rules);
      let fixed = 0;
      const offered: string[] = [];
      const tried = new Set<string>();
      for (;;) {
        const pending = bastionDiagnostics(uri).filter((d) => !tried.has(`${ruleIdOf(d)} ${d.message}`));
        const diagnostic = pending[0];
        if (!diagnostic) break;
        const key = `${ruleIdOf(diagnostic)} ${diagnostic.message}`;
        tried.add(key);
        const { fix, titles } = await fixFor(uri, diagnostic);
        offered.push(`${key}: ${titles.join(' | ') || 'no actions'}`);
        if (!fix?.edit) continue;
        assert.equal(await vscode.workspace.applyEdit(fix.edit), true, `applying "${fix.title}"`);
        await waitFor(`"${key}" to go after "${fix.title}"`, () =>
          bastionDiagnostics(uri).some((d) => `${ruleIdOf(d)} ${d.message}` === key) ? undefined : true,
        );
        fixed += 1;
      }
      assert.ok(fixed > 0, `no diagnostic on ${file} offered a quick fix that edits the file; offered:\n${offered.join('\n')}`);
      await revertAll();
    });
  }

  test('the "Show documentation" code action opens the rule\'s page', async function () {
    this.timeout(90_000);
    const uri = await openAndWaitForDiagnostics('arm/nsg-bastion.json', ['bastion-nsg-missing-rule']);
    const [diagnostic] = bastionDiagnostics(uri);
    const actions = (await executeWithRetry<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const docs = actions.find((a) => a.title === 'Show documentation for bastion-nsg-missing-rule');
    assert.ok(docs?.command, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    try {
      await vscode.commands.executeCommand(docs.command.command, ...(docs.command.arguments ?? []));
      // The Markdown preview may first have to start the built-in Markdown extension.
      const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
      await waitFor(`the bastion-nsg-missing-rule page (tabs: ${tabs().join(', ')})`, () => (tabs().some((label) => label.includes('bastion-nsg-missing-rule.md')) ? true : undefined), 40_000);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('bastion-doctor.json sets rule levels, the bastionDoctor.rules setting wins over it, and a mistake in it is shown on its line', async function () {
    this.timeout(90_000);
    const uri = await openAndWaitForDiagnostics('arm/nsg-bastion.json', ['bastion-nsg-missing-rule']);
    const configUri = workspaceFile('bastion-doctor.json');
    await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode('{}\n'));
    const config = await vscode.workspace.openTextDocument(configUri);
    const writeConfig = async (text: string) => {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(configUri, new vscode.Range(0, 0, config.lineCount, 0), text);
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      assert.equal(await config.save(), true);
    };
    const severities = () => bastionDiagnostics(uri).map((d) => d.severity);
    try {
      await writeConfig('{ "rules": { "bastion-nsg-missing-rule": "info" } }\n');
      await waitFor('the finding at the level bastion-doctor.json sets', () => (severities().length > 0 && severities().every((s) => s === vscode.DiagnosticSeverity.Information) ? true : undefined), 30_000);
      await vscode.workspace.getConfiguration('bastionDoctor').update('rules', { 'bastion-nsg-missing-rule': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('the setting on top of the file', () => (severities().length > 0 && severities().every((s) => s === vscode.DiagnosticSeverity.Warning) ? true : undefined), 30_000);
      await vscode.workspace.getConfiguration('bastionDoctor').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await writeConfig('{\n  "rules": {\n    "bastion-nsg-missing-rul": "off"\n  }\n}\n');
      const [problem] = await waitFor('the mistake on bastion-doctor.json', () => {
        const found = vscode.languages.getDiagnostics(configUri).filter((d) => d.source === 'Bastion Doctor');
        return found.length > 0 ? found : undefined;
      }, 30_000);
      assert.equal(problem.range.start.line, 2);
      assert.match(problem.message, /unknown rule id 'bastion-nsg-missing-rul'/);
      await waitFor('the template back at its own levels', () => (severities().includes(vscode.DiagnosticSeverity.Error) ? true : undefined), 30_000);
    } finally {
      await vscode.workspace.getConfiguration('bastionDoctor').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(configUri);
    }
  });

  test('a finding in a Bicep module in another folder is shown on the module declaration, and its fix edits the module', async () => {
    const uri = await openAndWaitForDiagnostics('bicep-module/hub.bicep', ['bastion-nsg-missing-rule']);
    const moduleUri = workspaceFile('modules/bastion-nsg.bicep');
    const [diagnostic] = bastionDiagnostics(uri);
    const hub = await vscode.workspace.openTextDocument(uri);
    assert.match(hub.lineAt(diagnostic.range.start.line).text, /^module bastionNsg '\.\.\/modules\/bastion-nsg\.bicep'/);
    assert.match(diagnostic.message, /^In module 'bastionNsg' \(\.\.\/modules\/bastion-nsg\.bicep, line 8\): NSG nsg-sample-hub-bastion .*8080, 5701/);
    const declared = diagnostic.relatedInformation?.[0]?.location;
    assert.equal(declared?.uri.toString(), moduleUri.toString());
    assert.equal(declared?.range.start.line, 7, 'the NSG resource in the module file');
    const { fix } = await fixFor(uri, diagnostic);
    assert.ok(fix?.edit, 'a quick fix that edits');
    assert.deepEqual(fix.edit.entries().map(([edited]) => edited.toString()), [moduleUri.toString()], 'the fix edits the module, not the caller');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    // The caller is linted again when the module it read changes.
    await waitFor('the module finding on hub.bicep to go', () => (bastionDiagnostics(uri).length === 0 ? true : undefined));
    await revertAll();
    await waitFor('the finding to come back once the module is reverted', () => (bastionDiagnostics(uri).length === 1 ? true : undefined));
  });

  test('a Terraform module\'s file that is not open shows its findings while another file of the folder is edited', async () => {
    const nsgUri = workspaceFile('terraform-module/nsg.tf');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === nsgUri.toString()), 'nsg.tf is not open');
    await openAndWaitForDiagnostics('terraform-module/main.tf', []);
    const [diagnostic] = await waitFor('the NSG finding on nsg.tf', () => {
      const found = bastionDiagnostics(nsgUri);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(ruleIdOf(diagnostic), 'bastion-nsg-missing-rule');
    assert.match(diagnostic.message, /8080, 5701/);
    assert.equal(diagnostic.range.start.line, 4, 'on the NSG resource in nsg.tf');
    // Opened, the file lints itself and offers the fix; applying it clears the finding.
    const nsg = await vscode.workspace.openTextDocument(nsgUri);
    await vscode.window.showTextDocument(nsg);
    const { fix } = await fixFor(nsgUri, diagnostic);
    assert.ok(fix?.edit, 'a quick fix that edits nsg.tf');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    await waitFor('the finding on nsg.tf to go', () => (bastionDiagnostics(nsgUri).length === 0 ? true : undefined));
    await revertAll();
  });
});

