// `--snapshot FILE`: read the file, parse it with ranges, map it; every way the file can be
// wrong becomes a UsageError naming the file (and line and column when there is one).
import { basename } from 'node:path';
import { mapArmResources } from '../core/arm';
import type { Topology } from '../core/model';
import { parseSnapshot, resourceOrigins } from '../core/snapshot';
import { inputFileError } from './inputFile';
import type { CliIo } from './io';
import { UsageError } from './usageError';

export async function loadSnapshotTopology(file: string, io: CliIo): Promise<Topology> {
  const text = await readSnapshot(file, io);
  const parsed = parseSnapshot(text, file);
  if (!parsed.ok) throw new UsageError(parsed.error.message, 'diagnose');
  return mapArmResources(parsed.resources, {
    sourceLabel: `snapshot ${basename(file)}`,
    originOf: resourceOrigins(file, parsed),
  });
}

async function readSnapshot(file: string, io: CliIo): Promise<string> {
  try {
    return await io.readTextFile(file);
  } catch (error) {
    throw new UsageError(inputFileError(file, error).message, 'diagnose');
  }
}
