// A plain copy of a tree-sitter subtree, read in one cursor walk. Reading tree-sitter nodes one
// property at a time (children lists, types, positions) crosses into WebAssembly and allocates a
// node object per call; a 5,000-line module spent more time there than in parsing itself.
import type { Node, Point, TreeCursor } from 'web-tree-sitter';

/** tree-sitter's symbol for ERROR nodes, `(TSSymbol)-1`. */
const ERROR_SYMBOL = 0xffff;

/** The subset of tree-sitter's Node the Terraform reader uses, with the same meaning. */
export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  private named: SyntaxNode[] | undefined;

  constructor(
    private readonly source: string,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isError: boolean,
    readonly isMissing: boolean,
    readonly fieldName: string | undefined,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly lines: LineIndex,
  ) {}

  // Positions are computed on demand: most nodes (punctuation, names) never need one.
  get startPosition(): Point {
    return this.lines.pointAt(this.startIndex);
  }

  get endPosition(): Point {
    return this.lines.pointAt(this.endIndex);
  }

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): SyntaxNode[] {
    this.named ??= this.children.filter((child) => child.isNamed);
    return this.named;
  }

  childForFieldName(name: string): SyntaxNode | null {
    return this.children.find((child) => child.fieldName === name) ?? null;
  }
}

/** Row and column of a character index, as tree-sitter reports them for text parsed from a string. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(source: string) {
    for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  pointAt(index: number): Point {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: index - this.starts[low] };
  }
}

interface Walk {
  cursor: TreeCursor;
  source: string;
  lines: LineIndex;
  types: readonly (string | null)[];
  named: Map<number, boolean>;
  /** Missing nodes only occur in a tree with errors; otherwise nobody asks. */
  mayHaveMissing: boolean;
}

/** Copies `node` and everything below it; `source` is the text the tree was parsed from. */
export function copySubtree(node: Node, source: string): SyntaxNode {
  const cursor = node.walk();
  try {
    const language = node.tree.language;
    return copyAt({ cursor, source, lines: new LineIndex(source), types: language.types, named: new Map(), mayHaveMissing: node.hasError }, undefined);
  } finally {
    cursor.delete();
  }
}

function isNamedType(walk: Walk, typeId: number): boolean {
  let named = walk.named.get(typeId);
  if (named === undefined) {
    named = walk.cursor.nodeIsNamed;
    walk.named.set(typeId, named);
  }
  return named;
}

function copyAt(walk: Walk, parentType: string | undefined): SyntaxNode {
  const { cursor } = walk;
  const typeId = cursor.nodeTypeId;
  const type = walk.types[typeId] || 'ERROR';
  const startIndex = cursor.startIndex;
  const endIndex = cursor.endIndex;
  const copy = new SyntaxNode(
    walk.source,
    type,
    isNamedType(walk, typeId),
    typeId === ERROR_SYMBOL,
    walk.mayHaveMissing && cursor.nodeIsMissing,
    // Only object elements are read by field (`key`, `val`).
    parentType === 'object_elem' ? cursor.currentFieldName ?? undefined : undefined,
    startIndex,
    endIndex,
    walk.lines,
  );
  if (cursor.gotoFirstChild()) {
    do copy.children.push(copyAt(walk, type));
    while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  return copy;
}
