// Open Snapshot…: a JSON file of ARM resources (as Save Snapshot writes) becomes the source.
// Parse errors name file:line:col, so the user can go straight to the spot.
import * as vscode from 'vscode';
import { mapArmResources } from '../../core/arm';
import { parseSnapshot, resourceOrigins } from '../../core/snapshot';
import type { TopologySource } from './source';

export type SnapshotLoad = { ok: true; source: TopologySource } | { ok: false; message: string };

export async function pickSnapshotFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Open Snapshot'),
    filters: { [vscode.l10n.t('Snapshot (JSON)')]: ['json', 'jsonc'] },
  });
  return picked?.[0];
}

export async function loadSnapshot(uri: vscode.Uri): Promise<SnapshotLoad> {
  const name = uri.path.split('/').pop() ?? uri.path;
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    return { ok: false, message: vscode.l10n.t('{0}: cannot be read ({1})', uri.fsPath, error instanceof Error ? error.message : String(error)) };
  }
  const parsed = parseSnapshot(text, uri.fsPath);
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  const topology = mapArmResources(parsed.resources, { sourceLabel: `snapshot ${name}`, originOf: resourceOrigins(uri.fsPath, parsed) });
  return { ok: true, source: { kind: 'snapshot', label: name, topology, uri } };
}
