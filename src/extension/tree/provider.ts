// The Bastion Hosts tree. The root never throws: it shows what to do next (sign in, select
// subscriptions, open the demo) or the reason something failed, and the details go to the log.
import * as vscode from 'vscode';
import type { Topology } from '../../core/model';
import type { LiveInventory } from '../live/inventory';
import type { LiveAzure } from '../live/liveAzure';
import { isCancellation } from '../log';
import { pageSize, severityOverrides, subscriptionFilterEntries } from '../settings';
import type { DiagnosisSelection, TopologySource } from '../sources/source';
import { selectedSubscriptions, type SubscriptionInfo } from '../subscriptionFilter';
import { hostNodeData, summarizeHosts } from './hostSummary';
import { bastionHostNode, isResourceNode, virtualMachineNode } from './hostNodes';
import type { LiveSubscriptionData } from './liveTree';
import { visibleHosts, visibleVms, type HostNodeData } from './nodeData';
import { placeholderNode, type TreeNode } from './node';

export class HostsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private source: TopologySource = { kind: 'live' };
  private filterText: string | undefined;
  private readonly shown = new Map<string, number>();
  private inventory: Promise<LiveInventory | TreeNode[]> | undefined;
  private readonly abort = new AbortController();
  private readonly parents = new WeakMap<TreeNode, TreeNode>();

  constructor(private readonly live: LiveAzure, private readonly log: vscode.LogOutputChannel) {}

  get activeSource(): TopologySource {
    return this.source;
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  setSource(source: TopologySource): void {
    this.source = source;
    this.refresh();
  }

  setFilter(filter: string | undefined): void {
    this.filterText = filter?.trim() === '' ? undefined : filter?.trim();
    this.shown.clear();
    this.changed.fire();
  }

  loadMore(parentId: string): void {
    this.shown.set(parentId, (this.shown.get(parentId) ?? pageSize()) + pageSize());
    this.changed.fire();
  }

  refresh(): void {
    this.inventory = undefined;
    this.shown.clear();
    this.changed.fire();
  }

  /** The live inventory the tree shows, when loaded (for quick picks). */
  async liveInventory(): Promise<LiveInventory | undefined> {
    const loaded = await (this.inventory ??= this.loadInventory());
    return Array.isArray(loaded) ? undefined : loaded;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.getTreeItem();
    item.id = node.id;
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.rootNodes();
    const children = (await node.getChildren?.()) ?? [];
    for (const child of children) this.parents.set(child, node);
    return children;
  }

  /** TreeView.reveal walks up through this: a node's parent is the one whose children it came from. */
  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node);
  }

  /**
   * The node that shows `selection` as the tree shows it now: its VM, else its host; undefined when
   * the filter or paging hides the host.
   */
  async nodeOf(selection: Pick<DiagnosisSelection, 'bastionHostId' | 'virtualMachineId'>): Promise<TreeNode | undefined> {
    const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
    const search = async (parent: TreeNode | undefined, depth: number): Promise<TreeNode | undefined> => {
      for (const child of await this.getChildren(parent)) {
        if (isResourceNode(child) && child.kind === 'bastionHost' && same(child.selection.bastionHostId, selection.bastionHostId)) {
          if (!selection.virtualMachineId) return child;
          const vms = await this.getChildren(child);
          return vms.find((vm) => isResourceNode(vm) && same(vm.selection.virtualMachineId, selection.virtualMachineId)) ?? child;
        }
        // Hosts sit under the source or a subscription node.
        const found = !isResourceNode(child) && depth === 0 ? await search(child, 1) : undefined;
        if (found) return found;
      }
      return undefined;
    };
    return search(undefined, 0);
  }

  private async rootNodes(): Promise<TreeNode[]> {
    try {
      return await this.roots();
    } catch (error) {
      this.log.error(`Bastion Hosts tree: ${error instanceof Error ? error.message : String(error)}`);
      return [this.errorNode(error), demoEntry()];
    }
  }

  private async roots(): Promise<TreeNode[]> {
    const source = this.source;
    if (source.kind !== 'live') return [this.sourceNode(source)];
    const loaded = await (this.inventory ??= this.loadInventory());
    if (Array.isArray(loaded)) return loaded;
    const errors = loaded.otherErrors.map((reason, index) => errorItem(`inventory-error:${index}`, reason));
    if (loaded.subscriptions.length === 0) return [...errors, placeholderNode('no-hosts', vscode.l10n.t('No Bastion hosts in the selected subscriptions'), { icon: 'info' }), selectEntry(), demoEntry()];
    return [...errors, ...loaded.subscriptions.map((data) => this.subscriptionNode(data))];
  }

  private async loadInventory(): Promise<LiveInventory | TreeNode[]> {
    try {
      const subscriptions = await this.live.subscriptions(this.abort.signal);
      if (subscriptions === undefined) return [signInEntry(), demoEntry()];
      const selected = selectedSubscriptions(subscriptions, subscriptionFilterEntries());
      if (selected.length === 0) return [selectEntry(), demoEntry()];
      const inventory = await this.live.inventory(selected, this.abort.signal);
      for (const error of [...inventory.otherErrors, ...inventory.subscriptions.flatMap((s) => s.errors)]) this.log.warn(error);
      return inventory;
    } catch (error) {
      // A session that expired or was revoked: the way on is signing in again, not an error.
      if (error instanceof Error && error.name === 'NotSignedInError') {
        this.log.warn(error.message);
        return [signInEntry(), demoEntry()];
      }
      throw error;
    }
  }

  private sourceNode(source: Exclude<TopologySource, { kind: 'live' }>): TreeNode {
    const id = `source:${source.kind}`;
    return {
      id,
      getTreeItem: () => {
        const label = source.kind === 'demo' ? vscode.l10n.t('Demo environment') : source.label;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = source.kind === 'demo' ? vscode.l10n.t('Demo') : vscode.l10n.t('Snapshot');
        item.tooltip = source.kind === 'demo' ? source.label : source.uri.fsPath;
        item.iconPath = new vscode.ThemeIcon(source.kind === 'demo' ? 'beaker' : 'file');
        item.contextValue = `source;${source.kind}`;
        return item;
      },
      getChildren: () => {
        const hosts = this.hostNodes(summarizeHosts(source.topology, severityOverrides()).map(hostNodeData), source, id, source.topology, undefined);
        return hosts.length > 0 ? hosts : [placeholderNode(`${id}/empty`, vscode.l10n.t('No Bastion hosts in this file'), { icon: 'info' })];
      },
    };
  }

  private subscriptionNode(data: LiveSubscriptionData): TreeNode {
    const { subscription } = data;
    const id = `subscription:${subscription.subscriptionId}`;
    return {
      id,
      getTreeItem: () => {
        const item = new vscode.TreeItem(subscription.displayName, vscode.TreeItemCollapsibleState.Expanded);
        item.description = subscription.subscriptionId;
        item.iconPath = new vscode.ThemeIcon(data.errors.length > 0 ? 'warning' : 'key');
        item.contextValue = 'subscription';
        return item;
      },
      getChildren: () => [
        ...data.errors.map((reason, index) => errorItem(`${id}/error:${index}`, reason)),
        ...this.hostNodes(data.hosts, { kind: 'live' }, id, data.topology, subscription),
      ],
    };
  }

  private hostNodes(hosts: HostNodeData[], source: TopologySource, parentId: string, topology: Topology, subscription: SubscriptionInfo | undefined): TreeNode[] {
    const { visible, remaining } = visibleHosts(hosts, this.filterText, this.shown.get(parentId) ?? pageSize());
    const nodes: TreeNode[] = visible.map((host) => bastionHostNode(
      host,
      { source, topology, bastionHostId: host.id, subscription },
      (data, hostNodeId) => this.vmNodes(data, hostNodeId, source, topology, subscription),
    ));
    if (remaining > 0) nodes.push(loadMoreNode(parentId, remaining));
    return nodes;
  }

  private vmNodes(host: HostNodeData, hostNodeId: string, source: TopologySource, topology: Topology, subscription: SubscriptionInfo | undefined): TreeNode[] {
    if (host.vms.length === 0) return [placeholderNode(`${hostNodeId}/none`, vscode.l10n.t('No VMs this host can reach'), { icon: 'info' })];
    const { visible, remaining } = visibleVms(host, this.filterText, this.shown.get(hostNodeId) ?? pageSize());
    const nodes: TreeNode[] = visible.map((vm) => virtualMachineNode(vm, { source, topology, bastionHostId: host.id, virtualMachineId: vm.id, subscription }, hostNodeId));
    if (remaining > 0) nodes.push(loadMoreNode(hostNodeId, remaining));
    return nodes;
  }

  private errorNode(error: unknown): TreeNode {
    const reason = isCancellation(error) ? vscode.l10n.t('Loading was cancelled') : error instanceof Error ? error.message.split('\n')[0] : String(error);
    return placeholderNode('error', vscode.l10n.t('Error: {0}', reason), { icon: 'error', tooltip: reason, command: 'bastionDoctor.showLogs' });
  }

  dispose(): void {
    this.abort.abort();
    this.changed.dispose();
  }
}

function signInEntry(): TreeNode {
  return placeholderNode('sign-in', vscode.l10n.t('Sign in to Azure…'), { command: 'bastionDoctor.signIn', icon: 'sign-in' });
}

/** A reason something could not be listed; clicking it opens the log with the details. */
function errorItem(id: string, reason: string): TreeNode {
  return placeholderNode(id, reason, { icon: 'error', tooltip: reason, command: 'bastionDoctor.showLogs' });
}

function demoEntry(): TreeNode {
  return placeholderNode('open-demo', vscode.l10n.t('Open Demo Environment'), { command: 'bastionDoctor.openDemo', icon: 'beaker' });
}

function selectEntry(): TreeNode {
  return placeholderNode('select-subscriptions', vscode.l10n.t('Select subscriptions…'), { command: 'bastionDoctor.selectSubscriptions', icon: 'filter' });
}

function loadMoreNode(parentId: string, remaining: number): TreeNode {
  return placeholderNode(`${parentId}/load-more`, vscode.l10n.t('Load more'), {
    command: 'bastionDoctor.loadMore',
    args: [parentId],
    icon: 'ellipsis',
    description: vscode.l10n.t('{0} more', remaining),
  });
}
