// Extension start-up cost: load the production bundle and run activate() against a stubbed
// `vscode` module, and list which modules activation loads (from the sources, so every module
// shows). Lazy activation means no Azure SDK and no template parser loads until first use.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { BenchRow } from './types';

const root = join(__dirname, '..');
const require = createRequire(__filename);
/** Activation runs on every window start; it should be invisible next to VS Code's own start-up. */
const TARGET_MS = 50;
const DETECTION = /\/src\/templates\/(arm\/detect|terraform\/files|edits\/format|edits\/types)\.ts$/;
const HEAVY = [
  { name: '@azure/*', test: (path: string) => path.includes('/node_modules/@azure/') },
  // Telling a template from other JSON by its name and $schema is needed at activation (which
  // documents to watch); those detection modules parse nothing.
  { name: 'parsers', test: (path: string) => /\/node_modules\/(jsonc-parser|web-tree-sitter|@tree-sitter-grammars)\/|\/src\/templates\//.test(path) && !DETECTION.test(path) },
];

/** A `vscode` that accepts any call: every property is a callable, constructible stub. */
function stub(prototype?: object): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    // esbuild's __toESM copies a module onto Object.create(prototype): lookups reach this stub then.
    getPrototypeOf: () => prototype ?? Function.prototype,
    get(_t, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => '';
      if (key === Symbol.iterator) return function* () {};
      if (!cache.has(key)) cache.set(key, stub());
      return cache.get(key);
    },
    set(_t, key, value) {
      cache.set(key, value);
      return true;
    },
    apply: () => stub(),
    construct: () => stub() as object,
  });
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };

/** Loads `entry` with vscode stubbed, runs activate(), and returns the time and the files loaded. */
async function loadAndActivate(entry: string): Promise<{ ms: number; loaded: string[] }> {
  const original = moduleWithLoad._load;
  const vscode = stub(stub() as object);
  const loaded: string[] = [];
  moduleWithLoad._load = function (request, parent, isMain) {
    if (request === 'vscode') return vscode;
    const result = original.call(this, request, parent, isMain);
    try {
      loaded.push(Module.builtinModules.includes(request.replace(/^node:/, '')) ? request : require.resolve(request, { paths: [(parent as { path?: string })?.path ?? root] }));
    } catch {
      loaded.push(request);
    }
    return result;
  };
  try {
    const start = process.hrtime.bigint();
    const extension = require(entry) as { activate(context: unknown): unknown };
    await extension.activate({ subscriptions: [], globalState: stub(), workspaceState: stub(), secrets: stub(), extensionUri: stub(), extensionPath: root });
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, loaded: [...new Set(loaded)] };
  } finally {
    moduleWithLoad._load = original;
  }
}

export default async function run(): Promise<BenchRow[]> {
  // The production bundles exactly as `npm run package` ships them (the Azure layer and the
  // template engine are separate files that activation does not load).
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  const bundle = join(root, 'dist', 'extension.js');
  const bundled = await loadAndActivate(bundle);
  const fromSource = await loadAndActivate(join(root, 'src/extension/extension.ts'));
  const files = fromSource.loaded.filter((path) => path.startsWith('/')).map((path) => relative(root, path));
  const packages = [...new Set(files.filter((f) => f.includes('node_modules/')).map((f) => f.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')))];
  const sources = files.filter((f) => f.startsWith('src/')).map((f) => f.replace(/^src\//, '').replace(/\.ts$/, ''));
  const builtins = fromSource.loaded.filter((path) => !path.startsWith('/'));
  const byFolder = new Map<string, number>();
  for (const source of sources) byFolder.set(source.split('/')[0], (byFolder.get(source.split('/')[0]) ?? 0) + 1);
  const folders = [...byFolder].map(([folder, count]) => `${folder} ${count}`).join(', ');
  const heavy = HEAVY.map((h) => ({ name: h.name, files: fromSource.loaded.filter(h.test) }));
  return [
    {
      benchmark: 'extension bundle load + activate()',
      input: `dist/extension.js (${(statSync(bundle).size / 1024).toFixed(0)} KB, minified), stubbed vscode`,
      result: `${bundled.ms.toFixed(1)} ms`,
      target: `< ${TARGET_MS} ms`,
      verdict: bundled.ms < TARGET_MS ? 'ok' : 'over',
    },
    {
      benchmark: 'modules loaded at activation',
      input: `${sources.length} source files (${folders})`,
      result: `packages: ${packages.join(', ') || 'none'}; node: ${builtins.join(', ') || 'none'}`,
      target: '',
      verdict: '',
    },
    ...heavy.map((h) => ({
      benchmark: `lazy: no ${h.name} at activation`,
      input: 'activate() from sources',
      result: h.files.length === 0 ? 'none loaded' : `${h.files.length} loaded, e.g. ${h.files.slice(0, 2).map((f) => relative(root, f)).join(', ')}`,
      target: 'none',
      verdict: (h.files.length === 0 ? 'ok' : 'over') as BenchRow['verdict'],
    })),
  ];
}
