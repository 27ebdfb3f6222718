// Reads a template and the files around it (parameters files, tfvars, other .tf, Bicep modules)
// read-only through vscode.workspace.fs; open editors win over the disk so unsaved text counts.
import * as vscode from 'vscode';
import { decodeText } from '../../core/textDecoding';
import type { TemplateDocument } from '../../templates/source';
import type { TemplateFormat } from '../../templates/edits';

const MAX_SIBLING_BYTES = 2_000_000;

const SIBLING_PATTERNS: Record<TemplateFormat, RegExp> = {
  arm: /\.jsonc?$/i,
  bicep: /\.(bicep|bicepparam|jsonc?)$/i,
  terraform: /\.(tf|tfvars|tfvars\.json)$/i,
};

export function documentPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

export function openText(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText();
}

/** Open editor text, else the file decoded as VS Code opens it (BOM, UTF-16, CR); throws when it is not text. */
export async function readText(uri: vscode.Uri): Promise<string> {
  const open = openText(uri);
  if (open !== undefined) return open;
  const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
  if (!decoded.ok) throw new Error(`${documentPath(uri)}: ${decoded.reason}`);
  return decoded.text;
}

export async function siblingsOf(uri: vscode.Uri, format: TemplateFormat): Promise<TemplateDocument[]> {
  if (uri.scheme === 'untitled') return [];
  const folder = vscode.Uri.joinPath(uri, '..');
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const siblings: TemplateDocument[] = [];
  for (const [name, type] of entries) {
    const sibling = vscode.Uri.joinPath(folder, name);
    if (type !== vscode.FileType.File || !SIBLING_PATTERNS[format].test(name) || sibling.toString() === uri.toString()) continue;
    try {
      const stat = await vscode.workspace.fs.stat(sibling);
      if (stat.size <= MAX_SIBLING_BYTES) siblings.push({ path: documentPath(sibling), text: await readText(sibling) });
    } catch {
      // A file that vanished or cannot be read is simply not part of the picture.
    }
  }
  return siblings;
}

/** A workspace file by the path the linter uses, for following Bicep modules; undefined when it cannot be read. */
export async function readFileAtPath(path: string, near: vscode.Uri): Promise<string | undefined> {
  // Paths are file-system paths for the file scheme only (documentPath); nothing else is followed.
  if (near.scheme !== 'file') return undefined;
  const uri = vscode.Uri.file(path);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return stat.type === vscode.FileType.File && stat.size <= MAX_SIBLING_BYTES ? await readText(uri) : undefined;
  } catch {
    return undefined;
  }
}
