// What `bastion-doctor lint PATHS...` reads: folders walked, named files, and a named parameters
// or variables file turned into the template(s) it belongs to; each template then with the
// companions its format names (gatherDocuments, as the editor reads it).
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isTemplateFileName } from '../templates/formats';
import { gatherDocuments, templatesSuppliedBy } from '../templates/gather';
import type { TemplateDocument } from '../templates/source';
import { cliFileReader, readInput } from './fileReader';
import type { CliIo } from './io';
import { UsageError } from './usageError';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform']);

/**
 * Named files as given and folders walked are linted; what a template brings along is read for
 * context only, so naming one file reports that file's findings.
 */
export async function readLintInputs(paths: readonly string[], io: CliIo): Promise<{ docs: TemplateDocument[]; linted: string[] }> {
  const reader = cliFileReader(io);
  const read = async (path: string): Promise<TemplateDocument> => ({ path, text: await readInput(path, io) });
  const linted: TemplateDocument[] = [];
  const context: TemplateDocument[] = [];
  for (const path of paths) {
    const kind = await kindOf(resolve(io.cwd, path));
    if (kind === 'missing') throw new UsageError(`no such file or folder: ${path}`, 'lint');
    if (kind === 'folder') {
      for (const file of await walk(path, io.cwd)) linted.push(await read(file));
      continue;
    }
    const doc = await read(path);
    // A parameters or variables file stands for the template(s) it supplies.
    const templates = await templatesSuppliedBy(doc, reader);
    if (templates.length === 0) linted.push(doc);
    else context.push(doc);
    for (const template of templates) linted.push(await read(template));
  }
  for (const doc of linted) context.push(...((await gatherDocuments(doc, reader))?.documents.slice(1) ?? []));
  const unique = new Map<string, TemplateDocument>();
  for (const doc of [...linted, ...context]) if (!unique.has(resolve(io.cwd, doc.path))) unique.set(resolve(io.cwd, doc.path), doc);
  const lintedAt = new Set(linted.map((doc) => resolve(io.cwd, doc.path)));
  const docs = [...unique.values()];
  return { docs, linted: docs.filter((doc) => lintedAt.has(resolve(io.cwd, doc.path))).map((doc) => doc.path) };
}

/** 'other' (a FIFO, socket or device) is read only when named, and its read says why it is refused. */
async function kindOf(path: string): Promise<'file' | 'folder' | 'other' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

async function walk(folder: string, cwd: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(resolve(cwd, folder), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...(await walk(path, cwd)));
    } else if (entry.isFile() && isTemplateFileName(entry.name)) {
      found.push(path);
    }
  }
  return found;
}
