// Offsets, positions and indentation of template text, shared by the format-specific builders.
import type { Position, SourceRange } from '../../core/model';

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  offsetAt(position: Position): number {
    const line = Math.min(Math.max(position.line, 0), this.lineStarts.length - 1);
    const lineEnd = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return Math.min(this.lineStarts[line] + Math.max(position.character, 0), lineEnd);
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - this.lineStarts[low] };
  }

  rangeOf(offset: number, length: number): SourceRange {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }

  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$/, '');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

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
