/**
 * The English lexicon compiled into flat tables: for each of the ~88,000 word forms of wink-eng-lite-web-model's
 * lexicon (MIT), its usual tag, possible tags, abbreviation flag, spelling for the lemmatizer, lemma, contraction
 * pieces, and for which tags it is a base form (what wink's lemmatizer asks). The build writes the tables to
 * dist/compiled/english.pack; loading that takes milliseconds, where reading wink's model took a large share of
 * casus's start-up. Without the pack (or with a stale one), the same tables are built from the model here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { packPath, readPack, stampOf, writePack } from '../compiled/pack.js';
import { hashOf } from './range-table.js';
import { POS, type PosTag } from './tokens.js';

const require = createRequire(import.meta.url);
const PACK = packPath('english');

/** Flag bits: an entry (not a contraction); an abbreviation; a base form that can be an adjective, noun, verb (wink's `hasSamePOS`). */
export const ENTRY = 16;
export const ABBREV = 1;
export const BASE_TAG_BIT: Record<'ADJ' | 'NOUN' | 'VERB', number> = { ADJ: 2, NOUN: 4, VERB: 8 };

/** The tables; strings 0 .. forms-1 are the word forms, in the model's order. */
export interface EnglishTables {
  forms: number;
  /** Every string, one after the other; string k is strings.slice(offsets[k], offsets[k + 1]). */
  strings: string;
  offsets: Int32Array;
  /** Per form: usual tag (casus POS id, -1 unknown), possible tags (bit set), flags, string ids (-1: none). */
  pos: Int8Array;
  may: Uint32Array;
  flags: Uint8Array;
  normal: Int32Array;
  lemma: Int32Array;
  /** Hash chains over the forms (FNV-1a of range-table.ts): bucket heads and next links. */
  head: Int32Array;
  next: Int32Array;
  /** Contractions, by form: their pieces as [text, lemma, tag]. */
  parts: Record<number, Array<[string, string, number]>>;
  /** WordNet's exception lists that wink's lemmatizer reads, by module file name (see lexicon.ts). */
  exceptions: Record<string, Record<string, string>>;
}

/** The exception lists of wink's lemmatizer (modules of its model package, slow to compile as JavaScript). */
export const EXCEPTION_MODULES = ['wn-adjective-exceptions.js', 'wn-noun-exceptions.js', 'wn-verb-exceptions.js'];
const exceptionsOf = (): EnglishTables['exceptions'] =>
  Object.fromEntries(EXCEPTION_MODULES.map((m) => [m, { ...(require(`wink-eng-lite-web-model/dist/${m}`) as Record<string, string>) }]));

/** The part of wink-nlp's lexicon API read at build time (wink-nlp/src/cache.js; both packages pinned exactly). */
interface WinkCache {
  lookup(text: string): number[] | null;
  posOf(index: number): number;
  property(index: number, prop: string): unknown;
  mappedSpelling(index: number): number;
  value(index: number): string;
  normal(index: number): number;
  intrinsicSize(): number;
  hasSamePOS(text: string, pos: string): boolean;
}
interface CoreModel {
  features: { pos: { list: string[] }; posClusters: { list: Array<Set<number>> }; lexeme: { list: string[] } };
}

function modelVersions(): string[] {
  const v = (p: string): string => (JSON.parse(readFileSync(require.resolve(`${p}/package.json`), 'utf8')) as { version: string }).version;
  return [v('wink-nlp'), v('wink-eng-lite-web-model')];
}

/** What the pack depends on: this compiler's code and the versions of wink-nlp and its model. */
export const englishStamp = (): string => stampOf([fileURLToPath(import.meta.url)], modelVersions());

/** Build the tables from wink's model (slow: reads the whole model). */
export function buildEnglish(): EnglishTables {
  const model = require('wink-eng-lite-web-model') as { core(): CoreModel; featureFn: unknown };
  const core = model.core();
  const Cache = require('wink-nlp/src/cache.js') as (m: CoreModel, f: unknown) => WinkCache;
  const c = Cache(core, model.featureFn);
  const winkPos = core.features.pos.list.map((t) => (t === 'UNK' ? -1 : (POS[t as PosTag] ?? POS.X)));
  const clusters = core.features.posClusters.list;
  const n = c.intrinsicSize();
  const list = core.features.lexeme.list.slice(0, n);
  const ids = new Map<string, number>();
  const texts: string[] = [];
  const idOf = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) {
      id = texts.length;
      texts.push(s);
      ids.set(s, id);
    }
    return id;
  };
  for (const f of list) idOf(f);
  const forms = texts.length;
  const t: Omit<EnglishTables, 'strings' | 'offsets' | 'head' | 'next' | 'exceptions'> = {
    forms,
    pos: new Int8Array(forms),
    may: new Uint32Array(forms),
    flags: new Uint8Array(forms),
    normal: new Int32Array(forms).fill(-1),
    lemma: new Int32Array(forms).fill(-1),
    parts: {},
  };
  for (let i = 0; i < forms; i++) {
    const form = texts[i]!;
    const found = c.lookup(form);
    let flags = 0;
    for (const tag of ['ADJ', 'NOUN', 'VERB'] as const) if (c.hasSamePOS(form, tag)) flags |= BASE_TAG_BIT[tag];
    if (!found || found[0]! >= n) {
      t.pos[i] = -1;
    } else if (found.length > 1) {
      const parts: Array<[string, string, number]> = [];
      for (let k = 0; k < found.length; k += 4) parts.push([c.value(found[k]!), c.value(found[k + 2]!), winkPos[found[k + 3]!] ?? POS.X]);
      t.parts[i] = parts;
      t.pos[i] = parts[0]![2];
    } else {
      const idx = c.mappedSpelling(found[0]!);
      const p = winkPos[c.posOf(idx)] ?? -1;
      let may = 0;
      const set = clusters[c.property(idx, 'lexemeCID') as number];
      if (set) for (const w of set) if (winkPos[w]! >= 0) may |= 1 << winkPos[w]!;
      if (p >= 0) may |= 1 << p;
      t.pos[i] = p;
      t.may[i] = may;
      flags |= ENTRY;
      if (c.property(idx, 'isAbbrev') === 1) flags |= ABBREV;
      t.normal[i] = idOf(c.value(c.normal(found[0]!)));
      if (c.property(idx, 'isSLemma') === 1) t.lemma[i] = idOf(c.value(c.property(idx, 'lemma') as number));
    }
    t.flags[i] = flags;
  }
  const offsets = new Int32Array(texts.length + 1);
  for (let k = 0; k < texts.length; k++) offsets[k + 1] = offsets[k]! + texts[k]!.length;
  const { head, next } = hashChains(texts, forms);
  return { ...t, strings: texts.join(''), offsets, head, next, exceptions: exceptionsOf() };
}

function hashChains(texts: string[], forms: number): { head: Int32Array; next: Int32Array } {
  let size = 1024;
  while (size < forms * 2) size *= 2;
  const head = new Int32Array(size).fill(-1);
  const next = new Int32Array(forms).fill(-1);
  for (let i = forms - 1; i >= 0; i--) {
    const b = hashOf(texts[i]!) & (size - 1);
    next[i] = head[b]!;
    head[b] = i;
  }
  return { head, next };
}

export function writeEnglishPack(t: EnglishTables = buildEnglish()): void {
  const { strings, offsets, pos, may, flags, normal, lemma, head, next } = t;
  writePack(
    PACK,
    englishStamp(),
    { forms: t.forms, parts: t.parts, exceptions: t.exceptions },
    { strings, offsets, pos, may, flags, normal, lemma, head, next },
  );
}

/** The tables from dist/compiled/english.pack when it is current, else built from the model. */
export function loadEnglish(): EnglishTables {
  const p = readPack(PACK, englishStamp());
  if (!p) return buildEnglish();
  const meta = p.meta as Pick<EnglishTables, 'forms' | 'parts' | 'exceptions'>;
  return {
    forms: meta.forms,
    parts: meta.parts,
    exceptions: meta.exceptions,
    strings: p.str('strings'),
    offsets: p.array('offsets', 'i32'),
    pos: p.array('pos', 'i8'),
    may: p.array('may', 'u32'),
    flags: p.array('flags', 'u8'),
    normal: p.array('normal', 'i32'),
    lemma: p.array('lemma', 'i32'),
    head: p.array('head', 'i32'),
    next: p.array('next', 'i32'),
  };
}
