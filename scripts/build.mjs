// Bundles the extension (CJS, `vscode` external) and the CLI (with a shebang) with esbuild, and
// copies the two WebAssembly files the Terraform parser loads at run time next to the bundles.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's `main` is a UMD build whose dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  // web-tree-sitter's ESM build reads import.meta.url, which is empty in a CJS bundle.
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
};

/**
 * The extension loads the Azure layer and the template engine through one dynamic import each
 * (src/extension/live/loadAzure.ts, src/extension/editor/loadEngine.ts). Those two modules become
 * bundles of their own beside extension.js, so activation parses neither the Azure SDK nor the
 * parsers; the import turns into a require of the sibling file on first use.
 */
const LAZY_BUNDLES = [
  { entry: 'src/azure/index.ts', importedAs: /^\.\.\/\.\.\/azure\/index$/, outfile: 'dist/azure.js' },
  { entry: 'src/extension/editor/engine.ts', importedAs: /^\.\/engine$/, outfile: 'dist/templateEngine.js' },
];
const lazyBundles = {
  name: 'lazy-bundles',
  setup(pluginBuild) {
    for (const lazy of LAZY_BUNDLES) {
      pluginBuild.onResolve({ filter: lazy.importedAs }, (args) =>
        args.kind === 'dynamic-import' ? { path: `./${lazy.outfile.split('/').pop()}`, external: true } : undefined);
    }
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [lazyBundles],
    // import() of the sibling bundles becomes require(): they are CommonJS.
    supported: { 'dynamic-import': false },
  }),
  ...LAZY_BUNDLES.map((lazy) => build({ ...common, entryPoints: [lazy.entry], outfile: lazy.outfile })),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli.js', 0o755);

mkdirSync('dist', { recursive: true });
const wasmFiles = [
  join(dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm'),
  join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm'),
];
for (const file of wasmFiles) copyFileSync(file, join('dist', file.split('/').pop()));
