// Parameter values beside a Bicep file: `<name>.bicepparam` (`using './<name>.bicep'`) or
// `<name>.parameters.json`.
import { basename, dirname, join, normalize } from 'node:path';
import { readParametersFile } from '../arm/parametersFile';
import { budgetDiagnostics, EvaluationBudget } from '../budget';
import type { ParseDiagnostic, TemplateDocument } from '../source';
import { evaluateValue, type EvaluationScope } from './evaluate/expressions';
import { ValueOrigins } from './evaluate/origins';
import { materialize, unresolved, type Evaluated, type TemplateValue } from './evaluate/values';
import type { SourceRange } from '../../core/model';
import { parseBicep } from './syntax/parser';

export interface SuppliedParameters {
  path: string;
  values: Map<string, TemplateValue>;
  diagnostics: ParseDiagnostic[];
}

const samePath = (a: string, b: string) => normalize(a).toLowerCase() === normalize(b).toLowerCase();

export function findParameters(templatePath: string, siblings: readonly TemplateDocument[]): SuppliedParameters | undefined {
  const base = basename(templatePath).replace(/\.bicep$/i, '');
  const folder = dirname(templatePath);
  const bicepparam = siblings.find((doc) => doc.path.toLowerCase().endsWith('.bicepparam') && usesTemplate(doc, templatePath))
    ?? siblings.find((doc) => samePath(doc.path, join(folder, `${base}.bicepparam`)));
  if (bicepparam) return readBicepparam(bicepparam);
  const json = siblings.find((doc) => samePath(doc.path, join(folder, `${base}.parameters.json`)));
  return json ? readParametersFile(json) : undefined;
}

function usesTemplate(doc: TemplateDocument, templatePath: string): boolean {
  const match = /^\s*using\s+'([^']+)'/m.exec(doc.text);
  return match !== null && samePath(join(dirname(doc.path), match[1]), templatePath);
}

/** `param x = value` lines; values may use the file's own vars and functions. */
export function readBicepparam(doc: TemplateDocument): SuppliedParameters {
  const program = parseBicep(doc.text);
  const lines = doc.text.split('\n');
  const vars = new Map(program.declarations.flatMap((d) => (d.kind === 'var' ? [[d.name, d.value] as const] : [])));
  const scope: EvaluationScope = {
    file: doc.path,
    budget: new EvaluationBudget(),
    origins: new ValueOrigins(),
    lookup: (name: string): Evaluated | undefined => {
      const value = vars.get(name);
      return value ? evaluateValue(value, scope, new Map()) : undefined;
    },
    sourceText: (range: SourceRange) => (lines[range.start.line] ?? '').slice(range.start.character, range.start.line === range.end.line ? range.end.character : undefined),
  };
  const values = new Map<string, TemplateValue>();
  for (const declaration of program.declarations) {
    if (declaration.kind !== 'param') continue;
    values.set(
      declaration.name,
      declaration.defaultValue ? materialize(evaluateValue(declaration.defaultValue, scope, new Map())) : unresolved(`param '${declaration.name}' has no value in ${basename(doc.path)}`),
    );
  }
  const diagnostics: ParseDiagnostic[] = program.diagnostics.map((d) => ({ file: doc.path, range: d.range, message: `${basename(doc.path)}: ${d.message}`, unparsed: true as const }));
  diagnostics.push(...budgetDiagnostics(scope.budget, doc.path, basename(doc.path)));
  return { path: doc.path, values, diagnostics };
}
