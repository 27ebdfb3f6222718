// A small strict XML reader for tests of generated SVG: it throws on anything not well-formed
// (unbalanced or mismatched tags, bare '&' or '<', duplicate or unquoted attributes).
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** All text inside, entities decoded. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bare '&' in ${JSON.stringify(text)}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, entity: string) =>
    entity.startsWith('#x') ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#') ? String.fromCodePoint(Number(entity.slice(1))) : ENTITIES[entity]);
}

export class DOMParser {
  readonly root: XmlElement;

  constructor(source: string) {
    const stack: XmlElement[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
    const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
    let match: RegExpExecArray | null;
    while ((match = token.exec(source)) !== null) {
      const [, closing, name, attributeText, selfClosing, text, stray] = match;
      if (stray) throw new Error(`stray '<' at ${match.index}`);
      if (text !== undefined) {
        const decoded = decode(text);
        for (const element of stack) element.text += decoded;
        continue;
      }
      if (closing) {
        const open = stack.pop();
        if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
        continue;
      }
      const element: XmlElement = { name, attributes: parseAttributes(attributeText), children: [], text: '' };
      stack[stack.length - 1].children.push(element);
      if (!selfClosing) stack.push(element);
    }
    if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
    const roots = stack[0].children;
    if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
    this.root = roots[0];
  }

  all(name: string): XmlElement[] {
    const found: XmlElement[] = [];
    const visit = (element: XmlElement): void => {
      if (element.name === name) found.push(element);
      element.children.forEach(visit);
    };
    visit(this.root);
    return found;
  }
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, double, single] of text.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (name in attributes) throw new Error(`duplicate attribute ${name}`);
    attributes[name] = decode(double ?? single);
  }
  return attributes;
}
