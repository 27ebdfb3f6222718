// Compile-time imports (`import { a, b as c } from './types.bicep'`, `import * as ns from ...`)
// and user-defined functions. An exported variable of a local file that was read is evaluated
// there; a type, a function, a registry import or a file not read is unresolved, never absent.
import { dirname, join, normalize } from 'node:path';
import type { FunctionDeclaration, ImportDeclaration } from '../syntax/ast';
import type { FileEvaluator } from './fileEvaluator';
import { MAX_MODULE_DEPTH } from './session';
import { isUnresolved, unresolved, type TemplateValue, Unresolved } from './values';

const REMOTE = /^(br|ts)[:/]/i;

export class FileImports {
  private readonly symbols = new Map<string, { declaration: ImportDeclaration; name: string }>();
  private readonly namespaces = new Map<string, ImportDeclaration>();
  private readonly functions = new Map<string, FunctionDeclaration>();
  private readonly files = new Map<string, FileEvaluator | Unresolved>();

  constructor(private readonly owner: FileEvaluator) {}

  declareImport(declaration: ImportDeclaration): void {
    for (const symbol of declaration.symbols) this.symbols.set(symbol.alias, { declaration, name: symbol.name });
    if (declaration.namespace) this.namespaces.set(declaration.namespace, declaration);
  }

  declareFunction(declaration: FunctionDeclaration): void {
    this.functions.set(declaration.name, declaration);
  }

  has(name: string): boolean {
    return this.symbols.has(name) || this.namespaces.has(name);
  }

  /** An imported symbol's value here; `undefined` when `name` is not imported. */
  value(name: string): TemplateValue | undefined {
    const symbol = this.symbols.get(name);
    if (symbol) {
      const file = this.file(symbol.declaration);
      return isUnresolved(file) ? withName(file, name) : file.exported(symbol.name);
    }
    const namespace = this.namespaces.get(name);
    if (!namespace) return undefined;
    const file = this.file(namespace);
    return isUnresolved(file) ? withName(file, name) : file.exportedVariables();
  }

  /** Why a call is not evaluated when it names a user-defined function (own, imported or `ns.f()`), else undefined. */
  userFunction(name: string, namespace?: string): string | undefined {
    if (namespace !== undefined) {
      const declaration = this.namespaces.get(namespace);
      return declaration ? `${namespace}.${name}() is a user-defined function from ${declaration.path}; Bastion Doctor does not evaluate user-defined functions` : undefined;
    }
    if (this.functions.has(name)) return `${name}() is a user-defined function; Bastion Doctor does not evaluate user-defined functions`;
    const imported = this.symbols.get(name);
    return imported ? `${name}() is imported from ${imported.declaration.path}; Bastion Doctor does not evaluate user-defined functions` : undefined;
  }

  private file(declaration: ImportDeclaration): FileEvaluator | Unresolved {
    const path = normalize(join(dirname(this.owner.file), declaration.path));
    const known = this.files.get(path);
    if (known) return known;
    const made = this.read(declaration, path);
    this.files.set(path, made);
    return made;
  }

  private read(declaration: ImportDeclaration, path: string): FileEvaluator | Unresolved {
    if (REMOTE.test(declaration.path)) return unresolved(`it is imported from a registry (${declaration.path}), which is not read`);
    if (!/\.bicep$/i.test(declaration.path)) return unresolved(`it is imported from ${declaration.path}, which is not a Bicep file`);
    if (this.owner.stack.includes(path)) return unresolved(`${declaration.path} imports itself through a cycle`);
    if (this.owner.depth >= MAX_MODULE_DEPTH) return unresolved(`${declaration.path} is nested more than ${MAX_MODULE_DEPTH} files deep`);
    const parsed = this.owner.session.parsed(path);
    if (!parsed) return unresolved(`${declaration.path} was not among the files read`);
    return this.owner.imported(parsed);
  }
}

function withName(reason: Unresolved, name: string): Unresolved {
  return unresolved(`'${name}' is imported and ${reason.reasons.join('; ')}`);
}
