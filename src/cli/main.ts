// The bastion-doctor executable (bundled to dist/cli.js).
import { escapeControls } from './format/terminalText';
import { processIo } from './io';
import { run } from './run';

/** Unexpected failures (a defect, not the user's input) exit 3, apart from 0/1/2. */
const EXIT_INTERNAL = 3;

run(process.argv.slice(2), processIo()).then(
  (code) => {
    // exitCode, not exit(): a piped stdout gets flushed before the process ends.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bastion-doctor: internal error: ${escapeControls(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
