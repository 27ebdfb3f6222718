// Open Snapshot…: a JSON file of ARM resources (as Save Snapshot writes) becomes the source.
// Parse errors name file:line:col, so the user can go straight to the spot.
import * as vscode from 'vscode';
import { mapArmResources } from '../../core/arm';
import { parseSnapshot, resourceOrigins } from '../../core/snapshot';
import { decodeText, MAX_INPUT_BYTES } from '../../core/textDecoding';
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
  let bytes: Uint8Array;
  try {
    // Only a regular file within the size limit is read: a FIFO or a device would never end.
    const info = await vscode.workspace.fs.stat(uri);
    if (info.type !== vscode.FileType.File) return { ok: false, message: vscode.l10n.t('{0}: is not a regular file; only regular files are read', uri.fsPath) };
    if (info.size > MAX_INPUT_BYTES) return { ok: false, message: vscode.l10n.t('{0}: is larger than {1} MiB; not read', uri.fsPath, MAX_INPUT_BYTES / (1024 * 1024)) };
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    return { ok: false, message: vscode.l10n.t('{0}: cannot be read ({1})', uri.fsPath, error instanceof Error ? error.message : String(error)) };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: `${uri.fsPath}: ${decoded.reason}` };
  const text = decoded.text;
  const parsed = parseSnapshot(text, uri.fsPath);
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  const topology = mapArmResources(parsed.resources, { sourceLabel: `snapshot ${name}`, originOf: resourceOrigins(uri.fsPath, parsed) });
  return { ok: true, source: { kind: 'snapshot', label: name, topology, uri } };
}
