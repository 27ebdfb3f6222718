// Everything the CLI touches in the outside world, injectable so tests run commands in-process.
import { createInterface } from 'node:readline/promises';
import { readInputFile } from './inputFile';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour is only used there unless FORCE_COLOR says otherwise). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** A file's text, decoded as VS Code does; rejects with an InputFileError (src/cli/inputFile) for anything but a readable regular file within the size limit. */
  readTextFile(path: string): Promise<string>;
  /**
   * A signal that fires when the user interrupts (Ctrl+C), for live reads to stop their requests.
   * Asked for only by commands that talk to Azure, so Ctrl+C keeps its usual effect elsewhere.
   */
  interruptSignal?(): AbortSignal;
  /** Asks a yes/no question on the terminal; absent when there is no terminal to ask in. */
  confirm?(question: string): Promise<boolean>;
}

export function processIo(): CliIo {
  return {
    interruptSignal() {
      // The first Ctrl+C cancels the requests in flight and the run ends with "cancelled"; a
      // second one ends the process the usual way.
      const interrupted = new AbortController();
      process.once('SIGINT', () => interrupted.abort());
      return interrupted.signal;
    },
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    readTextFile: (path) => readInputFile(path),
    ...(process.stdin.isTTY ? { confirm: askOnTerminal } : {}),
  };
}

async function askOnTerminal(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}
