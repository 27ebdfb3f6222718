// Parsed files kept between lints. The editor lints a module again on every pause in typing, and
// all its files but the one being edited are unchanged: their parse is reused when path and text
// are the same. ParsedFile is never mutated after parsing, so sharing it is safe.
import type { ParsedFile } from './ast';

const MAX_FILES = 256;
/** Bounds memory: a parsed file is a few times larger than its text. */
const MAX_TOTAL_CHARS = 16_000_000;

export class ParsedFileCache {
  private readonly entries = new Map<string, { text: string; parsed: ParsedFile }>();
  private totalChars = 0;

  /** The cached parse of `path` if it was parsed from exactly `text`; refreshed as recently used. */
  get(path: string, text: string): ParsedFile | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.text !== text) return undefined;
    this.entries.delete(path);
    this.entries.set(path, entry);
    return entry.parsed;
  }

  set(path: string, text: string, parsed: ParsedFile): void {
    this.remove(path);
    if (text.length > MAX_TOTAL_CHARS) return;
    this.entries.set(path, { text, parsed });
    this.totalChars += text.length;
    // Least recently used first: Map keeps insertion order and get() re-inserts.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_FILES && this.totalChars <= MAX_TOTAL_CHARS) break;
      this.remove(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.totalChars = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    this.totalChars -= entry.text.length;
    this.entries.delete(path);
  }
}
