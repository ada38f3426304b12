/**
 * Word knowledge for the tokenizer and tagger, read from wink-eng-lite-web-model's lexicon (MIT): for each of its
 * ~88,000 word forms, the usual part of speech, the set of possible ones, whether it is an abbreviation, its lemma,
 * and the expansion of contractions ("don't" -> "do" + "n't"). Looked up once per word form and kept.
 */
import { createRequire } from 'node:module';
import model from 'wink-eng-lite-web-model';
import { POS, type PosTag } from './tokens.js';

const require = createRequire(import.meta.url);

/**
 * The part of wink-nlp's lexicon API casus reads (wink-nlp/src/cache.js, a plain CommonJS module). It is internal to
 * wink-nlp, so package.json pins wink-nlp and its model to exact versions; test/language.test.ts checks the result.
 */
interface WinkCache {
  lookup(text: string): number[] | null;
  posOf(index: number): number;
  property(index: number, prop: string): unknown;
  mappedSpelling(index: number): number;
  value(index: number): string;
  normal(index: number): number;
  intrinsicSize(): number;
}
interface CoreModel {
  features: { pos: { list: string[] }; posClusters: { list: Array<Set<number>> }; lexeme: { list: string[] } };
}

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

let cache: WinkCache | null = null;
let winkPos: number[] = [];
let clusters: Array<Set<number>> = [];
let intrinsic = 0;
/**
 * The lexicon's forms. wink-nlp keeps them as keys of a plain object, and looking up a string that is not there
 * makes V8 intern it first (slow for the many new forms of a long run); a Set answers "not there" cheaply.
 */
let forms = new Set<string>();
let lemmatizer: (value: string, pos: string, c: WinkCache) => string;

function load(): WinkCache {
  if (cache) return cache;
  const core = (model as unknown as { core(): CoreModel }).core();
  const Cache = require('wink-nlp/src/cache.js') as (m: CoreModel, f: unknown) => WinkCache;
  const m = model as unknown as { featureFn: unknown; addons: { lemmatize: typeof lemmatizer } };
  cache = Cache(core, m.featureFn);
  lemmatizer = m.addons.lemmatize;
  winkPos = core.features.pos.list.map((t) => (t === 'UNK' ? -1 : POS[t as PosTag] ?? POS.X));
  clusters = core.features.posClusters.list;
  intrinsic = cache.intrinsicSize();
  forms = new Set(core.features.lexeme.list.slice(0, intrinsic));
  return cache;
}

const NONE: Entry = Object.freeze({ pos: -1, may: 0, abbrev: false, normal: null, lemma: null, parts: null }) as Entry;

/** The lexicon's entry for `text` exactly as written (case matters: "US" and "us" differ). */
export function entry(text: string): Entry {
  const c = load();
  if (!forms.has(text)) return NONE;
  const found = c.lookup(text);
  if (!found || found[0]! >= intrinsic) return NONE;
  if (found.length > 1) {
    const parts: NonNullable<Entry['parts']> = [];
    for (let k = 0; k < found.length; k += 4) {
      parts.push({ text: c.value(found[k]!), lemma: c.value(found[k + 2]!), pos: winkPos[found[k + 3]!] ?? POS.X });
    }
    return { pos: parts[0]!.pos, may: 0, abbrev: false, normal: null, lemma: null, parts };
  }
  const idx = c.mappedSpelling(found[0]!);
  const p = winkPos[c.posOf(idx)] ?? -1;
  let may = 0;
  const cid = c.property(idx, 'lexemeCID') as number;
  const set = clusters[cid];
  if (set) for (const w of set) if (winkPos[w]! >= 0) may |= 1 << winkPos[w]!;
  if (p >= 0) may |= 1 << p;
  const single = c.property(idx, 'isSLemma') === 1;
  return {
    pos: p,
    may,
    abbrev: c.property(idx, 'isAbbrev') === 1,
    normal: c.value(c.normal(found[0]!)),
    lemma: single ? c.value(c.property(idx, 'lemma') as number) : null,
    parts: null,
  };
}

/** Lemma of lower-case `word` read as `tag`, by WordNet's exceptions and suffix rules (wink's lemmatizer). */
export function lemmatize(word: string, tag: PosTag): string {
  return lemmatizer(word, tag, load());
}
