/**
 * A first pass over HTML that caps element nesting, so that extraction stays linear in size and depth: the parser
 * keeps its open elements in an array that it scans and shifts at every tag, which costs time in proportion to the
 * depth, so a body of 300,000 nested elements took tens of seconds. Tags opened deeper than MAX_DEPTH (and their end
 * tags) are removed; their text stays. A page that never nests that deep is returned unchanged, the same string.
 * The pass reads tags with the parser's own tokenizer (one scan) and follows the end tags that htmlparser2 implies
 * (an open <p> closed by the next block, an <li> by the next <li>...) with its own bounded stack, so that its depth is
 * the parser's depth.
 */
import { Tokenizer } from 'htmlparser2';

export const MAX_DEPTH = 256;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const BLOCKS_CLOSING_P = [
  'p',
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'pre',
  'section',
  'table',
  'ul',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
];
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
/** An opening tag → the open elements it closes first (while the innermost open element is one of them). */
const CLOSES = new Map<string, Set<string>>([
  ...BLOCKS_CLOSING_P.map((t) => [t, /^h\d$/.test(t) ? HEADINGS : new Set(['p'])] as [string, Set<string>]),
  ['li', new Set(['li'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['tr', new Set(['tr', 'td', 'th'])],
  ['td', new Set(['thead', 'td', 'th'])],
  ['th', new Set(['th'])],
  ['a', new Set(['a'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as [string, Set<string>]),
]);

/** `html` with the tags nested deeper than `maxDepth` removed (the same string when there are none). */
export function capNesting(html: string, maxDepth = MAX_DEPTH): string {
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  const cuts: number[] = []; // [start, end) pairs, in order
  let name = '';
  let tagStart = 0;
  const endOpen = (end: number, selfClosing: boolean): void => {
    if (!name || VOID.has(name) || selfClosing) return;
    const closes = CLOSES.get(name);
    while (closes && stack.length && closes.has(stack[stack.length - 1]!)) stack.pop();
    if (stack.length < maxDepth) stack.push(name);
    else {
      cuts.push(tagStart, end + 1);
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
    }
  };
  const noop = (): void => {};
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        name = html.slice(start, end).toLowerCase();
        tagStart = start - 1;
      },
      onopentagend: (end) => endOpen(end, false),
      onselfclosingtag: (end) => endOpen(end, false),
      onclosetag(start, end) {
        const n = html.slice(start, end).toLowerCase();
        const d = dropped.get(n) ?? 0;
        if (d > 0) {
          dropped.set(n, d - 1);
          cuts.push(html.lastIndexOf('<', start), end + 1);
          return;
        }
        const at = stack.lastIndexOf(n);
        if (at >= 0) stack.length = at;
      },
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onprocessinginstruction: noop,
      ontext: noop,
      ontextentity: noop,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (!cuts.length) return html;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    parts.push(html.slice(from, cuts[i]), ' ');
    from = cuts[i + 1]!;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
