// What the pure edit builders produce: plain text edits an editor or a test applies.
import type { SourceRange } from '../../core/model';

/** The registered template formats (src/templates/formats.ts). */
export type FormatId = 'arm' | 'bicep' | 'terraform';

/** Replace `range` (0-based, end exclusive) of `file` with `newText`. */
export interface FileTextEdit {
  file: string;
  range: SourceRange;
  newText: string;
}
