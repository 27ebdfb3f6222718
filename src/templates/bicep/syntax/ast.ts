// The Bicep syntax tree. Every node keeps its range (0-based lines and characters) so findings
// and fixes can point at the exact declaration, rule or property.
import type { SourceRange } from '../../../core/model';
import type { Directive } from './lexer';

interface NodeBase {
  range: SourceRange;
}

export interface StringExpression extends NodeBase {
  kind: 'string';
  /** Literal pieces; `holes[i]` sits between `segments[i]` and `segments[i + 1]`. */
  segments: string[];
  holes: Expression[];
}

export interface LiteralExpression extends NodeBase {
  kind: 'literal';
  value: number | boolean | null;
}

export interface IdentifierExpression extends NodeBase {
  kind: 'identifier';
  name: string;
}

export interface ObjectProperty extends NodeBase {
  /** Identifier or string key; an interpolated key is evaluated. */
  key: string | StringExpression;
  value: Expression;
}

/** `...value`: an array item, or (in `ObjectExpression.spreads`) the properties of an object. */
export interface SpreadExpression extends NodeBase {
  kind: 'spread';
  operand: Expression;
}

export interface ObjectSpread {
  /** How many of the object's properties are written before the spread (later ones win). */
  before: number;
  spread: SpreadExpression;
}

export interface ObjectExpression extends NodeBase {
  kind: 'object';
  properties: ObjectProperty[];
  spreads: ObjectSpread[];
  /** Nested child resources declared in the body (only meaningful in a resource body). */
  resources: ResourceDeclaration[];
}

export interface ArrayExpression extends NodeBase {
  kind: 'array';
  items: Expression[];
}

export interface MemberExpression extends NodeBase {
  kind: 'member';
  target: Expression;
  name: string;
  /** `a.?b`: null instead of an error when b is absent. */
  safe: boolean;
}

/** `parent::child`: a nested resource of a resource symbol. */
export interface NestedResourceExpression extends NodeBase {
  kind: 'nested';
  target: Expression;
  name: string;
}

export interface IndexExpression extends NodeBase {
  kind: 'index';
  target: Expression;
  index: Expression;
  safe: boolean;
}

export interface CallExpression extends NodeBase {
  kind: 'call';
  /** Lower-case-insensitive function name without namespace (`az.`, `sys.`). */
  name: string;
  namespace?: string;
  /** Set for method-style calls on a value (`x.listKeys()`). */
  target?: Expression;
  args: Expression[];
}

export interface UnaryExpression extends NodeBase {
  kind: 'unary';
  operator: '!' | '-';
  operand: Expression;
}

/** `a!`: asserts non-null; evaluates to a. */
export interface NonNullExpression extends NodeBase {
  kind: 'nonNull';
  operand: Expression;
}

export type BinaryOperator = '==' | '!=' | '=~' | '!~' | '<' | '>' | '<=' | '>=' | '&&' | '||' | '??' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpression extends NodeBase {
  kind: 'binary';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}

export interface TernaryExpression extends NodeBase {
  kind: 'ternary';
  condition: Expression;
  whenTrue: Expression;
  whenFalse: Expression;
}

export interface LambdaExpression extends NodeBase {
  kind: 'lambda';
  parameters: string[];
  body: Expression;
}

/** `[for (item, index) in source: if (filter) body]` */
export interface ForExpression extends NodeBase {
  kind: 'for';
  itemName?: string;
  indexName?: string;
  source: Expression;
  filter?: Expression;
  body: Expression;
}

/** `if (condition) body`, the value of a conditional resource or module. */
export interface IfExpression extends NodeBase {
  kind: 'if';
  condition: Expression;
  body: Expression;
}

/** Something that did not parse; evaluates to unresolved. */
export interface ErrorExpression extends NodeBase {
  kind: 'error';
}

export type Expression =
  | StringExpression
  | LiteralExpression
  | IdentifierExpression
  | ObjectExpression
  | ArrayExpression
  | MemberExpression
  | NestedResourceExpression
  | IndexExpression
  | CallExpression
  | UnaryExpression
  | NonNullExpression
  | BinaryExpression
  | TernaryExpression
  | LambdaExpression
  | ForExpression
  | IfExpression
  | SpreadExpression
  | ErrorExpression;

export interface Decorator extends NodeBase {
  call: Expression;
}

interface DeclarationBase extends NodeBase {
  decorators: Decorator[];
  /** The declared symbol's own range (its name). */
  nameRange: SourceRange;
  name: string;
}

export interface ParamDeclaration extends DeclarationBase {
  kind: 'param';
  typeText: string;
  defaultValue?: Expression;
}

export interface VarDeclaration extends DeclarationBase {
  kind: 'var';
  value: Expression;
}

export interface OutputDeclaration extends DeclarationBase {
  kind: 'output';
  typeText: string;
  value: Expression;
}

export interface ResourceDeclaration extends DeclarationBase {
  kind: 'resource';
  /** 'Microsoft.Network/networkSecurityGroups' or, nested, 'securityRules'. */
  type: string;
  apiVersion?: string;
  existing: boolean;
  value: Expression;
}

export interface ModuleDeclaration extends DeclarationBase {
  kind: 'module';
  path: string;
  value: Expression;
}

/** `using './main.bicep'` in a .bicepparam file. */
export interface UsingDeclaration extends NodeBase {
  kind: 'using';
  path: string;
}

export interface ImportedSymbol {
  /** The name the other file exports. */
  name: string;
  /** The name it has here (`as`), else the same. */
  alias: string;
}

/** `import { a, b as c } from './x.bicep'` or `import * as ns from './x.bicep'` (compile-time imports). */
export interface ImportDeclaration extends NodeBase {
  kind: 'import';
  decorators: Decorator[];
  path: string;
  symbols: ImportedSymbol[];
  /** Set for `import * as ns`. */
  namespace?: string;
}

/** `func name(a string, b int) string => body`: a user-defined function. */
export interface FunctionDeclaration extends DeclarationBase {
  kind: 'func';
  parameters: string[];
  body: Expression;
}

/** targetScope, metadata, type, extension, assert, legacy imports: parsed and not evaluated. */
export interface OtherDeclaration extends NodeBase {
  kind: 'other';
  keyword: string;
}

export type Declaration =
  | ParamDeclaration
  | VarDeclaration
  | OutputDeclaration
  | ResourceDeclaration
  | ModuleDeclaration
  | UsingDeclaration
  | ImportDeclaration
  | FunctionDeclaration
  | OtherDeclaration;

export interface SyntaxDiagnostic {
  range: SourceRange;
  message: string;
}

export interface BicepProgram {
  declarations: Declaration[];
  diagnostics: SyntaxDiagnostic[];
  comments: { text: string; range: SourceRange }[];
  /** `#disable-next-line` and the other compiler pragmas. */
  directives: Directive[];
}
