// Reading one input file (template, parameters file, snapshot) from disk, bounded: only regular
// files up to MAX_INPUT_BYTES are read, so a FIFO, /dev/zero or a 2 GB file ends the run with a
// message naming the path instead of hanging or exhausting memory; then decoded as VS Code does.
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { decodeText, MAX_INPUT_BYTES } from '../core/textDecoding';


/** A file that could not be read as text; `message` is `path: what is wrong`, ready to show. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
  constructor(
    readonly path: string,
    readonly reason: string,
    /** The system error code behind it (ENOENT, EISDIR, ...): readers of optional files skip an absent one. */
    readonly code?: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export async function readInputFile(path: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(path, maxBytes);
  } catch (error) {
    throw inputFileError(path, error);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InputFileError(path, decoded.reason);
  return decoded.text;
}

async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const before = await stat(path);
  refuseUnlessSmallRegularFile(path, before, maxBytes);
  // O_NONBLOCK: should the path turn into a FIFO between stat and open, open does not wait for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    refuseUnlessSmallRegularFile(path, await handle.stat(), maxBytes);
    // One byte over the limit tells a file that grew since stat from one that fits.
    const buffer = new Uint8Array(Math.min(before.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) throw new InputFileError(path, filled > maxBytes ? tooLarge(maxBytes) : 'grew while it was read; run again once it is written');
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function refuseUnlessSmallRegularFile(path: string, info: { isFile(): boolean; isDirectory(): boolean; size: number }, maxBytes: number): void {
  if (info.isDirectory()) throw new InputFileError(path, 'is a directory, not a file', 'EISDIR');
  if (!info.isFile()) throw new InputFileError(path, 'is not a regular file (a FIFO, socket or device); only regular files are read');
  if (info.size > maxBytes) throw new InputFileError(path, tooLarge(maxBytes));
}

const tooLarge = (maxBytes: number) => `is larger than ${maxBytes / (1024 * 1024)} MiB; not read`;

/** Any failure to read `path` (from readInputFile or another reader) as an InputFileError. */
export function inputFileError(path: string, error: unknown): InputFileError {
  return error instanceof InputFileError ? error : new InputFileError(path, readFailure(error), (error as { code?: string }).code);
}

function readFailure(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EIO') return 'cannot be read (I/O error, EIO)';
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}
