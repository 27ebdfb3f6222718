// A mistake in how the command was called or in the input it was given: exit code 2.
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help the user should read, when there is one. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** An input that could not be parsed: nothing in it can count as checked (lint without --allow-unparsed). */
export const EXIT_UNPARSED = EXIT_USAGE;
/** Nothing could be checked (lint found no template; a live run could read no Bastion host): never a pass. */
export const EXIT_NOTHING_CHECKED = EXIT_USAGE;
/** Interrupted with Ctrl+C (128 + SIGINT, as shells report it). */
export const EXIT_CANCELLED = 130;
