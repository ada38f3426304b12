import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCameo } from '../ontology/cameo.js';
import { DictionaryError, parseJsonl, validatorFor, type Row } from './jsonl.js';
import type { ActorEntry, CameoCode, CompiledPattern, Lexicon, SubjectivityCue } from './lexicon.js';
import { checkedAtBuild, compiledLexicon, forgetLexiconPack, writeLexiconPack } from './compiled.js';
import { verbForms } from './inflect.js';
import { compileWords } from './words.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../language/closed-class.js';
import { newNode, phraseKeys, phraseSurface, trieInsert, type TrieNode } from './trie.js';
import type { AgentRow, CameoRow, CountryRow, GivenNamesRow, OrganizationRow, PatternRow, PersonRow, PloverRow, SubjectivityRow, WordsRow } from './types.js';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DATA_DIR = join(PACKAGE_ROOT, 'data');
export const SCHEMA_DIR = join(PACKAGE_ROOT, 'schema', 'dict');

export type DictKind = 'cameo' | 'plover' | 'countries' | 'organizations' | 'agents' | 'people' | 'patterns' | 'subjectivity' | 'given-names' | 'words';

export interface RawDictionaries {
  cameo: Row<CameoRow>[];
  plover: Row<PloverRow>[];
  countries: Row<CountryRow>[];
  organizations: Row<OrganizationRow>[];
  agents: Row<AgentRow>[];
  people: Row<PersonRow>[];
  patterns: Row<PatternRow>[];
  subjectivity: Row<SubjectivityRow>[];
  'given-names': Row<GivenNamesRow>[];
  words: Row<WordsRow>[];
  files: string[];
  hash: string;
}

const emptyRaw = (): RawDictionaries => ({
  cameo: [],
  plover: [],
  countries: [],
  organizations: [],
  agents: [],
  people: [],
  patterns: [],
  subjectivity: [],
  'given-names': [],
  words: [],
  files: [],
  hash: '',
});

/** Which dictionary a file of the project's layout holds, from its path. */
function kindOfPath(path: string): DictKind | null {
  const p = path.replace(/\\/g, '/');
  const name = basename(p);
  if (/(^|\/)people\/[^/]+\.jsonl$/.test(p) || /people\.jsonl$/.test(name)) return 'people';
  if (/(^|\/)patterns\/[^/]+\.jsonl$/.test(p) || /patterns\.jsonl$/.test(name)) return 'patterns';
  if (/(^|\/)words\/[^/]+\.jsonl$/.test(p) || /(^|\.)words\.jsonl$/.test(name)) return 'words';
  for (const k of ['cameo', 'plover', 'countries', 'organizations', 'agents', 'subjectivity', 'given-names'] as const) {
    if (name === `${k}.jsonl` || name.endsWith(`.${k}.jsonl`)) return k;
  }
  return null;
}

/** Which dictionary one line of a user file belongs to, from its shape. */
export function kindOfRow(v: Record<string, unknown>): DictKind | null {
  if ('roles' in v) return 'people';
  if ('verb' in v || 'noun' in v) return 'patterns';
  if ('words' in v && !('weight' in v)) return 'agents';
  if ('demonyms' in v) return 'countries';
  if ('names' in v && 'kind' in v) return 'organizations';
  if ('cameo' in v && 'type' in v) return 'plover';
  if ('goldstein' in v) return 'cameo';
  if ('weight' in v && 'words' in v) return 'subjectivity';
  if ('gender' in v && 'names' in v) return 'given-names';
  return null;
}

function listJsonl(dir: string, ext = '.jsonl'): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listJsonl(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** Read and schema-check dictionary files: the project's own, then each user path in order. */
export function readDictionaries(userPaths: string[] = [], problems: DictionaryError[] = []): RawDictionaries {
  const raw = emptyRaw();
  const hash = createHash('sha256');
  const readFile = (file: string, display: string, forced: DictKind | null, project = false): void => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      problems.push(new DictionaryError(display, 0, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`));
      return;
    }
    raw.files.push(display);
    hash.update(display).update('\0').update(text).update('\0');
    const kind = forced ?? kindOfPath(file);
    if (kind) {
      // The project's own files are checked at build time (lexicon/compiled.ts): not again while unchanged.
      const checked = project && checkedAtBuild(display, text, SCHEMA_DIR);
      const rows = parseJsonl<never>(text, display, checked ? null : validatorFor(join(SCHEMA_DIR, `${kind}.schema.json`)), problems);
      (raw[kind] as Row<unknown>[]).push(...rows);
      return;
    }
    // A user file mixing kinds: sort each line by its shape, then validate it.
    const rows = parseJsonl<Record<string, unknown>>(text, display, null, problems);
    for (const row of rows) {
      const k = kindOfRow(row.value);
      if (!k) {
        problems.push(
          new DictionaryError(display, row.line, 'cannot tell what kind of entry this is (expected a person, pattern, agent, country or organization)'),
        );
        continue;
      }
      const validate = validatorFor(join(SCHEMA_DIR, `${k}.schema.json`));
      if (!validate(row.value)) {
        const err = validate.errors?.[0];
        const extra = err?.params && 'additionalProperty' in err.params ? ` '${String(err.params.additionalProperty)}'` : '';
        problems.push(
          new DictionaryError(
            display,
            row.line,
            `${k}: ${err?.instancePath ?? ''} ${err?.message ?? 'does not match the schema'}${extra}`.replace(/\s+/g, ' '),
          ),
        );
        continue;
      }
      (raw[k] as Row<unknown>[]).push(row);
    }
  };
  for (const file of listJsonl(DATA_DIR)) readFile(file, relative(PACKAGE_ROOT, file), null, true);
  // The gazetteer's files are read by the place stage, but they are knowledge too: the version covers them.
  for (const file of listJsonl(join(DATA_DIR, 'places'), '.ndjson')) {
    raw.files.push(relative(PACKAGE_ROOT, file));
    hash.update(relative(PACKAGE_ROOT, file)).update('\0').update(readFileSync(file, 'utf8')).update('\0');
  }
  for (const user of userPaths) {
    const abs = resolve(user);
    if (!existsSync(abs)) {
      problems.push(new DictionaryError(user, 0, 'no such file or folder'));
      continue;
    }
    if (statSync(abs).isDirectory()) for (const f of listJsonl(abs)) readFile(f, relative(process.cwd(), f) || f, null);
    else readFile(abs, user, null);
  }
  compileWords(raw.words, problems);
  raw.hash = hash.digest('hex').slice(0, 12);
  return raw;
}

const isAcronym = (s: string): boolean => /^[A-Z][A-Z.&]*$/.test(s.replace(/[.\s-]/g, '')) && s.replace(/[^A-Za-z]/g, '').length <= 6 && s === s.toUpperCase();

const ref = (r: Row<unknown>): string => `${r.file}:${r.line}`;

/** Patterns indexed by their head word (verb or noun), most specific first, and every inflected form of a verb head. */
function compilePatterns(rows: Row<PatternRow>[]): {
  verbPatterns: Map<string, CompiledPattern[]>;
  nounPatterns: Map<string, CompiledPattern[]>;
  forms: Map<string, string>;
} {
  const verbPatterns = new Map<string, CompiledPattern[]>();
  const nounPatterns = new Map<string, CompiledPattern[]>();
  for (const r of rows) {
    const p = r.value;
    const phrase = (p.verb ?? p.noun)!;
    const words = phrase.split(/\s+/);
    const compiled: CompiledPattern = {
      id: p.id,
      code: p.code,
      kind: p.verb ? 'verb' : 'noun',
      head: words[0]!,
      rest: words.slice(1),
      object: p.object ? new Set(p.object.map((w) => w.toLowerCase())) : null,
      objectPhrases: (p.object ?? []).filter((w) => w.includes(' ')).map((w) => w.toLowerCase().split(/\s+/)),
      target: p.target ?? 'object',
      reciprocal: p.reciprocal ?? false,
      specificity: words.length * 2 + (p.object ? 3 : 0),
      ref: ref(r),
    };
    const index = compiled.kind === 'verb' ? verbPatterns : nounPatterns;
    const list = index.get(compiled.head) ?? [];
    list.push(compiled);
    index.set(compiled.head, list);
  }
  for (const index of [verbPatterns, nounPatterns]) for (const list of index.values()) list.sort((a, b) => b.specificity - a.specificity);
  const forms = new Map<string, string>();
  for (const head of verbPatterns.keys()) for (const f of verbForms(head)) if (!forms.has(f) || f === head) forms.set(f, head);
  return { verbPatterns, nounPatterns, forms };
}

/** Compile read dictionaries into the lookup structures the coder uses. */
export function compileLexicon(raw: RawDictionaries, loadMs = 0): Lexicon {
  const words = compileWords(raw.words, []);
  const MONTHS_AND_WORDS = new Set([...MONTH_NAMES, ...WEEKDAY_NAMES, ...words.notSurnames]);
  const actors: TrieNode<ActorEntry> = newNode();
  const add = (phrase: string, e: Omit<ActorEntry, 'surface' | 'caseMode'>, caseMode?: 0 | 1 | 2): void => {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return;
    const mode = caseMode ?? (isAcronym(phrase) ? 2 : /^[a-z]/.test(phrase) ? 0 : 1);
    trieInsert(actors, keys, { ...e, surface: phraseSurface(phrase), caseMode: mode });
  };
  const countries = new Map<string, CountryRow>();
  for (const r of raw.countries) {
    const c = r.value;
    countries.set(c.code, c);
    const base = { country: c.code, person: null, title: false, ref: ref(r) };
    for (const n of new Set([c.name, ...c.names])) add(n, { ...base, kind: 'country', code: c.code, sector: null, name: c.name });
    for (const n of c.demonyms) add(n, { ...base, kind: 'demonym', code: c.code, sector: null, name: c.name });
    for (const n of c.capitals) add(n, { ...base, kind: 'capital', code: `${c.code}GOV`, sector: 'GOV', name: n });
  }
  for (const r of raw.organizations) {
    const o = r.value;
    for (const n of o.names)
      add(n, { kind: 'org', code: o.code, country: o.country, sector: o.sector, name: o.names[0]!, title: false, person: null, ref: ref(r) });
  }
  for (const r of raw.agents) {
    const a = r.value;
    for (const w of a.words)
      add(w.toLowerCase(), { kind: 'agent', code: null, country: a.country ?? null, sector: a.sector, name: w, title: a.title, person: null, ref: ref(r) }, 0);
  }
  const surnames = new Map<string, PersonRow[]>();
  for (const r of raw.people) {
    const p = r.value;
    const seen = new Set<string>();
    for (const n of [p.name, ...p.aliases]) {
      add(n, { kind: 'person', code: null, country: p.country, sector: null, name: p.name, title: false, person: p, ref: ref(r) }, 1);
      const words = n
        .replace(/[’‘]/g, "'")
        .split(/\s+/)
        .filter((w) => !/^[A-Z]\.$/.test(w));
      if (words.length < 2) continue;
      const last = words[words.length - 1]!;
      const candidates = [last];
      if (words.length >= 3 && /^(al|el|bin|ibn|abu|abdul|abdel|van|von|de|del|da|di|le|la|bou|ould)$/i.test(words[words.length - 2]!)) {
        candidates.push(`${words[words.length - 2]} ${last}`);
      }
      for (const s of candidates) {
        const key = phraseKeys(s).join(' ');
        if (seen.has(key) || MONTHS_AND_WORDS.has(key) || key.length < 3) continue;
        seen.add(key);
        const list = surnames.get(key) ?? [];
        list.push(p);
        surnames.set(key, list);
      }
    }
  }
  const { verbPatterns, nounPatterns, forms } = compilePatterns(raw.patterns);
  const subjectivity: TrieNode<SubjectivityCue> = newNode();
  for (const r of raw.subjectivity) for (const w of r.value.words) trieInsert(subjectivity, phraseKeys(w), { weight: r.value.weight, kind: r.value.kind });
  const givenNames = new Map<string, 'f' | 'm'>();
  for (const r of raw['given-names']) for (const n of r.value.names) givenNames.set(n.toLowerCase(), r.value.gender);
  const cameo = new Map<string, CameoCode>();
  for (const r of raw.cameo) cameo.set(r.value.code, compileCameo(r.value));
  const plover = new Map<string, PloverRow>();
  for (const r of raw.plover) if (!plover.has(r.value.cameo)) plover.set(r.value.cameo, r.value);
  const entries =
    raw['given-names'].length +
    raw.subjectivity.length +
    raw.cameo.length +
    raw.plover.length +
    raw.countries.length +
    raw.organizations.length +
    raw.agents.length +
    raw.people.length +
    raw.patterns.length;
  return {
    version: raw.hash,
    actors,
    surnames,
    countries,
    verbPatterns,
    verbForms: forms,
    nounPatterns,
    cameo,
    plover,
    subjectivity,
    givenNames,
    words,
    stats: { files: raw.files.length, entries, loadMs },
  };
}

/**
 * Read, check and compile every dictionary; throws the first problem (with file:line) if any. Without user
 * dictionaries, the Lexicon the build compiled from the same data is used as is (lexicon/compiled.ts).
 */
export function loadLexicon(userPaths: string[] = []): Lexicon {
  const t0 = performance.now();
  const problems: DictionaryError[] = [];
  if (!userPaths.length) {
    const compiled = compiledLexicon(DATA_DIR, SCHEMA_DIR);
    if (compiled) {
      compiled.stats.loadMs = performance.now() - t0;
      return compiled;
    }
  }
  const raw = readDictionaries(userPaths, problems);
  if (problems.length) throw problems[0]!;
  return compileLexicon(raw, performance.now() - t0);
}

/**
 * Build time: check and compile the project's own dictionaries into dist/compiled/dictionaries.pack, with the
 * other project data files the build checked (`others`: name and text).
 */
export function writeDictionariesPack(others: Array<[string, string]> = []): void {
  forgetLexiconPack();
  const problems: DictionaryError[] = [];
  const raw = readDictionaries([], problems);
  if (problems.length) throw problems[0]!;
  const project = listJsonl(DATA_DIR).map((f): [string, string] => [relative(PACKAGE_ROOT, f), readFileSync(f, 'utf8')]);
  writeLexiconPack(compileLexicon(raw), [...project, ...others], DATA_DIR, SCHEMA_DIR);
}
