// What one template format (ARM JSON, Bicep, Terraform) is to Bastion Doctor, in one object per
// format (src/templates/<format>/format.ts) listed in one registry (formats.ts): how its files are
// recognised, which files a template is read with, how it becomes a topology (TemplateSource),
// and how a fix or a "disable for this line" is written in its syntax.
import type { Finding } from '../core/findings';
import type { EditableRemedy, FileTextEdit, FormatId } from './edits/types';
import type { TemplateFileReader } from './fileReader';
import type { TemplateDocument, TemplateSource } from './source';

export interface TemplateFormat extends TemplateSource {
  readonly id: FormatId;
  /** File names a folder walk reads for this format: its templates and their companions. */
  readonly fileNames: RegExp;
  /** Editor language ids a document of this format may have whatever its name (an untitled buffer). */
  readonly languageIds: readonly string[];
  /** The extension a document of one of those languages is read under when its name has none of ours. */
  readonly defaultExtension: string;
  /**
   * The files `target` is read with (never `target` itself): what decides its values (parameters and
   * variables files), the rest of its module, the local modules it deploys. The CLI and the editor
   * both read a template's context through this (gather.ts).
   */
  companions(target: TemplateDocument, reader: TemplateFileReader): Promise<TemplateDocument[]>;
  /** For a companion named on its own (a parameters or variables file): the templates it supplies values to. */
  suppliedTemplates(companion: TemplateDocument, reader: TemplateFileReader): Promise<string[]>;
  /** The edits that apply `remedy` to these documents, or undefined when it cannot be written safely. */
  remedyEdits(remedy: EditableRemedy, documents: readonly TemplateDocument[]): FileTextEdit[] | undefined;
  /** "Disable <rule> for this line" on the finding's element in `doc`, the file it points at. */
  disableEdits(finding: Finding, doc: TemplateDocument): FileTextEdit[] | undefined;
  /** The comment a disable-next-line directive is written in; undefined for ARM JSON (resource metadata). */
  readonly commentMarker?: '#' | '//';
}
