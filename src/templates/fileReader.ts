// The one way template code reads files: the CLI gives it the disk (src/cli/fileReader.ts), the
// editor vscode.workspace.fs with open editors' unsaved text (src/extension/editor/templateFiles.ts).
// Paths are the ones the linter reports; folders are those paths' parents.
import { dirname } from 'node:path';
import type { TemplateDocument } from './source';

export interface TemplateFileReader {
  /** The file's text; undefined when there is no such file or it is not read (a folder, too large). */
  readText(path: string): Promise<string | undefined>;
  /** The paths of the files directly in `folder`; none when it cannot be listed. */
  filesIn(folder: string): Promise<string[]>;
  /** Whether a file or folder is at `path` (a repository root has `.git`, a folder or a file). */
  exists(path: string): Promise<boolean>;
}

/** The documents of those paths that exist, in the order given. */
export async function readExisting(paths: readonly string[], reader: TemplateFileReader): Promise<TemplateDocument[]> {
  const found: TemplateDocument[] = [];
  for (const path of paths) {
    const text = await reader.readText(path);
    if (text !== undefined) found.push({ path, text });
  }
  return found;
}

/** The other files of `path`'s folder whose names match `pattern`, read. */
export async function filesBeside(path: string, pattern: RegExp, reader: TemplateFileReader): Promise<TemplateDocument[]> {
  const names = (await reader.filesIn(dirname(path))).filter((file) => file !== path && pattern.test(file)).sort();
  return readExisting(names, reader);
}
