// A plain HCL syntax tree, copied out of tree-sitter so the WebAssembly tree can be freed at once.
import type { SourceRange } from '../../core/model';

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; range: SourceRange }
  | { kind: 'template'; parts: (string | Expr)[]; range: SourceRange }
  | { kind: 'tuple'; items: Expr[]; range: SourceRange }
  | { kind: 'object'; entries: { key: Expr; value: Expr }[]; range: SourceRange }
  | { kind: 'variable'; name: string; range: SourceRange }
  | { kind: 'getAttr'; target: Expr; name: string; range: SourceRange }
  | { kind: 'index'; target: Expr; key: Expr; range: SourceRange }
  /** `target[*].a.b` / `target.*.a`: `path` applied to every element. */
  | { kind: 'splat'; target: Expr; path: SplatStep[]; range: SourceRange }
  | { kind: 'call'; name: string; args: Expr[]; expandLast: boolean; range: SourceRange }
  | { kind: 'conditional'; condition: Expr; whenTrue: Expr; whenFalse: Expr; range: SourceRange }
  | { kind: 'binary'; operator: string; left: Expr; right: Expr; range: SourceRange }
  | { kind: 'unary'; operator: string; operand: Expr; range: SourceRange }
  | { kind: 'for'; shape: 'tuple' | 'object'; keyVar?: string; valueVar: string; collection: Expr;
      key?: Expr; value: Expr; condition?: Expr; grouping: boolean; range: SourceRange }
  | { kind: 'unsupported'; reason: string; range: SourceRange };

export type SplatStep = { kind: 'attr'; name: string } | { kind: 'index'; key: Expr };

export interface Attribute {
  name: string;
  value: Expr;
  range: SourceRange;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  range: SourceRange;
}

export interface Body {
  attributes: Map<string, Attribute>;
  blocks: Block[];
}

export interface ParseDiagnostic {
  path: string;
  range: SourceRange;
  message: string;
  /** A syntax error, or a file not parsed at all: blocks in it may be unread. */
  unparsed?: true;
}

export interface SuppressionComment {
  path: string;
  /** Zero-based line the suppression applies to: the line after the comment. */
  line: number;
  ruleIds: string[];
}

export interface ParsedFile {
  path: string;
  body: Body;
  diagnostics: ParseDiagnostic[];
  suppressions: SuppressionComment[];
}
