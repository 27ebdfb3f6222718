// What `bastion-doctor lint PATHS...` reads: folders walked, named files with what decides their
// values, and a named parameters or variables file turned into the template(s) it belongs to.
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parametersFilePathFor } from '../templates/arm';
import type { TemplateDocument } from '../templates/source';
import { inputFileError } from './inputFile';
import type { CliIo } from './io';
import { UsageError } from './usageError';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform']);
const TEMPLATE_FILE = /\.(jsonc?|bicep|bicepparam|tf|tfvars)$/i;

/**
 * Files a named template brings along: an ARM parameters file; a Bicep file's parameters files;
 * a Terraform file's folder (the module it belongs to, with its variable files).
 */
async function companionsOf(path: string, cwd: string): Promise<string[]> {
  const candidates = /\.jsonc?$/i.test(path)
    ? [parametersFilePathFor(path)]
    : /\.bicep$/i.test(path)
      ? [path.replace(/\.bicep$/i, '.bicepparam'), path.replace(/\.bicep$/i, '.parameters.json'), ...(await filesBeside(path, cwd, /\.bicepparam$/i))]
      : path.endsWith('.tf')
        ? await filesBeside(path, cwd, /\.(tf|tfvars|tfvars\.json)$/)
        : [];
  const present: string[] = [];
  for (const candidate of candidates) if ((await kindOf(resolve(cwd, candidate))) === 'file') present.push(candidate);
  return present;
}

/** Files of the named file's folder matching `pattern` (a .bicepparam names its template with `using`, so any may belong to it). */
async function filesBeside(path: string, cwd: string, pattern: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(resolve(cwd, dirname(path)), { withFileTypes: true });
    return entries.filter((entry) => entry.isFile() && pattern.test(entry.name)).map((entry) => join(dirname(path), entry.name)).filter((file) => file !== join(path));
  } catch {
    return [];
  }
}

/**
 * The templates a parameters or variables file supplies values to: the `using` template of a
 * .bicepparam, `x.json` for `x.parameters.json`, the .tf files beside a .tfvars(.json) file.
 */
async function templatesSuppliedBy(path: string, io: CliIo): Promise<string[]> {
  const existing = async (candidates: string[]) => {
    const found: string[] = [];
    for (const candidate of candidates) if ((await kindOf(resolve(io.cwd, candidate))) === 'file') found.push(candidate);
    return found;
  };
  if (/\.bicepparam$/i.test(path)) {
    const using = /^\s*using\s+'([^']+)'/m.exec(await readInput(path, io))?.[1];
    return using && /\.bicep$/i.test(using) ? existing([join(dirname(path), using)]) : [];
  }
  if (/\.parameters\.json$/i.test(path)) return existing([path.replace(/\.parameters\.json$/i, '.json')]);
  if (/\.tfvars(\.json)?$/.test(path)) return filesBeside(path, io.cwd, /\.tf$/);
  return [];
}

/**
 * Named files as given and folders walked are linted; what a named file brings along (companionsOf)
 * is read for context only, so naming one file reports that file's findings.
 */
export async function readLintInputs(paths: readonly string[], io: CliIo): Promise<{ docs: TemplateDocument[]; linted: string[] }> {
  const linted: string[] = [];
  const context: string[] = [];
  for (const path of paths) {
    const kind = await kindOf(resolve(io.cwd, path));
    if (kind === 'missing') throw new UsageError(`no such file or folder: ${path}`, 'lint');
    if (kind === 'file' || kind === 'other') {
      // A parameters or variables file stands for the template(s) it supplies.
      const templates = await templatesSuppliedBy(path, io);
      if (templates.length > 0) context.push(path);
      for (const template of templates.length > 0 ? templates : [path]) {
        linted.push(template);
        context.push(...(await companionsOf(template, io.cwd)));
      }
    } else {
      linted.push(...(await walk(path, io.cwd)));
    }
  }
  const unique = [...new Map([...linted, ...context].map((f) => [resolve(io.cwd, f), f])).values()];
  const lintedAt = new Set(linted.map((f) => resolve(io.cwd, f)));
  const docs = await Promise.all(unique.map(async (path) => ({ path, text: await readInput(path, io) })));
  return { docs, linted: unique.filter((path) => lintedAt.has(resolve(io.cwd, path))) };
}

/**
 * An input's text; a file that cannot be read (EIO, a FIFO, a device, over the size limit, not
 * text) ends the run with exit 2 and its path, as a `--snapshot` file does.
 */
async function readInput(path: string, io: CliIo): Promise<string> {
  try {
    return await io.readTextFile(resolve(io.cwd, path));
  } catch (error) {
    throw new UsageError(inputFileError(path, error).message, 'lint');
  }
}

/** 'other' (a FIFO, socket or device) is never a companion; named, its read says why it is refused. */
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
    } else if (entry.isFile() && TEMPLATE_FILE.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}
