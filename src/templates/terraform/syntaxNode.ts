// A plain copy of a tree-sitter subtree, read in one cursor walk. Reading tree-sitter nodes one
// property at a time (children lists, types, positions) crosses into WebAssembly and allocates a
// node object per call; a 5,000-line module spent more time there than in parsing itself.
import { LineIndex } from '../../core/lineIndex';
import type { Language, Node, Point, TreeCursor } from 'web-tree-sitter';
import type { SourceRange } from '../../core/model';

/** tree-sitter's symbol for ERROR nodes, `(TSSymbol)-1`. */
const ERROR_SYMBOL = 0xffff;

/**
 * Named node types that are tokens in the HCL grammar (or, like template_literal, hold only
 * hidden tokens), so they never have a visible child. Rules such as block_start = '{' or
 * bool_lit are missing on purpose: their literal is a visible anonymous child.
 */
const LEAF_TYPES: ReadonlySet<string> = new Set([
  'identifier', 'template_literal', 'comment', 'ellipsis', 'heredoc_identifier',
  'quoted_template_start', 'quoted_template_end', 'template_interpolation_start', 'template_interpolation_end',
]);

/** The subset of tree-sitter's Node the Terraform reader uses, with the same meaning. */
export class SyntaxNode {
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
    /** Shared and empty for leaves, which are most nodes; never mutated. */
    readonly children: readonly SyntaxNode[],
  ) {}

  // Positions are computed on demand: most nodes (punctuation, names) never need one.
  get startPosition(): Point {
    return pointAt(this.lines, this.startIndex);
  }

  get endPosition(): Point {
    return pointAt(this.lines, this.endIndex);
  }

  /** The same as rangeOf(node), without the intermediate points. */
  get range(): SourceRange {
    return { start: this.lines.positionAt(this.startIndex), end: this.lines.positionAt(this.endIndex) };
  }

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  /** Text of the source the tree was parsed from, e.g. between two of this node's children. */
  sliceSource(start: number, end: number): string {
    return this.source.slice(start, end);
  }

  get namedChildren(): SyntaxNode[] {
    this.named ??= this.children.length === 0 ? NO_CHILDREN : this.children.filter((child) => child.isNamed);
    return this.named;
  }

  childForFieldName(name: string): SyntaxNode | null {
    return this.children.find((child) => child.fieldName === name) ?? null;
  }
}

const NO_CHILDREN: SyntaxNode[] = [];

/** Row and column of a character index, as tree-sitter reports them for text parsed from a string. */
function pointAt(lines: LineIndex, index: number): Point {
  const { line, character } = lines.positionAt(index);
  return { row: line, column: character };
}

interface Walk {
  cursor: TreeCursor;
  source: string;
  lines: LineIndex;
  types: readonly (string | null)[];
  named: Map<number, boolean>;
  /** Missing nodes only occur in a tree with errors; otherwise nobody asks. */
  mayHaveMissing: boolean;
  /** Type ids of LEAF_TYPES. */
  leaves: ReadonlySet<number>;
}

/** Copies `node` and everything below it; `source` is the text the tree was parsed from. */
export function copySubtree(node: Node, source: string): SyntaxNode {
  const cursor = node.walk();
  try {
    return new SubtreeCopier(cursor, node.tree.language, source, new LineIndex(source), node.hasError).copyCurrent();
  } finally {
    cursor.delete();
  }
}

/** Copies the subtree at a cursor's current node, for readers that walk the cursor themselves. */
export class SubtreeCopier {
  private readonly walk: Walk;

  constructor(cursor: TreeCursor, language: Language, source: string, lines: LineIndex, mayHaveMissing: boolean) {
    const types = language.types;
    const leaves = new Set<number>();
    types.forEach((type, id) => {
      if (type && LEAF_TYPES.has(type)) leaves.add(id);
    });
    this.walk = { cursor, source, lines, types, named: new Map(), mayHaveMissing, leaves };
  }

  /** The cursor's current node and everything below it; the cursor ends where it started. */
  copyCurrent(): SyntaxNode {
    return copyAt(this.walk, undefined);
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
  const isNamed = isNamedType(walk, typeId);
  const startIndex = cursor.startIndex;
  // The HCL grammar has no aliases, so an anonymous node is a literal token: a leaf whose text is
  // its type. Reading its end and probing for children would cost two more calls into WebAssembly.
  // A MISSING token is zero-width, so a tree with errors is read in full.
  const isToken = !isNamed && !walk.mayHaveMissing;
  const endIndex = isToken ? startIndex + type.length : cursor.endIndex;
  // Error recovery can put anything anywhere, so only a tree without errors skips the probe.
  const isLeaf = isToken || (!walk.mayHaveMissing && walk.leaves.has(typeId));
  let children = NO_CHILDREN;
  if (!isLeaf && cursor.gotoFirstChild()) {
    children = [];
    do children.push(copyAt(walk, type));
    while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  return new SyntaxNode(
    walk.source,
    type,
    isNamed,
    typeId === ERROR_SYMBOL,
    walk.mayHaveMissing && cursor.nodeIsMissing,
    // Only object elements are read by field (`key`, `val`).
    parentType === 'object_elem' ? cursor.currentFieldName ?? undefined : undefined,
    startIndex,
    endIndex,
    walk.lines,
    children,
  );
}
