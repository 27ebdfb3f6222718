// A small line-oriented script builder shared by the bash and PowerShell generators: it renders
// values (literal or user-supplied) and puts a guard for every user input at the top.
import type { UserInput, Value } from './target';

export interface ShellDialect {
  quote(value: string): string;
  /** How a user input is referenced inside a command. */
  reference(input: UserInput): string;
  /** A line that stops the script when the input is not set. */
  guard(input: UserInput): string;
  /** Joins a command's words and arguments over several lines. */
  continuation: string;
}

export class Script {
  private readonly guards = new Map<string, string>();
  private readonly body: string[] = [];

  constructor(private readonly dialect: ShellDialect) {}

  value(value: Value): string {
    if ('literal' in value) return this.dialect.quote(value.literal);
    if (!this.guards.has(value.input.shell)) this.guards.set(value.input.shell, this.dialect.guard(value.input));
    return this.dialect.reference(value.input);
  }

  line(text: string): this {
    this.body.push(text);
    return this;
  }

  /** `head` then one `flag value...` per line; a flag with no values is a switch. */
  command(head: string, args: readonly (readonly [string, ...string[]])[]): this {
    const parts = [head, ...args.map((arg) => arg.join(' '))];
    this.body.push(parts.join(this.dialect.continuation));
    return this;
  }

  blank(): this {
    if (this.body.length > 0 && this.body[this.body.length - 1] !== '') this.body.push('');
    return this;
  }

  render(): string {
    const guards = [...this.guards.values()];
    const lines = guards.length > 0 ? [...guards, '', ...this.body] : this.body;
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }
}
