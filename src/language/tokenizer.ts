/**
 * casus's tokenizer: splits text at white space, then splits each piece into words and punctuation the way
 * wink-nlp's English tokenizer does (contractions, possessives, abbreviations, hyphens, currency, URLs), so that
 * the rest of casus sees the same tokens. `language/nlp.ts` splits each distinct piece once and remembers it.
 */
import { entry } from './lexicon.js';

/** How one white-space-free piece splits: [offset, length] pairs, and the pieces' text. */
export interface Split {
  at: number[];
  text: string[];
}

/** White space between tokens: ASCII and Unicode spaces, line breaks, the byte-order mark. */
export const isSpace = (c: number): boolean =>
  c <= 32
    ? c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11
    : c >= 0xa0 && (c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);

const URL = /^(?:https?:\/\/|www\.)\S+$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/i;
const NUMBER = /^[+-]?(?:\d+(?:[.,\-–/:]?\d+)*|\.\d+)(?:st|nd|rd|th|s)?$/i;
const TAG = /^[#@][\p{L}\p{N}_]+$/u;
const INITIALS = /^(?:\p{L}\.)+\p{L}?\.?$/u;
const LEADING = new Set(['"', '“', '‘', "'", '(', '[', '{', '«', '`', '—', '–', '-', '¿', '¡', '*', '/', '<', '„', '…', '•', '|', '~']);
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', '"', '”', '’', "'", ')', ']', '}', '»', '…', '*', '/', '>', '|', '—', '–']);
/** Prefixes that stay joined to their word by a hyphen ("de-escalation", "pro-Russian", "mid-2019"). */
const PREFIXES = new Set([
  'de',
  'anti',
  'pro',
  're',
  'non',
  'co',
  'ex',
  'e',
  'post',
  'mid',
  'x',
  'pre',
  'multi',
  'semi',
  'inter',
  'counter',
  'sub',
  'super',
  'ultra',
  'neo',
  'bi',
  'tri',
  'un',
  'trans',
  'cyber',
  'micro',
  'macro',
  'mega',
  'mini',
  'extra',
  'intra',
  'pan',
  'quasi',
  'geo',
  'vice',
  'over',
  'out',
  'all',
  'cross',
]);
const CURRENCY = new Set(['$', '€', '£', '¥', '₹', '₽', '₩', '₪', '₺', '#']);
const CLITICS = ["n't", 'n’t', "'s", '’s', "'re", '’re', "'ll", '’ll', "'ve", '’ve', "'d", '’d', "'m", '’m', "'S", "N'T", "'RE", "'LL", "'VE", "'D", "'M"];

/** Split one white-space-free piece into tokens. */
export function splitChunk(chunk: string): Split {
  const at: number[] = [];
  const text: string[] = [];
  const push = (off: number, t: string): void => {
    at.push(off, t.length);
    text.push(t);
  };
  if (chunk.length <= LONG || URL.test(chunk)) pieces(chunk, 0, push);
  else {
    // A long piece (no white space for LONG characters: run-on text, markup debris) is first cut, in one pass,
    // into runs of word characters and single other characters, so splitting stays linear and shallow.
    let i = 0;
    while (i < chunk.length) {
      let j = i;
      while (j < chunk.length && WORDISH.test(chunk[j]!)) j++;
      if (j === i) j = i + 1;
      const part = chunk.slice(i, j);
      if (part.length <= LONG) pieces(part, i, push);
      else push(i, part);
      i = j;
    }
  }
  return { at, text };
}

/** Longest piece split by the recursive rules below. */
const LONG = 48;
const WORDISH = /[\p{L}\p{N}\p{M}.'’&-]/u;

type Push = (off: number, t: string) => void;

/** Whole words the lexicon knows, with their contraction pieces. */
function known(w: string, off: number, push: Push): boolean {
  const e = entry(w);
  if (e.pos < 0 && !e.parts) return false;
  if (e.parts) {
    let o = off;
    let rest = w;
    for (const p of e.parts) {
      // The pieces' text is normalised ("wo" for "Wo"); cut the written text by their lengths.
      const t = rest.slice(0, p.text.length);
      push(o, t);
      o += t.length;
      rest = rest.slice(t.length);
    }
    if (rest) push(o, rest);
  } else push(off, w);
  return true;
}

function pieces(w: string, off: number, push: Push): void {
  if (!w) return;
  if (w.length === 1) return push(off, w);
  if (known(w, off, push)) return;
  if (URL.test(w) || NUMBER.test(w) || TAG.test(w)) return push(off, w);
  // Leading punctuation, one character at a time.
  const c0 = w[0]!;
  if (LEADING.has(c0) && !(c0 === "'" && /^'\d0s$/.test(w))) {
    push(off, c0);
    return pieces(w.slice(1), off + 1, push);
  }
  if (CURRENCY.has(c0) && /\d/.test(w[1]!)) {
    push(off, c0);
    return pieces(w.slice(1), off + 1, push);
  }
  // Trailing punctuation: "..." whole, a full stop kept by abbreviations and initials.
  const last = w[w.length - 1]!;
  if (w.endsWith('...')) {
    pieces(w.slice(0, -3), off, push);
    return push(off + w.length - 3, '...');
  }
  if (last === '.') {
    if (INITIALS.test(w) || entry(w).abbrev) return push(off, w);
    pieces(w.slice(0, -1), off, push);
    return push(off + w.length - 1, '.');
  }
  if (TRAILING.has(last)) {
    // "Joneses'" keeps its apostrophe as a separate mark, as does any closing quote.
    pieces(w.slice(0, -1), off, push);
    return push(off + w.length - 1, last);
  }
  if (last === '%' && w.length > 1) {
    pieces(w.slice(0, -1), off, push);
    return push(off + w.length - 1, '%');
  }
  // Clitics: "Mahdi's" -> Mahdi + 's, "they're" -> they + 're.
  for (const c of CLITICS) {
    if (w.length > c.length && w.endsWith(c)) {
      pieces(w.slice(0, -c.length), off, push);
      return push(off + w.length - c.length, w.slice(-c.length));
    }
  }
  // Inner hyphens, slashes and dashes split ("Abdul-Mahdi", "so-called", "Photo/Jane"), unless known as a whole.
  const m = /[-–—/&+=]/.exec(w.slice(1, -1));
  if (m && m[0] === '-' && (PREFIXES.has(w.slice(0, m.index + 1).toLowerCase()) || entry(w.toLowerCase()).pos >= 0)) return push(off, w);
  if (m) {
    const k = m.index + 1;
    pieces(w.slice(0, k), off, push);
    push(off + k, w[k]!);
    return pieces(w.slice(k + 1), off + k + 1, push);
  }
  // Amounts with units glued on ("300m", "5bn", "10km").
  const unit = /^(\d+(?:[.,]\d+)*)(\p{L}+)$/u.exec(w);
  if (unit && !/^(?:st|nd|rd|th|s)$/i.test(unit[2]!)) {
    push(off, unit[1]!);
    return push(off + unit[1]!.length, unit[2]!);
  }
  // Punctuation glued inside a word ("said,then"): split at it.
  const p = /[,;!?"“”()[\]]/.exec(w);
  if (p && p.index > 0) {
    pieces(w.slice(0, p.index), off, push);
    push(off + p.index, w[p.index]!);
    return pieces(w.slice(p.index + 1), off + p.index + 1, push);
  }
  push(off, w);
}
