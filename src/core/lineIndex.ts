// Offsets in a text ↔ zero-based line/character positions, by binary search over line starts.
// Every text source (snapshots, ARM, Terraform, the template edits) reads positions through it.
import type { Position, SourceRange } from './model';

export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** The line of the previous lookup: readers mostly ask in document order. */
  private lastLine = 0;

  constructor(readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, character: offset - this.lineStarts[line] };
  }

  rangeOf(offset: number, length: number): SourceRange {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }

  /** The offset of a position, clamped to the text and to the end of its line. */
  offsetAt(position: Position): number {
    const line = Math.min(Math.max(position.line, 0), this.lineStarts.length - 1);
    const lineEnd = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return Math.min(this.lineStarts[line] + Math.max(position.character, 0), lineEnd);
  }

  /** A line's text without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$/, '');
  }

  private lineOf(offset: number): number {
    const { lineStarts, lastLine } = this;
    if (lineStarts[lastLine] <= offset && (lastLine + 1 === lineStarts.length || offset < lineStarts[lastLine + 1])) return lastLine;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    this.lastLine = low;
    return low;
  }
}
