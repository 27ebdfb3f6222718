// Finds where things are in a fixture, so tests assert exact lines without hard-coding numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = 'test/fixtures/templates/arm';

export function fixture(relativePath: string): { path: string; text: string } {
  const path = join(FIXTURES, relativePath);
  return { path, text: readFileSync(path, 'utf8') };
}

/** 0-based line of the `{` opening the JSON object whose direct property line contains `marker`. */
export function objectStartLine(text: string, marker: string, occurrence = 0): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((line, i) => (line.includes(marker) ? [i] : []));
  const markerLine = hits[occurrence];
  if (markerLine === undefined) throw new Error(`marker not found: ${marker}`);
  const indent = lines[markerLine].search(/\S/);
  for (let i = markerLine - 1; i >= 0; i -= 1) {
    if (lines[i].trim().startsWith('{') && lines[i].search(/\S/) === indent - 2) return i;
  }
  // `"key": {` opening an object on the same line as its key.
  for (let i = markerLine - 1; i >= 0; i -= 1) if (lines[i].trimEnd().endsWith('{') && lines[i].search(/\S/) === indent - 2) return i;
  throw new Error(`no object start above: ${marker}`);
}
