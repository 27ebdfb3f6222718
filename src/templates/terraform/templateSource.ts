// The lint engine's view of Terraform: each .tf file is linted with the rest of its folder as the
// module. TemplateSource.toTopology is synchronous while the parser loads asynchronously, so the
// host awaits terraformParser() once before linting; until then the file gets one diagnostic.
import type { ParseDiagnostic, TemplateDocument, TemplateSource, TemplateSuppression, TemplateTopology } from '../source';
import { emptyTopology } from '../../core/model';
import { folderOf, isTerraformConfigFile, isTerraformVariablesFile } from './files';
import { terraformModuleToTopologyWith } from './readModule';
import { loadedTerraformParser } from './parser';
import { ParsedFileCache } from './parseCache';

const END_OF_LINE = 10_000;

/** Unchanged files of a module are not parsed again on the next lint (the editor lints on every pause). */
const parsedFiles = new ParsedFileCache();

/** Forgets every kept parse, so the next lint parses everything (benchmarks of a first lint). */
export function clearTerraformParseCache(): void {
  parsedFiles.clear();
}

export const terraformSource: TemplateSource = {
  id: 'terraform',
  matches: (path) => isTerraformConfigFile(path),
  isCompanion: (path) => isTerraformVariablesFile(path),
  topologyScope: 'folder',
  toTopology(doc: TemplateDocument, siblings: readonly TemplateDocument[]): TemplateTopology {
    const parser = loadedTerraformParser();
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (!parser) {
      return { topology: emptyTopology(), suppressions: [], parseDiagnostics: [{ file: doc.path, range, message: 'The Terraform parser is not loaded yet (await terraformParser() first)', unparsed: true }] };
    }
    const folder = folderOf(doc.path);
    const module = [doc, ...siblings.filter((s) => s.path !== doc.path && folderOf(s.path) === folder)];
    const result = terraformModuleToTopologyWith(parser, module, { sourceLabel: `Terraform ${folder || '.'}` }, parsedFiles);
    const parseDiagnostics: ParseDiagnostic[] = result.parseDiagnostics.map((d) => ({ file: d.path, range: d.range, message: d.message, ...(d.unparsed ? { unparsed: d.unparsed } : {}) }));
    const suppressions: TemplateSuppression[] = result.suppressions.map((s) => ({
      file: s.path,
      range: { start: { line: s.line, character: 0 }, end: { line: s.line, character: END_OF_LINE } },
      rules: s.ruleIds,
    }));
    return { topology: result.topology, parseDiagnostics, suppressions };
  },
};
