// The demo environment in the real extension host: Open Demo Environment fills the Bastion Hosts
// tree, and Diagnose Bastion on a demo host gives the findings `bastion-doctor diagnose --demo
// --bastion <host>` gives. The tree and the diagnosis are read through the API activate() returns.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { withAnswers } from './stubs';
import { activatedExtension, waitFor, walk } from './support';

/** What activate() returns: the hosts tree provider and the current diagnosis. */
interface ExtensionApi {
  hosts: vscode.TreeDataProvider<unknown> & { getParent(node: unknown): unknown };
  hostsView: vscode.TreeView<{ id: string; kind?: string }>;
  diagnosis: { report?: { isDemo: boolean; findings: { rule: string }[] } };
}

/** `bastion-doctor diagnose --demo --bastion <host> --format json`, rule ids per host. */
const expectedRules: Record<string, string[]> = {
  'bas-demo-hub': ['bastion-nsg-missing-rule', 'vm-not-running', 'vm-nsg-blocks-bastion', 'vm-peering-not-connected'],
  'bas-demo-branch': ['bastion-diagnostics-disabled', 'bastion-sku-feature-mismatch', 'bastion-subnet-route-table'],
};

async function apiOf(): Promise<ExtensionApi> {
  const exports = (await activatedExtension()).exports as Partial<ExtensionApi> | undefined;
  assert.ok(exports?.hosts && exports.diagnosis && exports.hostsView, 'activate() returns { hosts, diagnosis } (the App) so tests can read the tree and the diagnosis');
  return exports as ExtensionApi;
}

suite('demo environment', () => {
  let api: ExtensionApi;

  suiteSetup(async () => {
    api = await apiOf();
    await vscode.commands.executeCommand('bastionDoctor.openDemo');
  });

  test('Open Demo Environment fills the Bastion Hosts tree with the demo hosts and their VMs', async () => {
    const labels = await waitFor('the demo hosts in the tree', async () => {
      const all = (await walk(api.hosts)).map((s) => s.label);
      return all.some((l) => l.includes('bas-demo-hub')) ? all : undefined;
    });
    for (const host of Object.keys(expectedRules)) assert.ok(labels.some((l) => l.includes(host)), `tree shows ${host}`);
    assert.ok(labels.filter((l) => l.includes('vm-demo-')).length >= 5, `tree shows the demo VMs; it shows:\n${labels.join('\n')}`);
  });

  for (const [host, rules] of Object.entries(expectedRules)) {
    test(`Diagnose Bastion on ${host} gives ${rules.join(', ')}`, async () => {
      const shown = await walk(api.hosts);
      const hostNode = shown.find((s) => s.label.includes(host));
      assert.ok(hostNode, `${host} in the tree`);
      await vscode.commands.executeCommand('bastionDoctor.diagnose', hostNode.node);
      // The previous test's diagnosis stays until this one replaces it: wait for the rules to match.
      let seen: string[] = [];
      await waitFor(`a diagnosis of ${host}`, () => {
        const report = api.diagnosis.report;
        seen = report ? [...new Set(report.findings.map((f) => f.rule))].sort() : [];
        return report?.isDemo && seen.join() === rules.join() ? true : undefined;
      }, 10_000).catch(() => undefined);
      assert.equal(api.diagnosis.report?.isDemo, true, 'the diagnosis is marked as demo');
      assert.deepEqual(seen, rules);
    });
  }

  test('Diagnose Bastion from the palette selects the picked VM under its host in the tree', async () => {
    let vmName = '';
    await withAnswers({
      showQuickPick: async (items) => {
        const list = (await items) as { label: string; vmId?: string }[];
        const host = list.find((item) => item.label === 'bas-demo-hub');
        if (host) return host;
        const vm = list.find((item) => item.vmId !== undefined);
        vmName = vm?.label ?? '';
        return vm;
      },
    }, () => vscode.commands.executeCommand('bastionDoctor.diagnose'));
    assert.ok(vmName, 'the palette offered a VM of bas-demo-hub');
    const selected = await waitFor('the VM selected in the tree', () => (api.hostsView.selection[0]?.kind === 'virtualMachine' ? api.hostsView.selection[0] : undefined));
    const labelOf = async (node: unknown) => {
      const { label } = await api.hosts.getTreeItem(node);
      return typeof label === 'object' ? label.label : (label ?? '');
    };
    assert.match(await labelOf(selected), new RegExp(vmName));
    assert.match(await labelOf(api.hosts.getParent(selected)), /bas-demo-hub/);
    assert.equal(api.hostsView.visible, true);
  });
});
