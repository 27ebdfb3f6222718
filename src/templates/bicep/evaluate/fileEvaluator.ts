// One Bicep file evaluated with the parameter values it is given: params, vars, resources,
// modules and outputs as symbols; run() emits every declared resource instance.
import type { SourceRange, UnresolvedField } from '../../../core/model';
import type { EvaluationBudget } from '../../budget';
import type { Declaration, OutputDeclaration, ParamDeclaration, ResourceDeclaration, VarDeclaration } from '../syntax/ast';
import { emitResource } from './emit';
import { evaluateValue, type EvaluationScope } from './expressions';
import { FileImports } from './imports';
import { ModuleSymbol } from './modules';
import { ResourceSymbol } from './resources';
import type { EvaluationSession, ParsedFile } from './session';
import { materialize, unresolved, type Evaluated, type TemplateValue, type Unresolved } from './values';

export interface FileInputs {
  /** Values for params (from a parameters file, or a module call's `params`). */
  supplied: Map<string, TemplateValue>;
  /** Set for a module: the symbol that calls it, for reasons. */
  calledAs?: string;
  /** Unknown conditions every resource of the file inherits (a conditional module). */
  conditions: UnresolvedField[];
  depth: number;
  stack: string[];
}

const NO_VALUE = Symbol('no value');

export class FileEvaluator implements EvaluationScope {
  readonly origins;
  private readonly params = new Map<string, ParamDeclaration>();
  private readonly vars = new Map<string, VarDeclaration>();
  private readonly outputs = new Map<string, OutputDeclaration>();
  private readonly resources = new Map<string, ResourceSymbol>();
  private readonly modules = new Map<string, ModuleSymbol>();
  private readonly values = new Map<string, TemplateValue | typeof NO_VALUE>();
  private readonly imports = new FileImports(this);
  private lines: string[] | undefined;

  constructor(
    readonly parsedFile: ParsedFile,
    readonly session: EvaluationSession,
    private readonly inputs: FileInputs,
  ) {
    this.origins = session.origins;
    for (const declaration of parsedFile.program.declarations) this.declare(declaration);
  }

  get file(): string {
    return this.parsedFile.path;
  }

  get budget(): EvaluationBudget {
    return this.session.budget;
  }

  get depth(): number {
    return this.inputs.depth;
  }

  get stack(): string[] {
    return [...this.inputs.stack, this.file];
  }

  get conditions(): UnresolvedField[] {
    return this.inputs.conditions;
  }

  private declare(declaration: Declaration): void {
    switch (declaration.kind) {
      case 'param':
        this.params.set(declaration.name, declaration);
        break;
      case 'var':
        this.vars.set(declaration.name, declaration);
        break;
      case 'output':
        this.outputs.set(declaration.name, declaration);
        break;
      case 'resource':
        this.resources.set(declaration.name, new ResourceSymbol(declaration, this));
        break;
      case 'module':
        this.modules.set(declaration.name, new ModuleSymbol(declaration, this));
        break;
      case 'import':
        this.imports.declareImport(declaration);
        break;
      case 'func':
        this.imports.declareFunction(declaration);
        break;
      default:
        break;
    }
  }

  child(file: ParsedFile, supplied: Map<string, TemplateValue>, conditions: UnresolvedField[], calledAs: string): FileEvaluator {
    return new FileEvaluator(file, this.session, { supplied, conditions, calledAs, depth: this.depth + 1, stack: this.stack });
  }

  lookup(name: string): Evaluated | undefined {
    if (this.params.has(name)) return this.memo(`param:${name}`, () => this.paramValue(name));
    const variable = this.vars.get(name);
    if (variable) return this.memo(`var:${name}`, () => evaluateValue(variable.value, this, new Map()));
    const resource = this.resources.get(name);
    if (resource) return resource.asEvaluated();
    const module = this.modules.get(name);
    if (module) return module.asEvaluated();
    return this.imports.value(name);
  }

  userFunction(name: string, namespace?: string): string | undefined {
    return this.imports.userFunction(name, namespace);
  }

  /** This file read as the target of a compile-time import: its symbols, nothing deployed. */
  imported(file: ParsedFile): FileEvaluator {
    return new FileEvaluator(file, this.session, { supplied: new Map(), conditions: [], depth: this.depth + 1, stack: this.stack });
  }

  /** The value another file imports under `name` (an exported variable, or a symbol it imports itself). */
  exported(name: string): TemplateValue {
    if (this.vars.has(name) || this.imports.has(name)) return materialize(this.lookup(name) ?? null);
    return unresolved(`'${name}' of ${this.file} is not a variable (a type or a function), so it has no value to read`);
  }

  /** `import * as ns`: the file's exported variables, by name. */
  exportedVariables(): TemplateValue {
    const exported: { [name: string]: TemplateValue } = {};
    for (const [name, declaration] of this.vars) {
      if (declaration.decorators.some((d) => d.call.kind === 'call' && d.call.name === 'export')) exported[name] = this.exported(name);
    }
    return exported;
  }

  output(name: string): TemplateValue {
    const declaration = this.outputs.get(name);
    if (!declaration) return unresolved(`module ${this.file} has no output '${name}'`);
    return this.memo(`output:${name}`, () => materialize(evaluateValue(declaration.value, this, new Map())));
  }

  sourceText(range: SourceRange): string {
    this.lines ??= this.parsedFile.text.split('\n');
    if (range.start.line === range.end.line) return (this.lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
    const first = (this.lines[range.start.line] ?? '').slice(range.start.character);
    return `${first}…`;
  }

  /** Emits every resource instance the file declares and follows its modules. */
  run(): void {
    for (const declaration of this.parsedFile.program.declarations) {
      if (declaration.kind === 'resource') this.emitAll(this.resources.get(declaration.name));
      if (declaration.kind === 'module') this.runModule(declaration.name);
    }
  }

  private emitAll(symbol: ResourceSymbol | undefined): void {
    if (!symbol) return;
    const declaration: ResourceDeclaration = symbol.declaration;
    const list = symbol.instances();
    if (list.unknown && !declaration.existing) {
      this.session.problem(this.file, declaration.range, `The loop of resource '${declaration.name}' cannot be expanded (${list.unknown.reasons.join('; ')}); its instances were not checked`);
      this.emitDiagnosticsStandIn(symbol, list.unknown);
    }
    if (!declaration.existing) {
      for (const instance of list.items) {
        const origin = { kind: 'file' as const, file: this.file, range: declaration.range };
        const conditions = [...this.inputs.conditions, ...instance.conditions];
        this.session.resources.push(emitResource({ identity: instance.identity(), body: instance.body(), origin, conditions }, this.origins));
      }
    }
    for (const child of symbol.nested.values()) this.emitAll(child);
  }

  /**
   * Diagnostic settings in a loop the file does not decide still exist: one stand-in with its logs
   * unknown, so the host's audit logs are undecided rather than "no diagnostic setting".
   */
  private emitDiagnosticsStandIn(symbol: ResourceSymbol, unknown: Unresolved): void {
    if (symbol.declaration.type.toLowerCase() !== 'microsoft.insights/diagnosticsettings') return;
    const instance = symbol.loopStandIn(unknown);
    if (!instance) return;
    const reason = `how many settings the loop of '${symbol.declaration.name}' declares, and what they send, is not known (${unknown.reasons.join('; ')})`;
    const origin = { kind: 'file' as const, file: this.file, range: symbol.declaration.range };
    const conditions = [...this.inputs.conditions, { field: 'logs', reason }];
    this.session.resources.push(emitResource({ identity: instance.identity(), body: instance.body(), origin, conditions }, this.origins));
  }

  private runModule(name: string): void {
    const symbol = this.modules.get(name);
    if (!symbol) return;
    const blocker = symbol.blocker;
    if (blocker) {
      this.session.problem(this.file, symbol.declaration.range, blocker.charAt(0).toUpperCase() + blocker.slice(1));
      return;
    }
    const { items, unknown } = symbol.instances();
    if (unknown) this.session.problem(this.file, symbol.declaration.range, `The loop of module '${name}' cannot be expanded (${unknown.reasons.join('; ')}); its resources were not checked`);
    for (const instance of items) instance.run();
  }

  private paramValue(name: string): TemplateValue {
    if (this.inputs.supplied.has(name)) return this.inputs.supplied.get(name) ?? null;
    const declaration = this.params.get(name);
    if (declaration?.defaultValue) return evaluateValue(declaration.defaultValue, this, new Map());
    const reason = this.inputs.calledAs
      ? `param '${name}' of module '${this.inputs.calledAs}' (${this.file}) has no default value and the module call does not pass it`
      : `param '${name}' has no default value; a .bicepparam file would decide it`;
    return unresolved(reason, `\${${name}}`);
  }

  private memo(key: string, compute: () => TemplateValue): TemplateValue {
    const known = this.values.get(key);
    if (known === NO_VALUE) return unresolved(`'${key.split(':')[1]}' refers to itself`);
    if (known !== undefined) return known;
    this.values.set(key, NO_VALUE);
    const value = compute();
    this.values.set(key, value);
    return value;
  }
}
