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

/**
 * The default of an edit builder's switch over remedy kinds: with every kind listed, `remedy` is
 * `never` here, so a new kind is a type error until each format decides whether it can write it.
 */
export function unhandledRemedy(remedy: never): never {
  throw new Error(`no template edit decided for remedy ${JSON.stringify(remedy)}`);
}
