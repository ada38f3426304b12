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

/** Tokenize, tag and lemmatize `text`; whitespace tokens are dropped, offsets recovered exactly. */
export function tokenize(text: string): Tokenized {
  const n = getNlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const toks = doc.tokens();
  const values = toks.out(its.value) as string[];
  const spaces = toks.out(its.precedingSpaces) as string[];
  const tags = toks.out(its.pos) as string[];
  const lemmas = toks.out(its.lemma as never) as unknown as string[];
  const total = values.length;
  const start = new Int32Array(total);
  const end = new Int32Array(total);
  const pos = new Uint8Array(total);
  const cap = new Uint8Array(total);
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
    const c0 = v.charCodeAt(0);
    if (tag !== 'SPACE' && !(c0 <= 32 || c0 === 0xa0 || (c0 >= 0x2000 && c0 <= 0x200b) || c0 === 0x3000) ? true : tag !== 'SPACE' && v.trim() !== '') {
      // wink-nlp keeps the text intact; trust but verify the offset.
      let s = offset;
      if (text.startsWith(v, s) === false) {
        const found = text.indexOf(v, s);
        if (found >= 0) s = found;
      }
      start[k] = s;
      end[k] = s + v.length;
      pos[k] = POS[tag] ?? POS.X;
      const c = v.charCodeAt(0);
      cap[k] = c >= 65 && c <= 90 ? 1 : c > 127 && v[0] !== v[0]!.toLowerCase() ? 1 : 0;
      value.push(v);
      const lo = norm(v);
      lower.push(lo);
      const lm = lemmas[i];
      lemma.push(!lm || lm === v || lm === lo ? lo : norm(lm));
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
