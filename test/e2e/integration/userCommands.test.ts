// Every contributed command, run as its menus, tree items and code actions run it (with their
// arguments), asserting what it did: the tree it filled, the page it opened, the clipboard, or the
// refusal it gave. Dialogs are answered through stubs.ts. A command added to package.json without
// a case here fails the first test. Sign In and Select Subscriptions need the fake ARM: they are
// run by liveAzure.test.ts. The suite runs last (files run by name): Lint Workspace opens every
// template as a document, which templates.test.ts needs some not to be.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { diagnosisRoots } from '../../../src/extension/diagnosis/nodes';
import type { TreeNode } from '../../../src/extension/tree/node';
import { armNic, armResourceId, armVm, hubScenario, subnetIdOf } from '../../support/arm';
import { withAnswers, firstItem, type Shown } from './stubs';
import { activatedExtension, waitFor, walk, type Shown as TreeEntry } from './support';

interface ExtensionApi {
  hosts: vscode.TreeDataProvider<unknown>;
  diagnosis: { report?: Parameters<typeof diagnosisRoots>[0] };
}

/** Covered by liveAzure.test.ts, which serves a signed-in Azure from the fake ARM. */
const RUN_ELSEWHERE = new Set(['bastionDoctor.signIn', 'bastionDoctor.selectSubscriptions']);

const messages = (shown: readonly Shown[]) => shown.map((s) => s.message);

let api: ExtensionApi;

async function treeEntries(): Promise<TreeEntry[]> {
  return walk(api.hosts);
}

async function treeNode(label: string): Promise<unknown> {
  const entry = await waitFor(`${label} in the Bastion Hosts tree`, async () => (await treeEntries()).find((s) => s.label.includes(label)));
  return entry.node;
}

async function diagnosisNodes(): Promise<{ finding: TreeNode; fix: TreeNode }> {
  const report = await waitFor('a diagnosis', () => api.diagnosis.report);
  const layers = diagnosisRoots(report).filter((node) => node.id.startsWith('layer:'));
  const findings = (await Promise.all(layers.map(async (layer) => (await layer.getChildren?.()) ?? []))).flat();
  for (const finding of findings) {
    const fix = ((await finding.getChildren?.()) ?? []).find((child) => (child as { kind?: string }).kind === 'fix' && (child as unknown as { fix: { snippets: { azcli?: string } } }).fix.snippets.azcli);
    if (fix) return { finding, fix };
  }
  throw new Error('the demo diagnosis has a finding with an az CLI fix');
}

function openTabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
}

async function clipboardAfter(run: () => PromiseLike<unknown>): Promise<{ text: string; shown: Shown[] }> {
  await vscode.env.clipboard.writeText('');
  const shown = await withAnswers({ showQuickPick: firstItem }, run);
  return { text: await vscode.env.clipboard.readText(), shown };
}

/** Twelve VMs behind one host: with pageSize 10 the host shows "Load more". */
function snapshotWithTwelveVms(): string {
  const hub = hubScenario();
  const extra = Array.from({ length: 11 }, (_, i) => {
    const name = `vm-page-${String(i + 2).padStart(2, '0')}`;
    const vmId = armResourceId('Microsoft.Compute/virtualMachines', [name]);
    const nic = armNic({ name: `nic-${name}`, subnet: subnetIdOf(hub.vnet, 'snet-workload'), vm: vmId, privateIp: `10.0.2.${10 + i}` });
    return [nic, armVm({ name, nics: [nic] })];
  }).flat();
  return JSON.stringify([...hub.resources, ...extra], null, 2);
}

const cases: Record<string, () => Promise<void>> = {
  'bastionDoctor.openDemo': async () => {
    await withAnswers({}, () => vscode.commands.executeCommand('bastionDoctor.openDemo'));
    await treeNode('bas-demo-hub');
  },
  'bastionDoctor.refresh': async () => {
    await vscode.commands.executeCommand('bastionDoctor.refresh');
    await treeNode('bas-demo-branch');
  },
  'bastionDoctor.filter': async () => {
    await withAnswers({ showInputBox: () => 'branch' }, () => vscode.commands.executeCommand('bastionDoctor.filter'));
    const labels = (await treeEntries()).map((s) => s.label);
    assert.ok(labels.some((l) => l.includes('bas-demo-branch')) && !labels.some((l) => l.includes('bas-demo-hub')), labels.join('\n'));
    await withAnswers({ showInputBox: () => '' }, () => vscode.commands.executeCommand('bastionDoctor.filter'));
    await treeNode('bas-demo-hub');
  },
  'bastionDoctor.diagnose': async () => {
    await withAnswers({}, async () => vscode.commands.executeCommand('bastionDoctor.diagnose', await treeNode('bas-demo-hub')));
    const report = await waitFor('the diagnosis of bas-demo-hub', () => (api.diagnosis.report?.findings.some((f) => f.rule === 'vm-not-running') ? api.diagnosis.report : undefined));
    assert.equal(report.isDemo, true);
  },
  'bastionDoctor.deepCheck': async () => {
    const shown = await withAnswers({}, async () => vscode.commands.executeCommand('bastionDoctor.deepCheck', await treeNode('bas-demo-hub')));
    assert.ok(messages(shown).some((m) => /Deep checks ask live Azure/.test(m)), `refused on demo data: ${messages(shown).join(' | ')}`);
  },
  'bastionDoctor.copyNativeClientCommand': async () => {
    const vm = (await treeEntries()).find((s) => (s.node as { kind?: string }).kind === 'virtualMachine');
    assert.ok(vm, 'a demo VM under its host');
    const { text } = await clipboardAfter(() => vscode.commands.executeCommand('bastionDoctor.copyNativeClientCommand', vm.node));
    assert.match(text, /^az network bastion (ssh|rdp) /);
  },
  'bastionDoctor.copyResourceId': async () => {
    const { text } = await clipboardAfter(async () => vscode.commands.executeCommand('bastionDoctor.copyResourceId', await treeNode('bas-demo-hub')));
    assert.match(text, /\/providers\/Microsoft\.Network\/bastionHosts\/bas-demo-hub$/i);
  },
  'bastionDoctor.openInPortal': async () => {
    const shown = await withAnswers({}, async () => vscode.commands.executeCommand('bastionDoctor.openInPortal', await treeNode('bas-demo-hub')));
    assert.ok(messages(shown).some((m) => /demo data/.test(m)), `refused on demo data: ${messages(shown).join(' | ')}`);
  },
  'bastionDoctor.showReport': async () => {
    await vscode.commands.executeCommand('bastionDoctor.showReport');
    const reportTab = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('bastionDoctor.report'));
    await waitFor(`the report panel (open: ${openTabLabels().join(', ')})`, reportTab);
  },
  'bastionDoctor.copyReportMarkdown': async () => {
    const { text } = await clipboardAfter(() => vscode.commands.executeCommand('bastionDoctor.copyReportMarkdown'));
    assert.match(text, /bas-demo-hub/);
    assert.match(text, /vm-not-running/);
  },
  'bastionDoctor.copyFixSnippet': async () => {
    const { fix } = await diagnosisNodes();
    const { text } = await clipboardAfter(() => vscode.commands.executeCommand('bastionDoctor.copyFixSnippet', fix));
    assert.match(text, /^az /m);
  },
  'bastionDoctor.runFixInTerminal': async () => {
    const { fix } = await diagnosisNodes();
    const terminals = vscode.window.terminals.length;
    const shown = await withAnswers({ showQuickPick: firstItem }, () => vscode.commands.executeCommand('bastionDoctor.runFixInTerminal', fix));
    const confirmation = shown.find((s) => s.kind === 'showWarningMessage');
    assert.ok(confirmation, 'asks before running');
    assert.deepEqual((confirmation.args[1] as { modal?: boolean }).modal, true);
    assert.match(String((confirmation.args[1] as { detail?: string }).detail), /DEMO data[\s\S]*az /);
    assert.equal(vscode.window.terminals.length, terminals, 'declined: no terminal opened');
  },
  'bastionDoctor.showRuleDocumentation': async () => {
    const { finding } = await diagnosisNodes();
    const rule = (finding as unknown as { finding: { rule: string } }).finding.rule;
    await vscode.commands.executeCommand('bastionDoctor.showRuleDocumentation', finding);
    await waitFor(`the ${rule} page`, () => (openTabLabels().some((l) => l.includes(`${rule}.md`)) ? true : undefined));
  },
  'bastionDoctor.saveSnapshot': async () => {
    const shown = await withAnswers({}, () => vscode.commands.executeCommand('bastionDoctor.saveSnapshot'));
    assert.ok(messages(shown).some((m) => /needs a diagnosis of live Azure resources/.test(m)), `refused on demo data: ${messages(shown).join(' | ')}`);
  },
  'bastionDoctor.openSnapshot': async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const file = vscode.Uri.joinPath(folder, 'twelve-vms.snapshot.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(snapshotWithTwelveVms()));
    await vscode.workspace.getConfiguration('bastionDoctor').update('pageSize', 10, vscode.ConfigurationTarget.Workspace);
    await withAnswers({ showOpenDialog: () => [file] }, () => vscode.commands.executeCommand('bastionDoctor.openSnapshot'));
    await treeNode('vm-page-');
  },
  'bastionDoctor.loadMore': async () => {
    const vmCount = async () => (await treeEntries()).filter((s) => /vm-(web|page)-/.test(s.label)).length;
    const before = await waitFor('ten VMs and Load more', async () => ((await vmCount()) === 10 ? 10 : undefined));
    const loadMore = await waitFor('the Load more item', async () => {
      for (const entry of await treeEntries()) {
        const command = (await api.hosts.getTreeItem(entry.node)).command;
        if (command?.command === 'bastionDoctor.loadMore') return command;
      }
      return undefined;
    });
    await vscode.commands.executeCommand(loadMore.command, ...(loadMore.arguments ?? []));
    await waitFor('all twelve VMs', async () => ((await vmCount()) === before + 2 ? true : undefined));
  },
  'bastionDoctor.lintWorkspace': async () => {
    const shown = await withAnswers({}, () => vscode.commands.executeCommand('bastionDoctor.lintWorkspace'));
    const summary = messages(shown).find((m) => /^Bastion Doctor linted \d+ templates?:/.test(m));
    assert.ok(summary, messages(shown).join(' | '));
    assert.ok(Number(/linted (\d+)/.exec(summary)?.[1]) >= 4, summary);
  },
  'bastionDoctor.showLogs': async () => {
    await vscode.commands.executeCommand('bastionDoctor.showLogs');
    await waitFor('the Bastion Doctor log', () => (vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && /Bastion/i.test(d.uri.path)) ? true : undefined));
  },
  'bastionDoctor.internal.copyText': async () => {
    const { text, shown } = await clipboardAfter(() => vscode.commands.executeCommand('bastionDoctor.internal.copyText', 'az network nsg rule create …', 'the az CLI fix'));
    assert.equal(text, 'az network nsg rule create …');
    assert.ok(messages(shown).includes('Copied the az CLI fix to the clipboard.'), messages(shown).join(' | '));
  },
};

suite('every contributed command, with the arguments its menus pass', () => {
  suiteSetup(async () => {
    api = (await activatedExtension()).exports as ExtensionApi;
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('bastionDoctor').update('pageSize', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('each contributed command has a case here or in liveAzure.test.ts', async () => {
    const contributed = ((await activatedExtension()).packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.deepEqual(contributed.filter((id) => !(id in cases) && !RUN_ELSEWHERE.has(id)), []);
  });

  for (const [id, run] of Object.entries(cases)) test(id, run);
});
