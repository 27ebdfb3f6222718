// Template files from the disk for the CLI, through io.readTextFile (the one place the CLI reads
// a template's text). A path is relative to io.cwd, as the user wrote it.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TemplateFileReader } from '../templates/fileReader';
import type { CliIo } from './io';

const NOT_A_FILE = new Set(['ENOENT', 'EISDIR', 'ENOTDIR']);

export function cliFileReader(io: CliIo): TemplateFileReader {
  return {
    readText: async (path) => {
      try {
        return await io.readTextFile(resolve(io.cwd, path));
      } catch (error) {
        // A companion that is not there is simply not part of the picture; any other failure is reported.
        if (NOT_A_FILE.has((error as { code?: string }).code ?? '')) return undefined;
        throw error;
      }
    },
    filesIn: async (folder) => {
      try {
        const entries = await readdir(resolve(io.cwd, folder), { withFileTypes: true });
        return entries.filter((entry) => entry.isFile()).map((entry) => join(folder, entry.name));
      } catch {
        return [];
      }
    },
    exists: (path) => stat(resolve(io.cwd, path)).then(() => true, () => false),
  };
}
