// Template files for the editor, read-only through vscode.workspace.fs; open editors win over
// the disk so unsaved text counts. readText is the one place the editor reads a template's text.
import * as vscode from 'vscode';
import { decodeText } from '../../core/textDecoding';
import type { TemplateFileReader } from '../../templates/fileReader';

const MAX_COMPANION_BYTES = 2_000_000;

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

/**
 * The companions of a document at `near`, by the paths the linter uses (documentPath). Paths are
 * file-system paths for the file scheme only, so a document of another scheme (untitled, remote
 * virtual files) is linted alone.
 */
export function editorFileReader(near: vscode.Uri): TemplateFileReader {
  const usable = near.scheme === 'file';
  return {
    readText: async (path) => {
      if (!usable) return undefined;
      const uri = vscode.Uri.file(path);
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        return stat.type === vscode.FileType.File && stat.size <= MAX_COMPANION_BYTES ? await readText(uri) : undefined;
      } catch {
        // A file that vanished or cannot be read is simply not part of the picture.
        return undefined;
      }
    },
    filesIn: async (folder) => {
      if (!usable) return [];
      try {
        const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(folder));
        return entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => vscode.Uri.joinPath(vscode.Uri.file(folder), name).fsPath);
      } catch {
        return [];
      }
    },
    exists: async (path) => usable && (await vscode.workspace.fs.stat(vscode.Uri.file(path)).then(() => true, () => false)),
  };
}
