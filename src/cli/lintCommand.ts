// `bastion-doctor lint PATHS... [--format text|json|sarif] [--rule id=level] [--allow-unparsed]`:
// lint template files and folders offline; exit 1 when an error finding remains, 2 on a usage
// error or an input with a syntax error (after the findings of everything that was read).
import { parseArgs } from 'node:util';
import { dirname, relative, resolve } from 'node:path';
import { hasErrors } from '../core/findings';
import { lintDocuments } from '../templates/lint';
import { findRuleConfig, layeredOverrides, NO_RULE_CONFIG, RULE_CONFIG_FILE, type RuleConfig, type RuleConfigProblem } from '../templates/ruleConfig';
import { prepareTemplateFormats } from '../templates/formats';
import { OUTPUT_FORMATS, type OutputFormat, parseRuleOverrides } from './args';
import { renderReport } from './format/render';
import { templatesScope } from './format/summary';
import type { CliIo } from './io';
import { cliFileReader } from './fileReader';
import { readLintInputs } from './lintInputs';
import type { ParseDiagnostic } from '../templates/source';
import { EXIT_FINDINGS, EXIT_NOTHING_CHECKED, EXIT_OK, EXIT_UNPARSED, EXIT_USAGE, UsageError } from './usageError';

export const LINT_HELP = `Usage: bastion-doctor lint PATHS... [options]

Lints ARM templates (with their parameters files), Bicep files and Terraform (azurerm) folders
for Azure Bastion problems, offline.
PATHS are files or folders; folders are searched recursively (node_modules, .git and
.terraform are skipped). A named file is read with what decides its values (its parameters
files, its local Bicep modules, the rest of its Terraform folder and the variable files), and
only its own findings are reported. A named parameters or variables file (.bicepparam,
*.parameters.json, *.tfvars) lints the template or Terraform folder it supplies.

Rule levels: the nearest bastion-doctor.json above each linted file (up to the repository
root), { "rules": { "<rule-id>": "off|info|warning|error" } }, with --rule on top. An invalid
bastion-doctor.json stops the run with exit code 2, naming the file and line.

Options:
  -f, --format text|json|sarif   output format (default: text)
      --rule ID=LEVEL            set a rule to off, info, warning or error (repeatable; wins
                                 over bastion-doctor.json)
      --allow-unparsed           do not fail on inputs with a syntax error: exit by the findings
                                 alone (the syntax errors stay reported as check-incomplete)
  -h, --help                     show this help

An input with a syntax error (JSON, Bicep or HCL) fails the run with exit code 2, after the
findings of every input are printed: a file that was not fully parsed was not fully checked.
This holds for any syntax error, even one the parser recovered from with every resource read.

Files are read as VS Code reads them (UTF-8, or UTF-16 with or without a byte order mark; CR,
LF and CRLF line breaks). A file that cannot be read (not a regular file, over 32 MiB, not
text, an I/O error) fails the run with exit code 2 and its path.

Exit codes: 0 no error findings, 1 error findings, 2 usage error, an invalid bastion-doctor.json,
an input that could not be read or parsed (unless --allow-unparsed), or no template found
(nothing was checked).
`;


interface LintArgs {
  help: boolean;
  paths: string[];
  format: OutputFormat;
  ruleOverrides: ReturnType<typeof parseRuleOverrides>;
  allowUnparsed: boolean;
}

function parseLintArgs(argv: readonly string[]): LintArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, format: { type: 'string', short: 'f' }, rule: { type: 'string', multiple: true }, 'allow-unparsed': { type: 'boolean' } },
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
    allowUnparsed: parsed.values['allow-unparsed'] === true,
  };
}

export async function runLint(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseLintArgs(argv);
  if (args.help) {
    io.stdout(LINT_HELP);
    return EXIT_OK;
  }
  if (args.paths.length === 0) throw new UsageError('name at least one template file or folder', 'lint');
  // What a template brings along (local Bicep modules too) is read for context, not linted on its own.
  const { docs, linted: only } = await readLintInputs(args.paths, io);
  const configs = await ruleConfigsOf(only, io);
  const problems = [...new Map([...configs.values()].flatMap((config) => config.problems).map((p) => [JSON.stringify(p), p])).values()];
  if (problems.length > 0) {
    io.stderr(configProblemsMessage(problems, io));
    return EXIT_USAGE;
  }
  await prepareTemplateFormats();
  // Each file's bastion-doctor.json, with --rule on top.
  const severityOverrides = (path: string) => layeredOverrides(configs.get(path) ?? NO_RULE_CONFIG, args.ruleOverrides);
  const result = lintDocuments(docs, { severityOverrides, only });
  const linted = result.files.filter((f) => f.kind === 'linted');
  for (const file of result.files) {
    if (file.kind === 'not-a-template' && args.paths.includes(file.path)) io.stderr(`warning: ${file.path} is not a template Bastion Doctor reads; skipped\n`);
  }
  io.stdout(renderReport(result.report, args.format, io, { summaryScope: templatesScope(linted.length) }));
  if (linted.length === 0) {
    io.stderr(`error: nothing was checked: no template Bastion Doctor reads in ${args.paths.join(', ')}; exit code 2.\n`);
    return EXIT_NOTHING_CHECKED;
  }
  if (result.unparsed.length > 0 && !args.allowUnparsed) {
    io.stderr(unparsedMessage(result.unparsed));
    return EXIT_UNPARSED;
  }
  return hasErrors(result.report.findings) ? EXIT_FINDINGS : EXIT_OK;
}

/** The rule config of each linted file (read once per folder). */
async function ruleConfigsOf(paths: readonly string[], io: CliIo): Promise<Map<string, RuleConfig>> {
  const reader = cliFileReader(io);
  const byFolder = new Map<string, Promise<RuleConfig>>();
  const configs = new Map<string, RuleConfig>();
  for (const path of paths) {
    const absolute = resolve(io.cwd, path);
    let config = byFolder.get(dirname(absolute));
    if (!config) byFolder.set(dirname(absolute), (config = findRuleConfig(absolute, reader)));
    configs.set(path, await config);
  }
  return configs;
}

function configProblemsMessage(problems: readonly RuleConfigProblem[], io: CliIo): string {
  const lines = problems.map((p) => `${relative(io.cwd, p.file) || p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: error: ${p.message}`);
  return `${lines.join('\n')}\nerror: the rule levels in ${RULE_CONFIG_FILE} are not valid, so nothing was linted; exit code 2.\n`;
}

/** file:line:column: message for each syntax error, then why the run fails. */
function unparsedMessage(unparsed: readonly ParseDiagnostic[]): string {
  const lines = unparsed.map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: error: ${d.message}`);
  const files = new Set(unparsed.map((d) => d.file)).size;
  return `${lines.join('\n')}\nerror: ${files === 1 ? '1 input has' : `${files} inputs have`} a syntax error, so ${files === 1 ? 'it was' : 'they were'} not fully checked; exit code 2 (any syntax error fails the run; --allow-unparsed exits by the findings alone).\n`;
}
