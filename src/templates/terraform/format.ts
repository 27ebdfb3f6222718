// Terraform (azurerm): a `.tf` file is read with the rest of its folder, the module it belongs
// to, and the module's variable files; `#` comments carry the disable directive.
import { commentDisableEdits } from '../edits/commentDisable';
import type { TemplateFormat } from '../format';
import { filesBeside } from '../fileReader';
import { terraformRemedyEdits } from './edits/terraformEdits';
import { terraformSource } from './templateSource';

const MODULE_FILES = /\.(tf|tfvars|tfvars\.json)$/i;

const COMMENT_MARKER = '#';

export const terraformFormat: TemplateFormat = {
  ...terraformSource,
  id: 'terraform',
  fileNames: /\.(tf|tfvars)$/i,
  languageIds: ['terraform'],
  defaultExtension: '.tf',
  commentMarker: COMMENT_MARKER,
  companions: (target, reader) => filesBeside(target.path, MODULE_FILES, reader),
  suppliedTemplates: async (companion, reader) => {
    if (!terraformSource.isCompanion?.(companion.path, companion.text)) return [];
    return (await filesBeside(companion.path, /\.tf$/, reader)).map((doc) => doc.path);
  },
  remedyEdits: terraformRemedyEdits,
  disableEdits: (finding, doc) => commentDisableEdits(finding, doc, COMMENT_MARKER),
};
