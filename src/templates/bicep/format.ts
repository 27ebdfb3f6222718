// Bicep: a `.bicep` file, read with the parameters files beside it (a `.bicepparam` whose `using`
// names it, or `<name>.parameters.json`) and the local modules it deploys, wherever they live.
import { basename, dirname, join, normalize } from 'node:path';
import { commentDisableEdits } from '../edits/commentDisable';
import type { TemplateFormat } from '../format';
import { filesBeside, readExisting } from '../fileReader';
import { bicepSource } from './bicepSource';
import { bicepRemedyEdits } from './edits/bicepEdits';
import { followLocalModules } from './moduleFiles';

const COMMENT_MARKER = '//';
/** The compiler's `#disable-next-line` applies to the line right after it: ours goes above it. */
const COMPILER_PRAGMA = /^\s*#disable-next-line\b/;
const USING = /^\s*using\s+'([^']+)'/m;

export const bicepFormat: TemplateFormat = {
  ...bicepSource,
  id: 'bicep',
  fileNames: /\.(bicep|bicepparam)$/i,
  languageIds: ['bicep'],
  defaultExtension: '.bicep',
  commentMarker: COMMENT_MARKER,
  companions: async (target, reader) => {
    // Any .bicepparam of the folder may name this template with `using`; the reader picks the one that does.
    const parameters = [
      ...(await filesBeside(target.path, /\.bicepparam$/i, reader)),
      ...(await readExisting([join(dirname(target.path), `${basename(target.path).replace(/\.bicep$/i, '')}.parameters.json`)], reader)),
    ];
    const modules = await followLocalModules([target, ...parameters], (path) => reader.readText(path));
    return [...parameters, ...modules];
  },
  suppliedTemplates: async (companion, reader) => {
    if (!/\.bicepparam$/i.test(companion.path)) return [];
    const using = USING.exec(companion.text)?.[1];
    if (!using || !/\.bicep$/i.test(using)) return [];
    return (await readExisting([normalize(join(dirname(companion.path), using))], reader)).map((doc) => doc.path);
  },
  remedyEdits: bicepRemedyEdits,
  disableEdits: (finding, doc) => commentDisableEdits(finding, doc, COMMENT_MARKER, COMPILER_PRAGMA),
};
