// Template files from the disk for the CLI, through io.readTextFile (the one place the CLI reads
// a template's text). A path is relative to io.cwd, as the user wrote it.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TemplateFileReader } from '../templates/fileReader';
import { inputFileError } from './inputFile';
import type { CliIo } from './io';
import { UsageError } from './usageError';

const NOT_A_FILE = new Set(['ENOENT', 'EISDIR', 'ENOTDIR']);

export function cliFileReader(io: CliIo): TemplateFileReader {
  return {
    readText: async (path) => {
      try {
        return await io.readTextFile(resolve(io.cwd, path));
      } catch (error) {
        // A companion that is not there is simply not part of the picture; any other failure is reported.
        if (NOT_A_FILE.has((error as { code?: string }).code ?? '')) return undefined;
        throw new UsageError(inputFileError(path, error).message, 'lint');
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

/**
 * A named input's text; a file that cannot be read (EIO, a FIFO, a device, over the size limit,
 * not text) ends the run with exit 2 and its path, as a `--snapshot` file does.
 */
export async function readInput(path: string, io: CliIo): Promise<string> {
  try {
    return await io.readTextFile(resolve(io.cwd, path));
  } catch (error) {
    throw new UsageError(inputFileError(path, error).message, 'lint');
  }
}
