// ARM JSON templates: a `.json`/`.jsonc` file with a deploymentTemplate $schema, read with its
// `<name>.parameters.json`; fixes and "disable" written through jsonc-parser.
import { basename, dirname, join } from 'node:path';
import type { EditableRemedy, FileTextEdit } from '../edits/types';
import type { TemplateFormat } from '../format';
import { readExisting } from '../fileReader';
import { armTemplateSource } from './armTemplateSource';
import { isArmParametersFile, isArmTemplate, parametersFilePathFor } from './detect';
import { armDisableEdit, armRemedyEdit } from './edits/armEdits';

/** The file an edit of this remedy lands in: where the element it changes was declared. */
function originFileOf(remedy: EditableRemedy): string | undefined {
  const ref = 'nsg' in remedy ? remedy.nsg : 'subnet' in remedy ? remedy.subnet : 'bastion' in remedy ? remedy.bastion : undefined;
  return ref?.origin?.kind === 'file' ? ref.origin.file : undefined;
}

export const armFormat: TemplateFormat = {
  ...armTemplateSource,
  id: 'arm',
  fileNames: /\.jsonc?$/i,
  languageIds: ['json', 'jsonc', 'arm-template'],
  defaultExtension: '.json',
  companions: async (target, reader) => {
    const parameters = (await readExisting([parametersFilePathFor(target.path)], reader)).filter((doc) => isArmParametersFile(doc.path, doc.text));
    return parameters.filter((doc) => doc.path !== target.path);
  },
  suppliedTemplates: async (companion, reader) => {
    if (!/\.parameters\.jsonc?$/i.test(companion.path)) return [];
    const template = join(dirname(companion.path), basename(companion.path).replace(/\.parameters\.jsonc?$/i, '.json'));
    return (await readExisting([template], reader)).filter((doc) => isArmTemplate(doc.path, doc.text)).map((doc) => doc.path);
  },
  remedyEdits: (remedy, documents) => {
    const file = originFileOf(remedy);
    const doc = documents.find((d) => d.path === file);
    if (!doc || !isArmTemplate(doc.path, doc.text)) return undefined;
    const edit = armRemedyEdit(remedy, doc.text);
    return edit ? [{ file: doc.path, ...edit }] : undefined;
  },
  disableEdits: (finding, doc): FileTextEdit[] | undefined => {
    const origin = finding.resource.origin;
    const edit = origin?.kind === 'file' ? armDisableEdit(doc.text, origin.range, finding.rule) : undefined;
    return edit ? [{ file: doc.path, ...edit }] : undefined;
  },
};
