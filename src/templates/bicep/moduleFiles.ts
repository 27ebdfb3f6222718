// Local Bicep modules (`module m '../modules/nsg.bicep' = {...}`) and the local files a Bicep file
// imports from (`import { x } from './types.bicep'`) live anywhere in the workspace.
// Hosts read them with followLocalModules (the editor through vscode.workspace.fs, the CLI from
// disk); the editor shows a finding that sits in a module on the caller's module declaration,
// through moduleCallSites. Paths resolve as the evaluator resolves them (evaluate/modules.ts).
import { dirname, join, normalize } from 'node:path';
import type { SourceRange } from '../../core/model';
import type { TemplateDocument } from '../source';
import type { ImportDeclaration, ModuleDeclaration } from './syntax/ast';
import { parseBicep } from './syntax/parser';

const REMOTE_MODULE = /^(br|ts)[:/]/i;
/** A module tree larger than this is cut short; the evaluator then says which module was not read. */
export const MAX_FOLLOWED_MODULE_FILES = 200;

const pathKey = (path: string) => normalize(path).toLowerCase();

interface LocalModule {
  declaration: ModuleDeclaration;
  /** The module file, resolved against the declaring file's folder. */
  file: string;
}

/**
 * The last answer per file: the editor asks for the same text several times per lint (following
 * modules, lintFile's call sites, the diagnostics' anchors), and a parse is the cost.
 */
const recent = new Map<string, { text: string; modules: LocalModule[]; imports: string[] }>();
const RECENT_FILES = 64;

const isLocalBicep = (path: string) => !REMOTE_MODULE.test(path) && /\.bicep$/i.test(path);

function localReferences(doc: TemplateDocument): { modules: LocalModule[]; imports: string[] } {
  if (!/\.bicep$/i.test(doc.path)) return { modules: [], imports: [] };
  const known = recent.get(doc.path);
  if (known?.text === doc.text) return known;
  const declarations = parseBicep(doc.text).declarations;
  const resolved = (path: string) => normalize(join(dirname(doc.path), path));
  const modules = declarations
    .filter((d): d is ModuleDeclaration => d.kind === 'module' && isLocalBicep(d.path))
    .map((declaration) => ({ declaration, file: resolved(declaration.path) }));
  const imports = declarations.filter((d): d is ImportDeclaration => d.kind === 'import' && isLocalBicep(d.path)).map((d) => resolved(d.path));
  const entry = { text: doc.text, modules, imports };
  recent.delete(doc.path);
  recent.set(doc.path, entry);
  if (recent.size > RECENT_FILES) recent.delete(recent.keys().next().value as string);
  return entry;
}

/** The declarations of a Bicep file that name a local .bicep module, with the file each resolves to. */
export function localModules(doc: TemplateDocument): LocalModule[] {
  return localReferences(doc).modules;
}

/** Every local file a Bicep file needs read: its modules' files and the files it imports from. */
function localDependencies(doc: TemplateDocument): string[] {
  const { modules, imports } = localReferences(doc);
  return [...modules.map((module) => module.file), ...imports];
}

/**
 * Reads the local module and imported files reachable from `roots` that are not among them, breadth first.
 * `read` returns undefined for a file that does not exist or cannot be read; that module is then
 * reported by the evaluator as not read, like any other missing module.
 */
export async function followLocalModules(
  roots: readonly TemplateDocument[],
  read: (path: string) => Promise<string | undefined>,
  maxFiles = MAX_FOLLOWED_MODULE_FILES,
): Promise<TemplateDocument[]> {
  const known = new Set(roots.map((doc) => pathKey(doc.path)));
  const found: TemplateDocument[] = [];
  let frontier = [...roots];
  while (frontier.length > 0 && found.length < maxFiles) {
    const next: TemplateDocument[] = [];
    for (const doc of frontier) {
      for (const file of localDependencies(doc)) {
        if (known.has(pathKey(file)) || found.length >= maxFiles) continue;
        known.add(pathKey(file));
        const text = await read(file);
        if (text === undefined) continue;
        const module = { path: file, text };
        found.push(module);
        next.push(module);
      }
    }
    frontier = next;
  }
  return found;
}

export interface ModuleCallSite {
  /** The module declaration in the calling file. */
  range: SourceRange;
  /** The declared module's symbolic name. */
  name: string;
  /** The path as the caller wrote it. */
  path: string;
}

/**
 * For every file `target` deploys through its local modules (directly or through nested
 * modules), the module declaration in `target` it is reached through; the first one wins.
 */
export function moduleCallSites(target: TemplateDocument, documents: readonly TemplateDocument[]): Map<string, ModuleCallSite> {
  const byPath = new Map(documents.map((doc) => [pathKey(doc.path), doc]));
  const sites = new Map<string, ModuleCallSite>();
  for (const { declaration, file } of localModules(target)) {
    const site: ModuleCallSite = { range: declaration.range, name: declaration.name, path: declaration.path };
    const visited = new Set([pathKey(target.path)]);
    const pending = [file];
    while (pending.length > 0) {
      const key = pathKey(pending.pop() ?? '');
      const doc = byPath.get(key);
      if (!doc || visited.has(key)) continue;
      visited.add(key);
      if (!sites.has(key)) sites.set(key, site);
      pending.push(...localModules(doc).map((module) => module.file));
    }
  }
  return sites;
}

/** The call site of the file a finding's origin lies in, when `target` reaches it through a module. */
export function callSiteOf(sites: ReadonlyMap<string, ModuleCallSite>, file: string): ModuleCallSite | undefined {
  return sites.get(pathKey(file));
}
