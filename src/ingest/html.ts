import { Parser } from 'htmlparser2';
import type { SectionKind } from '../document/types.js';
import { capNesting } from './html-depth.js';

export interface HtmlArticle {
  text: string;
  title: string | null;
  date: string | null;
  url: string | null;
  source: string | null;
  /** Paragraph spans in `text` whose section the markup tells (headline, caption, blockquote). */
  hints: Array<{ start: number; end: number; section: SectionKind }>;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'footer', 'aside', 'form', 'button', 'iframe', 'select', 'head']);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'figure',
  'figcaption',
  'br',
  'tr',
  'table',
  'pre',
  'dd',
  'dt',
  'hr',
]);
const SECTION_OF: Record<string, SectionKind> = { h1: 'headline', figcaption: 'caption', blockquote: 'blockquote' };
const DATE_META = [
  'article:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'dc.date',
  'dc.date.issued',
  'og:published_time',
  'sailthru.date',
  'parsely-pub-date',
];

/**
 * Extract the readable article text from HTML with a real (forgiving) HTML parser:
 * paragraphs become blank-line separated blocks; scripts, navigation and footers are dropped.
 * Linear in size and depth: elements nested deeper than MAX_DEPTH lose their tags (html-depth.ts), not their text.
 */
export function extractHtml(html: string): HtmlArticle {
  const parts: string[] = [];
  let len = 0;
  const hints: HtmlArticle['hints'] = [];
  let skipDepth = 0;
  const sectionStack: Array<{ tag: string; start: number }> = [];
  let titleText = '';
  let inTitle = false;
  let date: string | null = null;
  let ogTitle: string | null = null;
  let url: string | null = null;
  let source: string | null = null;
  let pendingBreak = false;
  const push = (s: string): void => {
    parts.push(s);
    len += s.length;
  };
  const breakBlock = (): void => {
    pendingBreak = true;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          const content = attrs.content ?? '';
          if (!date && DATE_META.includes(key) && content) date = content;
          if (key === 'og:title' && content) ogTitle = content;
          if (key === 'og:url' && content) url = content;
          if (key === 'og:site_name' && content) source = content;
        }
        if (name === 'link' && attrs.rel === 'canonical' && attrs.href) url ??= attrs.href;
        if (name === 'time' && attrs.datetime && !date) date = attrs.datetime;
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (BLOCK.has(name)) breakBlock();
        if (SECTION_OF[name] && skipDepth === 0) sectionStack.push({ tag: name, start: -1 });
      },
      ontext(data) {
        if (inTitle) titleText += data;
        if (skipDepth > 0) return;
        const clean = decodeSpaces(data);
        if (!clean.trim()) {
          if (clean.length && len > 0 && !pendingBreak && !/\s$/.test(parts[parts.length - 1] ?? '')) push(' ');
          return;
        }
        if (pendingBreak && len > 0) {
          // Trim the trailing space of the previous block, then open a new paragraph.
          while (parts.length && /\s$/.test(parts[parts.length - 1]!)) {
            const last = parts.pop()!;
            len -= last.length;
            const trimmed = last.replace(/\s+$/, '');
            if (trimmed) {
              parts.push(trimmed);
              len += trimmed.length;
              break;
            }
          }
          push('\n\n');
        }
        pendingBreak = false;
        let piece = clean;
        if (len === 0 || (parts[parts.length - 1] ?? '').endsWith('\n')) piece = piece.replace(/^\s+/, '');
        for (const s of sectionStack) if (s.start < 0) s.start = len;
        push(piece);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (SECTION_OF[name] && skipDepth === 0) {
          for (let k = sectionStack.length - 1; k >= 0; k--) {
            if (sectionStack[k]!.tag !== name) continue;
            const s = sectionStack.splice(k, 1)[0]!;
            if (s.start >= 0 && len > s.start) hints.push({ start: s.start, end: len, section: SECTION_OF[name]! });
            break;
          }
        }
        if (BLOCK.has(name)) breakBlock();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  // Nesting capped first: the parser's work grows with depth (see html-depth.ts).
  parser.write(capNesting(html));
  parser.end();
  let text = parts.join('');
  const trimmedEnd = text.replace(/\s+$/, '');
  text = trimmedEnd;
  for (const h of hints) {
    h.end = Math.min(h.end, text.length);
    while (h.end > h.start && /\s/.test(text[h.end - 1]!)) h.end--;
  }
  const h1 = hints.find((h) => h.section === 'headline');
  const title = (ogTitle ?? (titleText.trim() || (h1 ? text.slice(h1.start, h1.end) : ''))).trim() || null;
  return { text, title, date, url, source, hints: hints.filter((h) => h.end > h.start) };
}

function decodeSpaces(s: string): string {
  return s.replace(/\u00a0/g, ' ').replace(/[ \t\r\n\f]+/g, ' ');
}
