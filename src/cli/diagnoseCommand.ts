// `bastion-doctor diagnose`: load a topology (snapshot or demo), diagnose it, apply the user's
// severity overrides, print the report; exit 1 when an error finding remains.
import { diagnose, SelectionError, type DiagnoseOptions, type DiagnosisReport } from '../core/diagnose';
import { hasErrors, type Finding } from '../core/findings';
import { demoTopology } from '../core/demo';
import type { Topology } from '../core/model';
import { applySeverityOverrides } from '../core/severity';
import { parseDiagnoseArgs, type DiagnoseArgs, type DiagnoseSource } from './args';
import { renderReport } from './format/render';
import { DIAGNOSE_HELP } from './help';
import type { CliIo } from './io';
import { loadSnapshotTopology } from './snapshotSource';
import { EXIT_CANCELLED, EXIT_FINDINGS, EXIT_NOTHING_CHECKED, EXIT_OK, EXIT_USAGE, UsageError } from './usageError';

export async function runDiagnose(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseDiagnoseArgs(argv);
  if (args.help || !args.source) {
    io.stdout(DIAGNOSE_HELP);
    return EXIT_OK;
  }
  let loaded: LoadedSource;
  try {
    loaded = await loadSource(args, io);
  } catch (error) {
    const stop = liveFailure(error);
    if (stop === undefined) throw error;
    io.stderr(`bastion-doctor: ${stop.message}\n`);
    return stop.code;
  }
  reportSourceProblems(loaded.topology, io);
  const report = diagnoseSelection(loaded, args);
  io.stdout(renderReport(report, args.format, io));
  if (hostUnread(loaded, args)) {
    io.stderr('error: nothing could be checked: the Bastion host could not be read (see the check-incomplete findings); exit code 2.\n');
    return EXIT_NOTHING_CHECKED;
  }
  return hasErrors(report.findings) ? EXIT_FINDINGS : EXIT_OK;
}

interface LoadedSource {
  topology: Topology;
  /** Findings about reads that failed (live): a 403 names the permission, a 404 the resource. */
  incomplete: Finding[];
  /** What to diagnose: live reads pass the ids actually read instead of the names typed. */
  selection: Pick<DiagnoseOptions, 'bastion' | 'vm'>;
}

async function loadSource(args: DiagnoseArgs, io: CliIo): Promise<LoadedSource> {
  const source: DiagnoseSource = args.source!;
  const typed = { bastion: args.bastion, vm: args.vm };
  if (source.kind === 'demo') return { topology: demoTopology(), incomplete: [], selection: typed };
  if (source.kind === 'snapshot') return { topology: await loadSnapshotTopology(source.file, io), incomplete: [], selection: typed };
  // The Azure SDK is loaded only for live diagnoses, so snapshot and demo runs start fast.
  const { loadLiveTopology } = await import('./liveSource');
  const deep = args.deep ? { guest: args.guest, assumeYes: args.assumeYes, customPort: args.port } : undefined;
  const live = await loadLiveTopology({ ...source, bastion: args.bastion!, vm: args.vm, signal: io.interruptSignal?.(), deep }, io);
  return live;
}

/** Failures that end a live run with a message instead of a report. */
function liveFailure(error: unknown): { message: string; code: number } | undefined {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'AbortError') return { message: 'cancelled', code: EXIT_CANCELLED };
  if (name === 'NotSignedInError') return { message: `${message}\nSign in with 'az login' (or choose another credential with --auth), then run the command again.`, code: EXIT_USAGE };
  if (name === 'AzureUnreachableError') return { message, code: EXIT_USAGE };
  if (name === 'RunDeadlineError') return { message: `${message} before the deep check finished; give more time with --timeout SECONDS`, code: EXIT_USAGE };
  return undefined;
}

/** What the mapper could not use goes to stderr, so stdout stays a clean report. */
function reportSourceProblems(topology: Topology, io: CliIo): void {
  for (const problem of topology.problems) io.stderr(`warning: ${problem.message}\n`);
}

/** The host itself could not be read (403, 404, a reset): the failed reads are the whole story, and nothing was checked. */
function hostUnread(loaded: LoadedSource, args: DiagnoseArgs): boolean {
  return loaded.selection.bastion === undefined && loaded.incomplete.length > 0 && args.bastion !== undefined;
}

function diagnoseSelection(loaded: LoadedSource, args: DiagnoseArgs): DiagnosisReport {
  let report: DiagnosisReport;
  try {
    report = hostUnread(loaded, args)
      ? { generatedAt: new Date().toISOString(), sourceLabel: loaded.topology.sourceLabel ?? 'Azure', isDemo: false, targets: [], findings: [] }
      : diagnose(loaded.topology, { ...loaded.selection, customPort: args.port });
  } catch (error) {
    if (error instanceof SelectionError) throw new UsageError(error.message, 'diagnose');
    throw error;
  }
  const findings = [...loaded.incomplete, ...report.findings];
  return { ...report, findings: applySeverityOverrides(findings, args.ruleOverrides) };
}
