// `bastion-doctor diagnose`: load a topology (snapshot or demo), diagnose it, apply the user's
// severity overrides, print the report; exit 1 when an error finding remains.
import { diagnose, SelectionError, type DiagnosisReport } from '../core/diagnose';
import { hasErrors } from '../core/findings';
import { demoTopology } from '../core/demo';
import type { Topology } from '../core/model';
import { applySeverityOverrides } from '../core/severity';
import { parseDiagnoseArgs, type DiagnoseArgs, type DiagnoseSource, type OutputFormat } from './args';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { shouldUseColor } from './format/color';
import { DIAGNOSE_HELP } from './help';
import type { CliIo } from './io';
import { loadSnapshotTopology } from './snapshotSource';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './usageError';

export async function runDiagnose(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseDiagnoseArgs(argv);
  if (args.help || !args.source) {
    io.stdout(DIAGNOSE_HELP);
    return EXIT_OK;
  }
  const topology = await loadTopology(args.source, io);
  reportSourceProblems(topology, io);
  const report = diagnoseSelection(topology, args);
  io.stdout(render(report, args.format, io));
  return hasErrors(report.findings) ? EXIT_FINDINGS : EXIT_OK;
}

async function loadTopology(source: DiagnoseSource, io: CliIo): Promise<Topology> {
  if (source.kind === 'demo') return demoTopology();
  return loadSnapshotTopology(source.file, io);
}

/** What the mapper could not use goes to stderr, so stdout stays a clean report. */
function reportSourceProblems(topology: Topology, io: CliIo): void {
  for (const problem of topology.problems) io.stderr(`warning: ${problem.message}\n`);
}

function diagnoseSelection(topology: Topology, args: DiagnoseArgs): DiagnosisReport {
  let report: DiagnosisReport;
  try {
    report = diagnose(topology, { bastion: args.bastion, vm: args.vm, customPort: args.port });
  } catch (error) {
    if (error instanceof SelectionError) throw new UsageError(error.message, 'diagnose');
    throw error;
  }
  return { ...report, findings: applySeverityOverrides(report.findings, args.ruleOverrides) };
}

function render(report: DiagnosisReport, format: OutputFormat, io: CliIo): string {
  if (format === 'json') return formatJson(report);
  if (format === 'sarif') return formatSarif(report, { baseDirectory: io.cwd });
  return formatText(report, { color: shouldUseColor(io.isTTY, io.env) });
}
