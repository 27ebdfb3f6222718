// Reads a body into the plain tree by walking tree-sitter's cursor over blocks and attributes
// only. Simple attribute values and labels are read from the text (simpleValues.ts); every other
// attribute, and every top-level block or attribute holding a syntax error, is copied node by node
// and converted by the syntax tree reader.
import type { TreeCursor } from 'web-tree-sitter';
import type { LineIndex } from '../../core/lineIndex';
import type { SourceRange } from '../../core/model';
import type { Attribute, Block, Body } from './ast';
import { readSimpleAttribute, readSimpleLabel } from './simpleValues';
import type { SubtreeCopier, SyntaxNode } from './syntaxNode';

/** How the reader turns a copied node into the plain tree: the syntax tree reader's own conversions. */
export interface SyntaxConversions {
  attribute(node: SyntaxNode): Attribute | undefined;
  block(node: SyntaxNode): Block;
  label(node: SyntaxNode): string;
}

export class BodyReader {
  constructor(
    private readonly cursor: TreeCursor,
    private readonly types: readonly (string | null)[],
    private readonly source: string,
    private readonly lines: LineIndex,
    private readonly copier: SubtreeCopier,
    private readonly convert: SyntaxConversions,
    /** The file has syntax errors: each top-level element is checked, and one with an error copied. */
    private readonly mayHaveErrors: boolean,
  ) {}

  /** The body at the cursor; the cursor ends where it started. */
  body(topLevel = true): Body {
    const body: Body = { attributes: new Map(), blocks: [] };
    const { cursor } = this;
    if (!cursor.gotoFirstChild()) return body;
    do {
      const type = this.types[cursor.nodeTypeId];
      if (type !== 'attribute' && type !== 'block') continue;
      // Below an error-free top-level element nothing has an error, so only the top level asks.
      const copied = topLevel && this.mayHaveErrors && cursor.currentNode.hasError ? this.copier.copyCurrent() : undefined;
      if (type === 'attribute') {
        const attribute = copied ? this.convert.attribute(copied) : this.attribute();
        if (attribute) body.attributes.set(attribute.name, attribute);
      } else {
        body.blocks.push(copied ? this.convert.block(copied) : this.block());
      }
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
    return body;
  }

  private range(start: number, end: number): SourceRange {
    return { start: this.lines.positionAt(start), end: this.lines.positionAt(end) };
  }

  private attribute(): Attribute | undefined {
    const start = this.cursor.startIndex;
    const end = this.cursor.endIndex;
    const simple = readSimpleAttribute(this.source, start, end, this.lines);
    if (simple) return { name: simple.name, value: simple.value, range: this.range(start, end) };
    return this.convert.attribute(this.copier.copyCurrent());
  }

  private block(): Block {
    const { cursor } = this;
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    let type: string | undefined;
    const labels: string[] = [];
    let body: Body | undefined;
    if (cursor.gotoFirstChild()) {
      do {
        const childType = this.types[cursor.nodeTypeId];
        if (childType === 'identifier') {
          const text = this.source.slice(cursor.startIndex, cursor.endIndex);
          if (type === undefined) type = text;
          else labels.push(text);
        } else if (childType === 'string_lit') {
          labels.push(readSimpleLabel(this.source, cursor.startIndex, cursor.endIndex) ?? this.convert.label(this.copier.copyCurrent()));
        } else if (childType === 'body' && !body) {
          body = this.body(false);
        }
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    return { type: type ?? '', labels, body: body ?? { attributes: new Map(), blocks: [] }, range: this.range(start, end) };
  }
}
