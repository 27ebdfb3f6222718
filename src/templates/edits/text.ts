// Offsets, positions and indentation of template text, shared by the format-specific builders.
import { LineIndex } from '../../core/lineIndex';
import type { SourceRange } from '../../core/model';

// One line index for every source: src/core/lineIndex.ts.
export { LineIndex };

export function indentationOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The file's indent unit: a tab, or the smallest step between consecutive indentation depths. */
export function indentUnitOf(text: string): string {
  const depths = new Set<number>();
  for (const line of text.split('\n')) {
    const indent = indentationOf(line);
    if (indent.startsWith('\t')) return '\t';
    if (indent.length > 0 && line.trim().length > 0) depths.add(indent.length);
  }
  const smallest = Math.min(...depths);
  return ' '.repeat(Number.isFinite(smallest) ? smallest : 2);
}

/** Applies non-overlapping edits of one text (positions refer to the original text). */
export function applyTextEdits(text: string, edits: readonly { range: SourceRange; newText: string }[]): string {
  const index = new LineIndex(text);
  const ordered = edits
    .map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of ordered) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** The smallest single replacement that turns `before` into `after`. */
export function differenceAsEdit(before: string, after: string): { range: SourceRange; newText: string } | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const limit = Math.min(before.length, after.length);
  while (prefix < limit && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const index = new LineIndex(before);
  return { range: index.rangeOf(prefix, before.length - suffix - prefix), newText: after.slice(prefix, after.length - suffix) };
}
