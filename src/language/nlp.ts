import { POS, type Tokens } from './tokens.js';
import { isSpace, splitChunk } from './tokenizer.js';
import { formTags, tagSentence, type FormTags } from './tagger.js';
import { entry, lemmatize } from './lexicon.js';
import { CACHE_GENERATION, HASH_START, hashOf, hashStep, RangeTable } from './range-table.js';

export interface Tokenized {
  tokens: Tokens;
  /** Sentence boundaries, as token index ranges [first, last). */
  sentences: Array<[number, number]>;
}

const CURLY = /[’‘`]/g;
const norm = (s: string): string => {
  const lo = s.toLowerCase();
  return lo.includes('’') || lo.includes('‘') || lo.includes('`') ? lo.replace(CURLY, "'") : lo;
};

/** What casus keeps of a word form: its text, lower case, tags before context, lemma inputs and lemmas per tag. */
interface WordInfo extends FormTags {
  value: string;
  lower: string;
  /** The form the lemmatizer reads (spelling mapped to American). */
  normal: string;
  /** The lexicon's only lemma, when it has one. */
  lemma1: string | null;
  /** Lemmas read as a noun, verb and adjective, filled on demand. */
  lemN: string | null;
  lemV: string | null;
  lemA: string | null;
  /** Ends a sentence when a capitalised word follows. */
  eos: boolean;
  /** An abbreviation with its full stop ("Inc.", "U.S.", "p.m."): ends a sentence only before a function word. */
  abbrev: boolean;
}
const normalOf = (n: string | null, lower: string): string => (n !== null && n !== lower ? norm(n) : lower);
/** Each distinct word form's info (a cache with the same eviction rule as `pieces` below: range-table.ts). */
const words = new RangeTable<WordInfo>(CACHE_GENERATION);

function wordInfo(v: string): WordInfo {
  const h = hashOf(v);
  let w = words.get(v, 0, v.length, h);
  if (w === undefined) {
    const lower = norm(v);
    const e = entry(v);
    const t = formTags(v, lower, e);
    w = {
      value: v,
      lower: lower === v ? v : lower,
      base: t.base,
      may: t.may,
      lowerBase: t.lowerBase,
      lowerMay: t.lowerMay,
      cap: t.cap,
      normal: normalOf(e.normal ?? (lower !== v ? entry(lower).normal : null), lower),
      lemma1: e.lemma !== null ? norm(e.lemma) : null,
      lemN: null,
      lemV: null,
      lemA: null,
      eos: v === '.' || v === '!' || v === '?' || v === '?!' || v === '!?',
      abbrev: v.length > 1 && v.endsWith('.') && v !== '...' && !TITLES.has(lower.slice(0, -1)),
    };
    words.set(v, h, w);
  }
  return w;
}

/** Lemmas of clitics read as auxiliaries or "not" ("it's" -> be, "won't" -> will + not). */
const CLITIC_LEMMA: Record<string, string> = {
  "'s": 'be',
  "'re": 'be',
  "'m": 'be',
  "'ll": 'will',
  "'ve": 'have',
  "'d": 'would',
  "n't": 'not',
  ca: 'can',
  wo: 'will',
  sha: 'shall',
};

function lemmaOf(w: WordInfo, pos: number): string {
  if ((pos === POS.AUX || pos === POS.PART) && CLITIC_LEMMA[w.lower] !== undefined) return CLITIC_LEMMA[w.lower]!;
  if (w.lemma1 !== null) return w.lemma1;
  if (pos === POS.NOUN) return (w.lemN ??= norm(lemmatize(w.normal, 'NOUN')));
  if (pos === POS.VERB) return (w.lemV ??= norm(lemmatize(w.normal, 'VERB')));
  if (pos === POS.ADJ) return (w.lemA ??= norm(lemmatize(w.normal, 'ADJ')));
  return w.lower;
}

/** Abbreviated titles, which come before a name and never end a sentence. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'messrs',
  'dr',
  'prof',
  'rep',
  'reps',
  'sen',
  'sens',
  'gov',
  'govs',
  'gen',
  'gens',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'cdr',
  'adm',
  'sgt',
  'cpl',
  'pvt',
  'brig',
  'pres',
  'amb',
  'sec',
  'atty',
  'hon',
  'rev',
  'fr',
  'sr',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'vs',
  'v',
  'e.g',
  'i.e',
  'cf',
  'approx',
  'est',
  'supt',
  'insp',
  'det',
  'lt.col',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
/** Words after which a sentence may start following an abbreviation ("... at 3 p.m. He said"). */
const STARTERS = new Set([POS.DET, POS.PRON, POS.CCONJ, POS.ADP, POS.ADV, POS.SCONJ, POS.AUX, POS.INTJ]);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/** A white-space-free piece of text that splits into several tokens ("said," "Iraq's"), with each token's info. */
class Piece {
  constructor(
    readonly at: number[],
    readonly info: WordInfo[],
  ) {}
}
/** Each distinct piece: its one token's info, or its split. */
const pieces = new RangeTable<Piece | WordInfo>(CACHE_GENERATION);

function newPiece(chunk: string): Piece | WordInfo {
  const s = splitChunk(chunk);
  return s.text.length === 1 && s.text[0] === chunk ? wordInfo(chunk) : new Piece(s.at, s.text.map(wordInfo));
}

/** Tokenize, split into sentences, tag and lemmatize `text`; offsets are exact. */
export function tokenize(text: string): Tokenized {
  const len = text.length;
  let room = (len >> 2) + 16;
  let start = new Int32Array(room);
  let end = new Int32Array(room);
  const infos: WordInfo[] = [];
  let n = 0;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    while ((c <= 32 || c >= 0xa0) && isSpace(c) && ++i < len) c = text.charCodeAt(i);
    if (i >= len) break;
    let h = hashStep(HASH_START, c);
    let j = i + 1;
    while (j < len) {
      c = text.charCodeAt(j);
      if ((c <= 32 || c >= 0xa0) && isSpace(c)) break;
      h = hashStep(h, c);
      j++;
    }
    let p = pieces.get(text, i, j, h);
    if (p === undefined) {
      const chunk = text.slice(i, j);
      p = newPiece(chunk);
      pieces.set(chunk, h, p);
    }
    const m = p instanceof Piece ? p.info.length : 1;
    if (n + m > room) {
      room = (n + m) * 2;
      const ns = new Int32Array(room);
      ns.set(start.subarray(0, n));
      start = ns;
      const ne = new Int32Array(room);
      ne.set(end.subarray(0, n));
      end = ne;
    }
    if (p instanceof Piece) {
      for (let k = 0; k < m; k++) {
        const o = i + p.at[2 * k]!;
        const w = p.info[k]!;
        start[n] = o;
        end[n] = o + w.value.length;
        infos.push(w);
        n++;
      }
    } else {
      start[n] = i;
      end[n] = j;
      infos.push(p);
      n++;
    }
    i = j;
  }
  const value: string[] = new Array(n);
  const lower: string[] = new Array(n);
  const cap = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const w = infos[k]!;
    value[k] = w.value;
    lower[k] = w.lower;
    cap[k] = w.cap;
  }
  // Sentences: after a full stop, question or exclamation mark (and any closing quotes or brackets) when the next
  // word starts a sentence, and at blank lines.
  const sentences: Array<[number, number]> = [];
  let first = 0;
  for (let i = 0; i < n; i++) {
    let stop = -1;
    const inf = infos[i]!;
    if (inf.abbrev && i + 1 < n && cap[i + 1] && STARTERS.has(infos[i + 1]!.lowerBase)) stop = i + 1;
    else if (inf.eos) {
      let j = i + 1;
      while (j < n && CLOSERS.has(value[j]!) && start[j] === end[j - 1]) j++;
      if (j >= n) stop = n;
      else {
        const c = value[j]!;
        const c0 = c.charCodeAt(0);
        if (cap[j] || (c0 >= 48 && c0 <= 57) || c === '“' || c === '"' || c === '‘' || c === '(' || c === '—') stop = j;
      }
    }
    if (stop < 0 && i + 1 < n && blankLineBetween(text, end[i]!, start[i + 1]!)) stop = i + 1;
    if (stop > 0) {
      sentences.push([first, stop]);
      first = stop;
      i = stop - 1;
    }
  }
  if (first < n) sentences.push([first, n]);
  const pos = new Uint8Array(n);
  for (const [f, l] of sentences) tagSentence(infos, lower, pos, f, l);
  const lemma: string[] = new Array(n);
  for (let i = 0; i < n; i++) lemma[i] = lemmaOf(infos[i]!, pos[i]!);
  return {
    tokens: { n, start: start.subarray(0, n), end: end.subarray(0, n), pos, cap, value, lower, lemma, sent: new Int32Array(n) },
    sentences,
  };
}

/** Two line breaks in the white space text[from, to). */
function blankLineBetween(text: string, from: number, to: number): boolean {
  if (to - from < 2) return false;
  let breaks = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10 && ++breaks === 2) return true;
  return false;
}
