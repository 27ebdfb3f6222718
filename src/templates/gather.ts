// What a template is linted with, the same in CI and in the editor: the template, then the
// companions its format names (parameters and variables files, the rest of a Terraform module,
// local Bicep modules), read through the host's TemplateFileReader.
import { dirname, normalize } from 'node:path';
import { formatOfFile, TEMPLATE_FORMATS } from './formats';
import type { TemplateFormat } from './format';
import type { TemplateFileReader } from './fileReader';
import type { TemplateDocument } from './source';

export interface GatheredDocuments {
  format: TemplateFormat;
  /** The target first, then its companions. */
  documents: TemplateDocument[];
}

/** `target` with its companions, or undefined when no format lints it. `languageId`: the editor's, see formatOfFile. */
export async function gatherDocuments(target: TemplateDocument, reader: TemplateFileReader, languageId?: string): Promise<GatheredDocuments | undefined> {
  const format = formatOfFile(target.path, target.text, languageId);
  if (!format) return undefined;
  const seen = new Set([normalize(target.path)]);
  const companions = (await format.companions(target, reader)).filter((doc) => {
    const key = normalize(doc.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { format, documents: [target, ...companions] };
}

/**
 * The files whose findings one lint of `target` works out: the template, and for a format read
 * per folder (a Terraform module) every template file of that folder, evaluated once.
 */
export function filesLintedWith(gathered: GatheredDocuments): string[] {
  const [target, ...companions] = gathered.documents;
  if (gathered.format.topologyScope !== 'folder') return [target.path];
  const folder = dirname(normalize(target.path));
  return [target.path, ...companions.filter((doc) => dirname(normalize(doc.path)) === folder && gathered.format.matches(doc.path, doc.text)).map((doc) => doc.path)];
}

/** For a companion named on its own (a parameters or variables file): the templates it supplies. */
export async function templatesSuppliedBy(companion: TemplateDocument, reader: TemplateFileReader): Promise<string[]> {
  for (const format of TEMPLATE_FORMATS) {
    const templates = await format.suppliedTemplates(companion, reader);
    if (templates.length > 0) return templates;
  }
  return [];
}
