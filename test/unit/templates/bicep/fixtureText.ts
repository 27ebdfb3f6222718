// Reads Bicep fixtures and finds lines by marker, so tests assert exact lines without hard-coding numbers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = 'test/fixtures/templates/bicep';
/** Parser corpus: one fixture per construct or file shape of public Bicep (its README lists them). */
export const CORPUS = 'test/fixtures/templates/bicep-corpus';

export function fixture(relativePath: string): { path: string; text: string } {
  const path = join(FIXTURES, relativePath);
  return { path, text: readFileSync(path, 'utf8') };
}

/** Every fixture file (.bicep and .bicepparam) under the folder, recursively. */
export function allFixtures(folder = FIXTURES): { path: string; text: string }[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return allFixtures(path);
    return /\.bicep(param)?$/.test(name) ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

/** 0-based line of the first line containing `marker`; with `above`, the nearest such line above the line containing `above`. */
export function lineOf(text: string, marker: string, above?: string): number {
  const lines = text.split('\n');
  const anchor = above === undefined ? -1 : lines.findIndex((l) => l.includes(above));
  if (above !== undefined && anchor === -1) throw new Error(`marker not found: ${above}`);
  const index = anchor === -1 ? lines.findIndex((line) => line.includes(marker)) : lines.slice(0, anchor).map((l) => l.includes(marker)).lastIndexOf(true);
  if (index === -1) throw new Error(`marker not found: ${marker}`);
  return index;
}
