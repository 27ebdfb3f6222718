// The syntax tree of one ARM template expression, `[func(arg, ...).prop[0]]`.

export type Expression =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'call'; name: string; args: Expression[] }
  | { kind: 'property'; target: Expression; name: string }
  | { kind: 'index'; target: Expression; index: Expression };

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}
