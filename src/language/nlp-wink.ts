import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { POS, type PosTag, type Tokens } from './tokens.js';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

/** The wink-nlp instance, created once per process with only the stages casus uses. */
export function getNlp(): Nlp {
  if (!nlp) nlp = winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

export interface Tokenized {
  tokens: Tokens;
  /** Sentence boundaries proposed by wink-nlp, as token index ranges [first, last). */
  sentences: Array<[number, number]>;
}

const CURLY = /[’‘`]/g;
const norm = (s: string): string => {
  const lo = s.toLowerCase();
  return lo.includes('’') || lo.includes('‘') || lo.includes('`') ? lo.replace(CURLY, "'") : lo;
};

type WinkTokens = ReturnType<ReturnType<Nlp['readDoc']>['tokens']>;

/** What casus keeps of a word form: lower case, capitalised, and its lemma per POS tag (filled on demand). */
interface WordInfo {
  lower: string;
  cap: number;
  blank: boolean;
  lemma: Array<string | undefined>;
}
/**
 * Word forms seen so far. wink-nlp hands out the same string object for the same form, so this lookup is
 * cheap, and lemmatizing a form once per tag saves wink-nlp's per-token lemmatizer (a third of its tagging time).
 */
const words = new Map<string, WordInfo>();
const WORDS_MAX = 200_000;

function wordInfo(v: string): WordInfo {
  let w = words.get(v);
  if (w === undefined) {
    const c = v.charCodeAt(0);
    const blank = c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 ? v.trim() === '' : false;
    w = {
      lower: norm(v),
      cap: c >= 65 && c <= 90 ? 1 : c > 127 && v[0] !== v[0]!.toLowerCase() ? 1 : 0,
      blank,
      lemma: [],
    };
    if (words.size >= WORDS_MAX) words.clear();
    words.set(v, w);
  }
  return w;
}

function lemmaOf(toks: WinkTokens, i: number, v: string, w: WordInfo, pos: number): string {
  let lm = w.lemma[pos];
  if (lm === undefined) {
    const raw = toks.itemAt(i).out(getNlp().its.lemma as never) as unknown as string;
    lm = !raw || raw === v || raw === w.lower ? w.lower : norm(raw);
    w.lemma[pos] = lm;
  }
  return lm;
}

/** Words whose "'s" is "is" or "has" ("it's", "that's"), not a possessive. */
const CONTRACTING = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'here', 'where', 'how', 'let']);

/** Where a word ending in "'s" splits ("Trump's" -> 5), else 0. */
function possessiveCut(v: string): number {
  const n = v.length;
  if (n < 3) return 0;
  const s = v.charCodeAt(n - 1);
  const q = v.charCodeAt(n - 2);
  if ((s !== 115 && s !== 83) || (q !== 39 && q !== 0x2019)) return 0;
  return /[\p{L}\p{N}.]/u.test(v[n - 3]!) ? n - 2 : 0;
}

/** Tokenize, tag and lemmatize `text`; whitespace tokens are dropped, offsets recovered exactly. */
export function tokenizeWink(text: string): Tokenized {
  const n = getNlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const toks = doc.tokens();
  const values = toks.out(its.value) as string[];
  const spaces = toks.out(its.precedingSpaces) as string[];
  const tags = toks.out(its.pos) as string[];
  const total = values.length;
  let room = total;
  for (let i = 0; i < total; i++) if (possessiveCut(values[i]!) > 0) room++;
  const start = new Int32Array(room);
  const end = new Int32Array(room);
  const pos = new Uint8Array(room);
  const cap = new Uint8Array(room);
  const value: string[] = [];
  const lower: string[] = [];
  const lemma: string[] = [];
  const keep = new Int32Array(total + 1);
  let offset = 0;
  let k = 0;
  for (let i = 0; i < total; i++) {
    offset += spaces[i]!.length;
    const v = values[i]!;
    keep[i] = k;
    const tag = tags[i] as PosTag;
    const w = wordInfo(v);
    if (tag !== 'SPACE' && !w.blank) {
      // wink-nlp keeps the text intact; trust but verify the offset.
      let s = offset;
      if (text.startsWith(v, s) === false) {
        const found = text.indexOf(v, s);
        if (found >= 0) s = found;
      }
      const p = POS[tag] ?? POS.X;
      const cut = possessiveCut(v);
      if (cut > 0) {
        // wink-nlp learns "Trump's" as one word once it has seen it before a full stop; split it as it does at first.
        const head = v.slice(0, cut);
        const hw = wordInfo(head);
        start[k] = s;
        end[k] = s + cut;
        pos[k] = p;
        cap[k] = hw.cap;
        value.push(head);
        lower.push(hw.lower);
        lemma.push(hw.lower);
        k++;
        const tail = v.slice(cut);
        start[k] = s + cut;
        end[k] = s + v.length;
        const aux = CONTRACTING.has(hw.lower);
        pos[k] = aux ? POS.AUX : POS.PART;
        cap[k] = 0;
        value.push(tail);
        lower.push("'s");
        lemma.push(aux ? 'be' : "'s");
        k++;
        offset += v.length;
        continue;
      }
      start[k] = s;
      end[k] = s + v.length;
      pos[k] = p;
      cap[k] = w.cap;
      value.push(v);
      lower.push(w.lower);
      lemma.push(lemmaOf(toks, i, v, w, p));
      k++;
    }
    offset += v.length;
  }
  keep[total] = k;
  const sentences: Array<[number, number]> = [];
  for (const span of doc.sentences().out(its.span) as unknown as Array<[number, number]>) {
    const first = keep[span[0]]!;
    const last = span[1] + 1 <= total ? keep[span[1] + 1]! : k;
    if (last > first) sentences.push([first, last]);
  }
  return {
    tokens: {
      n: k,
      start: start.subarray(0, k),
      end: end.subarray(0, k),
      pos: pos.subarray(0, k),
      cap: cap.subarray(0, k),
      value,
      lower,
      lemma,
      sent: new Int32Array(k),
    },
    sentences,
  };
}
