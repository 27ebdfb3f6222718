// Helpers shared by the integration suites: waiting on the extension host, reading Bastion
// Doctor's diagnostics, retrying calls that VS Code cancels while a language client starts.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'bastion-doctor.bastion-doctor';

export async function activatedExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the extension host`);
  await extension.activate();
  return extension;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns something other than undefined, or fails with `what` after timeoutMs. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await sleep(200);
  }
}

/** The rule id a diagnostic carries (Diagnostic.code is `{ value, target }` for Bastion Doctor). */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

const RULE_ID = /^(bastion|vm|check)-[a-z0-9-]+$/;

/** Bastion Doctor's diagnostics on a file (other extensions', e.g. the JSON schema's, left out). */
export function bastionDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => RULE_ID.test(ruleIdOf(d) ?? ''));
}

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration run opens samples/workspace; no folder is open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Runs a VS Code command that may reject with "Canceled" while a language client starts. */
export async function executeWithRetry<T>(command: string, ...args: unknown[]): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      return await vscode.commands.executeCommand<T>(command, ...args);
    } catch (error) {
      lastError = error;
      if (!/cancel/i.test(String(error))) throw error;
      await sleep(300);
    }
  }
  throw lastError;
}

export interface Shown {
  node: unknown;
  label: string;
  depth: number;
}

async function labelOf(provider: vscode.TreeDataProvider<unknown>, node: unknown): Promise<string> {
  const item = await provider.getTreeItem(node);
  const label = typeof item.label === 'object' ? item.label.label : item.label;
  return label ?? '';
}

/** Every node of the tree down to `maxDepth`, expanding as a user would. */
export async function walk(provider: vscode.TreeDataProvider<unknown>, maxDepth = 4): Promise<Shown[]> {
  const shown: Shown[] = [];
  const visit = async (parent: unknown, depth: number): Promise<void> => {
    const children = (await provider.getChildren(parent)) ?? [];
    for (const node of children) {
      shown.push({ node, label: await labelOf(provider, node), depth });
      const item = await provider.getTreeItem(node);
      if (depth < maxDepth && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) await visit(node, depth + 1);
    }
  };
  await visit(undefined, 0);
  return shown;
}
