// Command dispatch: picks the command from the first argument and turns usage errors into
// a message on stderr and exit code 2.
import packageJson from '../../package.json';
import { runDiagnose } from './diagnoseCommand';
import { runLint } from './lintCommand';
import { GENERAL_HELP } from './help';
import { escapeControls } from './format/terminalText';
import type { CliIo } from './io';
import { EXIT_OK, EXIT_USAGE, UsageError } from './usageError';

type CommandRunner = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, CommandRunner> = {
  diagnose: runDiagnose,
  lint: runLint,
};

export async function run(argv: readonly string[], terminal: CliIo): Promise<number> {
  // Everything on stderr can quote a name or an argument: control characters in it are shown escaped.
  const io: CliIo = {
    ...terminal,
    stderr: (text) => terminal.stderr(escapeControls(text)),
    ...(terminal.confirm ? { confirm: (question: string) => terminal.confirm!(escapeControls(question)) } : {}),
  };
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const helpHint = error.command ? `bastion-doctor ${error.command} --help` : 'bastion-doctor --help';
    io.stderr(`bastion-doctor: ${error.message}\nRun '${helpHint}' for usage.\n`);
    return EXIT_USAGE;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(GENERAL_HELP);
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(GENERAL_HELP);
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${packageJson.version}\n`);
    return EXIT_OK;
  }
  if (first === 'help') return rest[0] && COMMANDS[rest[0]] ? COMMANDS[rest[0]](['--help'], io) : dispatch(['--help'], io);
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    const what = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`;
    throw new UsageError(`${what} (commands: ${Object.keys(COMMANDS).join(', ')})`);
  }
  return command(rest, io);
}
