// The parts of a quoted string or heredoc: literal text and interpolated expressions. Literal
// text is read from the source between the structural tokens, not from tree-sitter's
// template_literal nodes: those leave out leading and trailing whitespace (`"${a} ${b}"` has no
// literal node for the space), which would change names and prefixes.
import type { Expr } from './ast';
import type { SyntaxNode as Node } from './syntaxNode';

export type TemplatePart = string | Expr;

export interface TemplateReaders {
  /** Converts an interpolation's expression. */
  expression(node: Node): Expr;
  /** What a directive (`%{if}`, `%{for}`) becomes. */
  directive(node: Node): Expr;
}

const EMBEDDED = new Set(['template_interpolation', 'template_directive']);

export function unescapeTemplate(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (match: string, escape: string | undefined) => {
    if (match === '$${') return '${';
    if (match === '%%{') return '%{';
    switch (escape?.[0]) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': case 'U': return String.fromCodePoint(parseInt(escape.slice(1), 16));
      default: return escape ?? match;
    }
  });
}

/** Heredocs know no backslash escapes; only the template sequences are escaped. */
function unescapeHeredoc(text: string): string {
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** [start, end) of the template's content, between its opening and closing tokens. */
function contentSpan(node: Node): [number, number] {
  const children = node.children.filter((child) => child.type !== 'comment');
  if (node.type === 'heredoc_template') {
    const markers = children.filter((child) => child.type === 'heredoc_identifier');
    const opening = markers[0];
    const closing = markers.length > 1 ? markers[markers.length - 1] : undefined;
    if (!opening) return [node.endIndex, node.endIndex];
    const lineBreak = node.sliceSource(opening.endIndex, node.endIndex).indexOf('\n');
    const start = lineBreak === -1 ? node.endIndex : opening.endIndex + lineBreak + 1;
    // The line break before the closing marker belongs to the content; the marker's indentation does not.
    const end = closing ? node.sliceSource(start, closing.startIndex).lastIndexOf('\n') + 1 + start : node.endIndex;
    return [start, Math.max(start, end)];
  }
  const first = children[0];
  const last = children[children.length - 1];
  const start = first?.type === 'quoted_template_start' ? first.endIndex : node.startIndex;
  const end = last && last !== first && last.type === 'quoted_template_end' ? last.startIndex : node.endIndex;
  return [start, Math.max(start, end)];
}

/** Literal text and embedded expressions in source order, as Terraform reads the template. */
export function templateParts(node: Node, readers: TemplateReaders): TemplatePart[] {
  const heredoc = node.type === 'heredoc_template';
  const [start, end] = contentSpan(node);
  const raw: (string | { expr: Expr; stripBefore: boolean; stripAfter: boolean })[] = [];
  let at = start;
  for (const child of node.children) {
    if (!EMBEDDED.has(child.type) || child.startIndex < start || child.endIndex > end) continue;
    if (child.startIndex > at) raw.push(node.sliceSource(at, child.startIndex));
    const text = child.text;
    const expr = child.type === 'template_interpolation' ? interpolation(child, readers) : readers.directive(child);
    raw.push({ expr, stripBefore: /^[$%]\{~/.test(text), stripAfter: text.endsWith('~}') });
    at = child.endIndex;
  }
  if (end > at) raw.push(node.sliceSource(at, end));
  const parts = stripMarkers(raw).map((part) => (typeof part === 'string' ? (heredoc ? unescapeHeredoc(part) : unescapeTemplate(part)) : part));
  return node.type === 'heredoc_template' && node.children[0]?.text === '<<-' ? flushIndentation(parts) : parts;
}

function interpolation(node: Node, readers: TemplateReaders): Expr {
  const inner = node.namedChildren.find((child) => child.type === 'expression');
  return inner ? readers.expression(inner) : { kind: 'unsupported', reason: 'empty interpolation', range: node.range };
}

/** `${~ x ~}` and `%{~ … ~}` remove the whitespace next to them in the literal text. */
function stripMarkers(raw: (string | { expr: Expr; stripBefore: boolean; stripAfter: boolean })[]): TemplatePart[] {
  return raw.map((part, i) => {
    if (typeof part !== 'string') return part.expr;
    let text = part;
    const before = raw[i - 1];
    const after = raw[i + 1];
    if (typeof before === 'object' && before.stripAfter) text = text.replace(/^\s+/u, '');
    if (typeof after === 'object' && after.stripBefore) text = text.replace(/\s+$/u, '');
    return text;
  });
}

/**
 * `<<-` heredocs: the smallest indentation of any line is removed from every line. As in HCL,
 * blank lines do not count, and a line that starts with an interpolation has no indentation.
 */
function flushIndentation(parts: TemplatePart[]): TemplatePart[] {
  // One token per line piece, as HCL's scanner produces them.
  const tokens: TemplatePart[] = parts.flatMap((part): TemplatePart[] => (typeof part === 'string' ? part.split(/(?<=\n)/) : [part]));
  let smallest = Number.MAX_SAFE_INTEGER;
  const lineStarts = new Set<number>();
  let newline = true;
  tokens.forEach((token, i) => {
    if (newline) {
      newline = false;
      if (typeof token !== 'string') smallest = 0;
      else {
        const indentation = [...(/^\s*/u.exec(token)?.[0] ?? '')].length;
        const blank = token.trim().length === 0 && token.endsWith('\n');
        if (!blank) {
          smallest = Math.min(smallest, indentation);
          lineStarts.add(i);
        }
      }
    }
    if (typeof token === 'string' && token.endsWith('\n')) newline = true;
  });
  const trimmed = tokens.map((token, i) => (typeof token === 'string' && lineStarts.has(i) ? [...token].slice(smallest).join('') : token));
  // Adjacent literal pieces become one string again.
  return trimmed.reduce<TemplatePart[]>((joined, token) => {
    const previous = joined[joined.length - 1];
    if (typeof token === 'string' && typeof previous === 'string') joined[joined.length - 1] = previous + token;
    else joined.push(token);
    return joined;
  }, []);
}
