import type { SectionKind } from '../document/types.js';

export interface Block {
  start: number;
  end: number;
  section: SectionKind;
}

const CREDIT_LINE =
  /^(\(?(AP|AFP|Reuters|Getty|EPA|Xinhua)\b.*photo|\(?photo\b|by [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3}$|(reporting|writing|editing|additional reporting) by\b|copyright\b|©)/i;
const CAPTION_CREDIT = /\((?:AP|AFP|Reuters|EPA|Getty Images|Xinhua|[A-Z][\w.]* )?\s*Photo[^)]*\)\s*$|\((?:AP|Reuters|AFP|Getty Images)\s*\/[^)]*\)\s*$/i;
const SOURCE_LINE = /^[A-Z][\w.&' -]{1,60}:$/;
const DATELINE = /^([A-Z][A-Za-z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+){0,4}\s*(?:\((?:AP|Reuters|AFP|UPI|dpa)\))?\s*[—–-]{1,2}\s)/;

function endsLikeSentence(s: string): boolean {
  return /[.!?]["'”’)\]]*$/.test(s.trim());
}

/** Split the text into paragraphs and give each the section it belongs to. */
export function findBlocks(text: string, hasTitle: boolean): Block[] {
  const paras: Array<{ start: number; end: number }> = [];
  const re = /[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) paras.push({ start: s, end: e });
  }
  const blocks: Block[] = [];
  let inBody = false;
  let quoteNext = false;
  let bodySeen = false;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const t = text.slice(p.start, p.end);
    const words = wordCount(t);
    let section: SectionKind = 'body';
    if (quoteNext) {
      section = 'blockquote';
      quoteNext = /^[“"]/.test(t) && !/[”"]\W*$/.test(t.replace(/[”"][^“"]*$/, '”'));
    } else if (SOURCE_LINE.test(t) && words <= 8) {
      section = 'credit';
      quoteNext = true;
    } else if (t.startsWith('>')) {
      section = 'blockquote';
    } else if (CREDIT_LINE.test(t) && words <= 14) {
      section = 'credit';
    } else if (t.endsWith(')') && CAPTION_CREDIT.test(t)) {
      section = 'caption';
    } else if (!inBody && !hasTitle && !endsLikeSentence(t) && words <= 25) {
      section = 'headline';
    } else {
      inBody = true;
    }
    if (section === 'body' && !bodySeen) {
      bodySeen = true;
      const d = DATELINE.exec(t);
      if (d && d[1]!.length < 60 && /[—–]|--|\(\w+\)/.test(d[1]!)) {
        blocks.push({ start: p.start, end: p.start + d[1]!.trimEnd().length, section: 'dateline' });
        blocks.push({ start: p.start + d[1]!.length, end: p.end, section });
        continue;
      }
    }
    if (section === 'caption') {
      // The photo credit at the end of a caption is a credit of its own.
      const c = CAPTION_CREDIT.exec(t);
      if (c && c.index > 0) {
        const cs = p.start + c.index;
        blocks.push({ start: p.start, end: trimEnd(text, p.start, cs), section });
        blocks.push({ start: cs, end: p.end, section: 'credit' });
        continue;
      }
    }
    blocks.push({ start: p.start, end: p.end, section });
  }
  return blocks;
}

/** Words of a paragraph, counted up to 26 (no test needs more). */
function wordCount(t: string): number {
  let n = 1;
  for (let i = 0, inSpace = false; i < t.length && n <= 26; i++) {
    const c = t.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13;
    if (space && !inSpace) n++;
    inSpace = space;
  }
  return n;
}

function trimEnd(text: string, s: number, e: number): number {
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e;
}
