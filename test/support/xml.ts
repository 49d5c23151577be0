/**
 * A strict reader of the XML the server writes (feeds), for tests: it refuses what is not well-formed — tags
 * not closed in order, attributes not quoted, `<` or a bare `&` in text or attributes, unknown entities, a
 * second root — and answers the element tree with text unescaped.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, unescaped (not its children's). */
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string, where: string): string {
  if (text.includes('<')) throw new Error(`"<" in ${where}`);
  return text.replace(/&([^;\s&]*);?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw new Error(`a bare "&" in ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#(\d+)$/.exec(ref)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${ref}; in ${where}`);
    return String.fromCodePoint(ref.startsWith('#x') ? parseInt(code, 16) : Number(code));
  });
}

/**
 * The root element of `xml`.
 * @throws Error naming the first thing that is not well-formed.
 */
export function parseXml(xml: string): XmlElement {
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (rest.length) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (text.length) {
      if (!stack.length) {
        if (text.trim()) throw new Error(`text outside the root: ${JSON.stringify(text.slice(0, 40))}`);
      } else stack.at(-1)!.text += unescape(text, `<${stack.at(-1)!.name}>`);
    }
    if (lt === -1) break;
    rest = rest.slice(lt);
    const end = rest.indexOf('>');
    if (end === -1) throw new Error('a tag is not closed');
    const tag = rest.slice(1, end);
    rest = rest.slice(end + 1);
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (open?.name !== tag.slice(1).trim()) throw new Error(`</${tag.slice(1)}> closes <${open?.name ?? 'nothing'}>`);
      if (!stack.length) root = open;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    let body = selfClosing ? tag.slice(0, -1) : tag;
    const name = NAME.exec(body)?.[0];
    if (!name) throw new Error(`a tag without a name: <${tag}>`);
    body = body.slice(name.length);
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      body = body.trimStart();
      if (!body) break;
      const attribute = /^([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(body);
      if (!attribute) throw new Error(`a malformed attribute in <${name}>: ${body.slice(0, 40)}`);
      if (attribute[1]! in element.attributes) throw new Error(`attribute ${attribute[1]} twice in <${name}>`);
      element.attributes[attribute[1]!] = unescape(attribute[2]!, `an attribute of <${name}>`);
      body = body.slice(attribute[0].length);
    }
    if (root) throw new Error('a second root element');
    if (stack.length) stack.at(-1)!.children.push(element);
    if (selfClosing) {
      if (!stack.length) root = element;
    } else stack.push(element);
  }
  if (stack.length) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** The children of `element` named `name`. */
export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
