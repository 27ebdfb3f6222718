// The registry of template formats. A new format is one folder with a format.ts (a
// TemplateFormat) and one entry here; the lint engine, the edits, the CLI's inputs and the
// editor all find formats through this list, never by name.
import { armFormat } from './arm/format';
import { bicepFormat } from './bicep/format';
import type { FormatId } from './edits/types';
import type { TemplateFormat } from './format';
import { terraformFormat } from './terraform/format';
import { terraformParser } from './terraform';

export const TEMPLATE_FORMATS: readonly TemplateFormat[] = [armFormat, bicepFormat, terraformFormat];

export function templateFormat(id: FormatId): TemplateFormat {
  const format = TEMPLATE_FORMATS.find((candidate) => candidate.id === id);
  if (!format) throw new Error(`no template format '${id}' is registered`);
  return format;
}

/**
 * The format that lints this file, if any. `languageId` (the editor's) lets a document of one of
 * a format's languages count whatever its name: an untitled Bicep buffer, a JSON file without .json.
 */
export function formatOfFile(path: string, text: string, languageId?: string): TemplateFormat | undefined {
  if (TEMPLATE_FORMATS.some((format) => format.isCompanion?.(path, text))) return undefined;
  return TEMPLATE_FORMATS.find((format) =>
    format.matches(path, text) || (languageId !== undefined && format.languageIds.includes(languageId) && format.matches(`${path}${format.defaultExtension}`, text)));
}

/** Whether a folder walk reads this file name (a template or a companion of some format). */
export function isTemplateFileName(name: string): boolean {
  return TEMPLATE_FORMATS.some((format) => format.fileNames.test(name));
}

let prepared: Promise<void> | undefined;

/**
 * Terraform's parser is WebAssembly that loads asynchronously, so hosts (CLI, editor) await this
 * once before linting. A parser that cannot load leaves each .tf file with one diagnostic saying so.
 */
export function prepareTemplateFormats(): Promise<void> {
  prepared ??= terraformParser().then(() => undefined, () => undefined);
  return prepared;
}
