// State shared by the evaluation of a file and the local modules it calls.
import type { Origin, SourceRange, UnresolvedField } from '../../../core/model';
import type { BicepProgram } from '../syntax/ast';
import { EvaluationBudget } from '../../budget';
import { parseBicep } from '../syntax/parser';
import type { FileEvaluator } from './fileEvaluator';
import { ValueOrigins } from './origins';

export interface EmittedResource {
  id: string;
  /** ARM-shaped JSON (id, name, type, apiVersion, properties, ...). */
  json: Record<string, unknown>;
  /** The declaration. */
  origin: Origin;
  /** Inline children (rules, subnets, routes, peerings) by id. */
  childOrigins: Map<string, Origin>;
  /** Unresolved fields by element id (the resource's and its inline children's). */
  unresolved: Map<string, UnresolvedField[]>;
  /** The `networkSecurityGroup` / `routeTable` property of a subnet or NIC, by its id. */
  associations: Map<string, { networkSecurityGroup?: Origin; routeTable?: Origin }>;
}

export interface EvaluationProblem {
  file: string;
  range: SourceRange;
  message: string;
}

export interface ParsedFile {
  path: string;
  text: string;
  program: BicepProgram;
}

export const MAX_MODULE_DEPTH = 8;

export class EvaluationSession {
  readonly origins = new ValueOrigins();
  readonly resources: EmittedResource[] = [];
  readonly problems: EvaluationProblem[] = [];
  /** Every file read (the root and its local modules), for diagnostics and suppressions. */
  readonly files = new Map<string, ParsedFile>();
  /** Values, depth and module deployments of this lint, the root file and its modules together. */
  readonly budget = new EvaluationBudget();
  /** Module runs by file, arguments and conditions: a module called again with equal arguments deploys the same resources. */
  readonly moduleRuns = new Map<string, FileEvaluator>();

  constructor(private readonly readFile: (path: string) => string | undefined) {}

  parsed(path: string, text?: string): ParsedFile | undefined {
    const known = this.files.get(path);
    if (known) return known;
    const content = text ?? this.readFile(path);
    if (content === undefined) return undefined;
    const file = { path, text: content, program: parseBicep(content) };
    this.files.set(path, file);
    return file;
  }

  problem(file: string, range: SourceRange, message: string): void {
    this.problems.push({ file, range, message });
  }
}
