// A single-pass JSON tree builder for the common case: well-formed JSON with comments and trailing
// commas, as templates are written. It builds the same nodes as jsonc-parser's parseTree, several
// times faster; on anything unusual (a syntax error, an odd character, deep nesting) it gives up,
// and the caller reads the text with jsonc-parser, which reports errors exactly.
import type { Node, NodeType } from 'jsonc-parser';

const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  LowerE = 101,
  OpenBrace = 123,
  CloseBrace = 125,
  Star = 42,
}

/** jsonc-parser's nodes are read-only to its users; this builder fills them in as it goes. */
type BuildingNode = { -readonly [K in keyof Node]: Node[K] };

/** A placeholder until a node's children are known (never returned). */
const NO_CHILDREN: Node[] = [];

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

/** The tree of a well-formed document nested at most `maxDepth` levels, else undefined. */
export function fastParseTree(text: string, maxDepth: number): Node | undefined {
  try {
    const parser = new TreeParser(text, maxDepth);
    parser.skipTrivia();
    const root = parser.value(undefined, 0);
    parser.skipTrivia();
    if (parser.pos !== text.length) return undefined;
    // parseTree's root carries no parent property at all.
    delete (root as BuildingNode).parent;
    return root;
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

class TreeParser {
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  skipTrivia(): void {
    const text = this.text;
    for (;;) {
      const code = text.charCodeAt(this.pos);
      if (code === Char.Space || code === Char.LineFeed || code === Char.CarriageReturn || code === Char.Tab) {
        this.pos += 1;
      } else if (code === Char.Slash) {
        const next = text.charCodeAt(this.pos + 1);
        if (next === Char.Slash) {
          let end = this.pos + 2;
          while (end < text.length && text.charCodeAt(end) !== Char.LineFeed && text.charCodeAt(end) !== Char.CarriageReturn) end += 1;
          this.pos = end;
        } else if (next === Char.Star) {
          const end = text.indexOf('*/', this.pos + 2);
          if (end === -1) throw GIVE_UP;
          this.pos = end + 2;
        } else {
          throw GIVE_UP;
        }
      } else {
        return;
      }
    }
  }

  value(parent: Node | undefined, depth: number): Node {
    const code = this.text.charCodeAt(this.pos);
    if (code === Char.OpenBrace) return this.object(parent, depth + 1);
    if (code === Char.OpenBracket) return this.array(parent, depth + 1);
    if (code === Char.Quote) return this.literal(parent, 'string', this.pos, this.string());
    if (code === Char.Minus || (code >= Char.Zero && code <= Char.Nine)) {
      const start = this.pos;
      this.number();
      return this.literal(parent, 'number', start, Number(this.text.slice(start, this.pos)));
    }
    const start = this.pos;
    if (this.keyword('true')) return this.literal(parent, 'boolean', start, true);
    if (this.keyword('false')) return this.literal(parent, 'boolean', start, false);
    if (this.keyword('null')) return this.literal(parent, 'null', start, null);
    throw GIVE_UP;
  }

  private literal(parent: Node | undefined, type: NodeType, start: number, value: unknown): Node {
    return { type, value, offset: start, length: this.pos - start, parent };
  }

  // Children are gathered on one shared stack and copied out at their exact count: arrays grown
  // by push keep spare capacity, which across a large template is most of the tree's memory.
  private readonly pending: Node[] = [];

  private object(parent: Node | undefined, depth: number): Node {
    if (depth > this.maxDepth) throw GIVE_UP;
    const node: BuildingNode = { type: 'object', offset: this.pos, length: -1, parent, children: NO_CHILDREN };
    const first = this.pending.length;
    this.pos += 1;
    this.skipTrivia();
    while (this.text.charCodeAt(this.pos) !== Char.CloseBrace) {
      if (this.text.charCodeAt(this.pos) !== Char.Quote) throw GIVE_UP;
      const keyOffset = this.pos;
      const key = this.string();
      const keyLength = this.pos - keyOffset;
      this.skipTrivia();
      if (this.text.charCodeAt(this.pos) !== Char.Colon) throw GIVE_UP;
      const property: BuildingNode = { type: 'property', offset: keyOffset, length: -1, parent: node, children: NO_CHILDREN, colonOffset: this.pos };
      const keyNode: Node = { type: 'string', value: key, offset: keyOffset, length: keyLength, parent: property };
      this.pos += 1;
      this.skipTrivia();
      const valueNode = this.value(property, depth);
      property.children = [keyNode, valueNode];
      property.length = this.pos - keyOffset;
      this.pending.push(property);
      this.skipTrivia();
      if (!this.separator(Char.CloseBrace)) break;
    }
    if (this.text.charCodeAt(this.pos) !== Char.CloseBrace) throw GIVE_UP;
    this.pos += 1;
    node.length = this.pos - node.offset;
    node.children = this.pending.splice(first);
    return node;
  }

  private array(parent: Node | undefined, depth: number): Node {
    if (depth > this.maxDepth) throw GIVE_UP;
    const node: BuildingNode = { type: 'array', offset: this.pos, length: -1, parent, children: NO_CHILDREN };
    const first = this.pending.length;
    this.pos += 1;
    this.skipTrivia();
    while (this.text.charCodeAt(this.pos) !== Char.CloseBracket) {
      this.pending.push(this.value(node, depth));
      this.skipTrivia();
      if (!this.separator(Char.CloseBracket)) break;
    }
    if (this.text.charCodeAt(this.pos) !== Char.CloseBracket) throw GIVE_UP;
    this.pos += 1;
    node.length = this.pos - node.offset;
    node.children = this.pending.splice(first);
    return node;
  }

  /** After a member: true when another member may follow (a comma, then no closing token). */
  private separator(close: number): boolean {
    if (this.text.charCodeAt(this.pos) !== Char.Comma) return false;
    this.pos += 1;
    this.skipTrivia();
    // A trailing comma is allowed: the closing token ends the loop.
    return this.text.charCodeAt(this.pos) !== close;
  }

  /** A string token's value; plain runs are sliced, escapes are decoded by JSON.parse. */
  private string(): string {
    const text = this.text;
    const start = this.pos;
    let escaped = false;
    let end = start + 1;
    for (;;) {
      if (end >= text.length) throw GIVE_UP;
      const code = text.charCodeAt(end);
      if (code === Char.Quote) break;
      if (code < 0x20) throw GIVE_UP;
      if (code === Char.Backslash) {
        escaped = true;
        end += 2;
      } else {
        end += 1;
      }
    }
    this.pos = end + 1;
    if (!escaped) return text.slice(start + 1, end);
    try {
      return JSON.parse(text.slice(start, end + 1)) as string;
    } catch {
      throw GIVE_UP;
    }
  }

  private number(): void {
    const text = this.text;
    let pos = this.pos;
    if (text.charCodeAt(pos) === Char.Minus) pos += 1;
    pos = this.digits(pos, text.charCodeAt(pos) === Char.Zero ? 1 : Infinity);
    if (text.charCodeAt(pos) === Char.Dot) pos = this.digits(pos + 1, Infinity);
    const exponent = text.charCodeAt(pos);
    if (exponent === Char.LowerE || exponent === Char.UpperE) {
      pos += 1;
      const sign = text.charCodeAt(pos);
      if (sign === Char.Plus || sign === Char.Minus) pos += 1;
      pos = this.digits(pos, Infinity);
    }
    this.pos = pos;
    this.expectDelimiter();
  }

  /** At least one and at most `max` digits from `pos`; the position after them. */
  private digits(pos: number, max: number): number {
    let end = pos;
    while (end - pos < max && text09(this.text.charCodeAt(end))) end += 1;
    if (end === pos) throw GIVE_UP;
    return end;
  }

  private keyword(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    this.pos += word.length;
    this.expectDelimiter();
    return true;
  }

  /** A number or keyword runs into the next character unless that is a delimiter. */
  private expectDelimiter(): void {
    const code = this.text.charCodeAt(this.pos);
    if (Number.isNaN(code)) return;
    if (
      code === Char.Comma || code === Char.CloseBrace || code === Char.CloseBracket || code === Char.Space ||
      code === Char.LineFeed || code === Char.CarriageReturn || code === Char.Tab || code === Char.Slash
    ) return;
    throw GIVE_UP;
  }
}

function text09(code: number): boolean {
  return code >= Char.Zero && code <= Char.Nine;
}
