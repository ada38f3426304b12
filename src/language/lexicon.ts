/**
 * Word knowledge for the tokenizer and tagger, from wink-eng-lite-web-model's lexicon (MIT) as compiled by
 * english-pack.ts: for each of its ~88,000 word forms, the usual part of speech, the set of possible ones, whether
 * it is an abbreviation, its lemma, and the expansion of contractions ("don't" -> "do" + "n't"). Looked up once per
 * word form and kept (language/nlp.ts).
 */
import { createRequire } from 'node:module';
import { ABBREV, BASE_TAG_BIT, ENTRY, hashOf, loadEnglish, type EnglishTables } from './english-pack.js';
import type { PosTag } from './tokens.js';

const require = createRequire(import.meta.url);

/** What the lexicon says about one written form. */
export interface Entry {
  /** Usual tag (casus POS id); -1 when the form is not in the lexicon. */
  pos: number;
  /** Bit set of possible tags (1 << POS id); 0 when unknown. */
  may: number;
  abbrev: boolean;
  /** The form to lemmatize: lower case, British spellings mapped to American ("recognised" -> "recognized"). */
  normal: string | null;
  /** Lemma when the lexicon has exactly one, else null (then it depends on the tag). */
  lemma: string | null;
  /** Contractions: the pieces with their text, lemma and tag ("won't" -> wo/will/AUX + n't/not/PART). */
  parts: Array<{ text: string; lemma: string; pos: number }> | null;
}

let tables: EnglishTables | null = null;
const load = (): EnglishTables => (tables ??= loadEnglish());

/** Index of the form `text` in the tables, or -1. */
function formIndex(t: EnglishTables, text: string): number {
  const { strings, offsets } = t;
  for (let i = t.head[hashOf(text) & (t.head.length - 1)]!; i >= 0; i = t.next[i]!) {
    const at = offsets[i]!;
    if (offsets[i + 1]! - at === text.length && strings.startsWith(text, at)) return i;
  }
  return -1;
}

const stringAt = (t: EnglishTables, id: number): string | null => (id < 0 ? null : t.strings.slice(t.offsets[id]!, t.offsets[id + 1]!));

const NONE: Entry = Object.freeze({ pos: -1, may: 0, abbrev: false, normal: null, lemma: null, parts: null }) as Entry;

/** The lexicon's entry for `text` exactly as written (case matters: "US" and "us" differ). */
export function entry(text: string): Entry {
  const t = load();
  const i = formIndex(t, text);
  if (i < 0) return NONE;
  const parts = t.parts[i];
  if (parts) {
    return { pos: parts[0]![2], may: 0, abbrev: false, normal: null, lemma: null, parts: parts.map(([text, lemma, pos]) => ({ text, lemma, pos })) };
  }
  const flags = t.flags[i]!;
  if (!(flags & ENTRY)) return NONE;
  return { pos: t.pos[i]!, may: t.may[i]!, abbrev: (flags & ABBREV) !== 0, normal: stringAt(t, t.normal[i]!), lemma: stringAt(t, t.lemma[i]!), parts: null };
}

type Lemmatizer = (value: string, pos: string, cache: { hasSamePOS(text: string, pos: string): boolean }) => string;
let lemmatizer: Lemmatizer | null = null;
/** What wink's lemmatizer asks of the lexicon: is `text` a base form that can have the tag `pos`? */
const baseForms = {
  hasSamePOS(text: string, pos: string): boolean {
    const t = load();
    const i = formIndex(t, text);
    return i >= 0 && (t.flags[i]! & (BASE_TAG_BIT[pos as keyof typeof BASE_TAG_BIT] ?? 0)) !== 0;
  },
};

/** Lemma of lower-case `word` read as `tag`, by WordNet's exceptions and suffix rules (wink's lemmatizer). */
export function lemmatize(word: string, tag: PosTag): string {
  lemmatizer ??= require('wink-eng-lite-web-model/dist/lemmatize.js') as Lemmatizer;
  return lemmatizer(word, tag, baseForms);
}
