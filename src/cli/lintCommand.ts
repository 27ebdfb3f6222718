// `bastion-doctor lint PATHS... [--format text|json|sarif] [--rule id=level]`: lint template files
// and folders offline; exit 1 when an error finding remains, 2 on a usage error.
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors } from '../core/findings';
import { parametersFilePathFor } from '../templates/arm';
import { followLocalModules } from '../templates/bicep/moduleFiles';
import { lintDocuments } from '../templates/lint';
import { prepareTemplateSources } from '../templates/sources';
import type { TemplateDocument } from '../templates/source';
import { OUTPUT_FORMATS, type OutputFormat, parseRuleOverrides } from './args';
import { shouldUseColor } from './format/color';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { templatesScope } from './format/summary';
import { formatText } from './format/text';
import type { CliIo } from './io';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './usageError';

export const LINT_HELP = `Usage: bastion-doctor lint PATHS... [options]

Lints ARM templates (with their parameters files), Bicep files and Terraform (azurerm) folders
for Azure Bastion problems, offline.
PATHS are files or folders; folders are searched recursively (node_modules, .git and
.terraform are skipped). A named file is read with what decides its values (its parameters
files, its local Bicep modules, the rest of its Terraform folder and the variable files), and
only its own findings are reported.

Options:
  -f, --format text|json|sarif   output format (default: text)
      --rule ID=LEVEL            set a rule to off, info, warning or error (repeatable)
  -h, --help                     show this help

Exit codes: 0 no error findings, 1 error findings, 2 usage error.
`;

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform']);
const TEMPLATE_FILE = /\.(jsonc?|bicep|bicepparam|tf|tfvars)$/i;

interface LintArgs {
  help: boolean;
  paths: string[];
  format: OutputFormat;
  ruleOverrides: ReturnType<typeof parseRuleOverrides>;
}

function parseLintArgs(argv: readonly string[]): LintArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, format: { type: 'string', short: 'f' }, rule: { type: 'string', multiple: true } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error), 'lint');
  }
  const format = parsed.values.format ?? 'text';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, got '${format}'`, 'lint');
  }
  return {
    help: parsed.values.help === true,
    paths: parsed.positionals,
    format: format as OutputFormat,
    ruleOverrides: parseRuleOverrides(parsed.values.rule ?? []),
  };
}

export async function runLint(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseLintArgs(argv);
  if (args.help) {
    io.stdout(LINT_HELP);
    return EXIT_OK;
  }
  if (args.paths.length === 0) throw new UsageError('name at least one template file or folder', 'lint');
  const { docs, linted: only } = await readDocuments(args.paths, io);
  // Local Bicep modules outside the named paths are read so their callers' arguments reach them;
  // like the files a named file brings along, they are not linted on their own.
  const modules = await followLocalModules(docs, (path) => io.readTextFile(resolve(io.cwd, path)).catch(() => undefined));
  await prepareTemplateSources();
  const result = lintDocuments([...docs, ...modules], { severityOverrides: args.ruleOverrides, only });
  const linted = result.files.filter((f) => f.kind === 'linted');
  if (linted.length === 0) io.stderr(`warning: no templates found in ${args.paths.join(', ')}\n`);
  for (const file of result.files) {
    if (file.kind === 'not-a-template' && args.paths.includes(file.path)) io.stderr(`warning: ${file.path} is not a template Bastion Doctor reads; skipped\n`);
  }
  io.stdout(render(result.report, args.format, io, linted.length));
  return hasErrors(result.report.findings) ? EXIT_FINDINGS : EXIT_OK;
}

function render(report: ReturnType<typeof lintDocuments>['report'], format: OutputFormat, io: CliIo, templates: number): string {
  if (format === 'json') return formatJson(report);
  if (format === 'sarif') return formatSarif(report, { baseDirectory: io.cwd });
  return formatText(report, { color: shouldUseColor(io.isTTY, io.env), summaryScope: templatesScope(templates) });
}

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
 * Named files as given and folders walked are linted; what a named file brings along (companionsOf)
 * is read for context only, so naming one file reports that file's findings.
 */
async function readDocuments(paths: readonly string[], io: CliIo): Promise<{ docs: TemplateDocument[]; linted: string[] }> {
  const linted: string[] = [];
  const context: string[] = [];
  for (const path of paths) {
    const kind = await kindOf(resolve(io.cwd, path));
    if (kind === 'missing') throw new UsageError(`no such file or folder: ${path}`, 'lint');
    if (kind === 'file') {
      linted.push(path);
      context.push(...(await companionsOf(path, io.cwd)));
    } else {
      linted.push(...(await walk(path, io.cwd)));
    }
  }
  const unique = [...new Map([...linted, ...context].map((f) => [resolve(io.cwd, f), f])).values()];
  const lintedAt = new Set(linted.map((f) => resolve(io.cwd, f)));
  const docs = await Promise.all(unique.map(async (path) => ({ path, text: await io.readTextFile(resolve(io.cwd, path)) })));
  return { docs, linted: unique.filter((path) => lintedAt.has(resolve(io.cwd, path))) };
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : 'file';
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
