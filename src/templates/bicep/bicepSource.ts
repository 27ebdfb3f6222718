// Bicep as a lint source. Local modules and parameter files come from the documents the engine
// passes along (the file's folder); nothing here touches the disk.
import type { TemplateDocument, TemplateSource, TemplateTopology } from '../source';
import { bicepToTopology } from './toTopology';

export const bicepSource: TemplateSource = {
  id: 'bicep',
  matches: (path) => /\.bicep$/i.test(path),
  isCompanion: (path) => /\.bicepparam$/i.test(path),
  // Local modules (`module m './modules/nsg.bicep'`) usually live in subfolders.
  siblingScope: 'all',
  toTopology: (doc: TemplateDocument, siblings: readonly TemplateDocument[]): TemplateTopology => bicepToTopology(doc, { siblings }),
};
