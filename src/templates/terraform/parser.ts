// Loads web-tree-sitter and the Terraform grammar once, lazily. Both are WebAssembly files read
// at run time: from node_modules in tests and development, from the folder next to the bundle
// (dist/) once built, or from a directory the host sets explicitly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

export const RUNTIME_WASM = 'tree-sitter.wasm';
export const TERRAFORM_GRAMMAR_WASM = 'tree-sitter-terraform.wasm';

export interface WasmLocations {
  runtime: string;
  grammar: string;
}

let explicitDirectory: string | undefined;
let loading: Promise<Parser> | undefined;
let loaded: Parser | undefined;

/** Makes the loader read both wasm files from `dir` (the bundle's folder). Takes effect before the first parse. */
export function setTerraformWasmDirectory(dir: string | undefined): void {
  explicitDirectory = dir;
  loading = undefined;
  loaded = undefined;
}

/** The parser once terraformParser() has resolved; undefined before (for synchronous callers). */
export function loadedTerraformParser(): Parser | undefined {
  return loaded;
}

function resolveFromNodeModules(): WasmLocations | undefined {
  try {
    return {
      runtime: require.resolve(`web-tree-sitter/${RUNTIME_WASM}`),
      grammar: require.resolve(`@tree-sitter-grammars/tree-sitter-hcl/${TERRAFORM_GRAMMAR_WASM}`),
    };
  } catch {
    return undefined;
  }
}

function inDirectory(dir: string): WasmLocations {
  return { runtime: join(dir, RUNTIME_WASM), grammar: join(dir, TERRAFORM_GRAMMAR_WASM) };
}

/** Explicit directory first; then the bundle's own folder when it holds the files; then node_modules. */
export function terraformWasmLocations(): WasmLocations {
  if (explicitDirectory) return inDirectory(explicitDirectory);
  const besideBundle = typeof __dirname === 'string' ? inDirectory(__dirname) : undefined;
  if (besideBundle && existsSync(besideBundle.grammar) && existsSync(besideBundle.runtime)) return besideBundle;
  const fromNodeModules = resolveFromNodeModules();
  if (fromNodeModules) return fromNodeModules;
  return besideBundle ?? inDirectory(process.cwd());
}

async function loadParser(locations: WasmLocations): Promise<Parser> {
  for (const file of [locations.runtime, locations.grammar]) {
    if (!existsSync(file)) throw new Error(`Terraform parser: ${file} does not exist`);
  }
  await Parser.init({ locateFile: () => locations.runtime });
  const language = await Language.load(locations.grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** The shared parser; a failed load is not cached, so a later call retries (e.g. after setTerraformWasmDirectory). */
export function terraformParser(): Promise<Parser> {
  if (!loading) {
    const attempt = loadParser(terraformWasmLocations());
    loading = attempt;
    attempt.then(
      (parser) => {
        if (loading === attempt) loaded = parser;
      },
      () => {
        if (loading === attempt) loading = undefined;
      },
    );
  }
  return loading;
}
