import { createCoder } from '../pipeline.js';
import { DictionaryError } from '../lexicon/jsonl.js';
import { compileLexicon, readDictionaries } from '../lexicon/load.js';
import { exampleProblem } from '../lexicon/examples.js';
import { normalizeDate } from '../document/dates.js';
import type { Row } from '../lexicon/jsonl.js';

export interface CheckProblem {
  level: 'error' | 'warning';
  file: string;
  line: number;
  text: string;
}

export interface CheckReport {
  files: number;
  entries: number;
  errors: number;
  warnings: number;
  problems: CheckProblem[];
}

const ROLE_CODES = new Set([
  'GOV',
  'MIL',
  'COP',
  'JUD',
  'LEG',
  'SPY',
  'OPP',
  'REB',
  'INS',
  'SEP',
  'UAF',
  'AGR',
  'BUS',
  'CRM',
  'CVL',
  'DEV',
  'EDU',
  'ELI',
  'ENV',
  'HLH',
  'HRI',
  'LAB',
  'MED',
  'REF',
  'MOD',
  'RAD',
  'IGO',
  'IMG',
  'NGO',
  'MNC',
  'ETH',
  'REL',
]);

/** Validate the project's dictionaries and the given user files: schema, codes, dates, overlaps, shadowing, examples. */
export function checkDictionaries(userPaths: string[]): CheckReport {
  const problems: CheckProblem[] = [];
  const schemaProblems: DictionaryError[] = [];
  const raw = readDictionaries(userPaths, schemaProblems);
  for (const p of schemaProblems) problems.push({ level: 'error', file: p.file, line: p.line, text: p.reason });
  const lex = compileLexicon(raw);
  const at = (r: Row<unknown>) => ({ file: r.file, line: r.line });
  const err = (r: Row<unknown>, text: string) => problems.push({ level: 'error', ...at(r), text });
  const warn = (r: Row<unknown>, text: string) => problems.push({ level: 'warning', ...at(r), text });

  const ids = new Map<string, Row<unknown>>();
  const phrases = new Map<string, Row<unknown>>();
  for (const r of raw.patterns) {
    const p = r.value;
    if (!lex.cameo.has(p.code)) err(r, `unknown CAMEO code ${p.code}`);
    if (!p.id.startsWith(`${p.code}.`)) warn(r, `pattern id ${p.id} does not start with its code ${p.code}`);
    for (const ex of p.examples) if (ex.code && !lex.cameo.has(ex.code)) err(r, `example names unknown CAMEO code ${ex.code}`);
    const prev = ids.get(p.id);
    if (prev) err(r, `duplicate pattern id ${p.id} (first at ${prev.file}:${prev.line})`);
    else ids.set(p.id, r);
    const key = `${p.verb ? 'v' : 'n'}:${p.verb ?? p.noun}|${[...(p.object ?? [])].sort().join(',')}|${p.target ?? ''}`;
    const shadow = phrases.get(key);
    if (shadow) warn(r, `same phrase and object as ${shadow.file}:${shadow.line}; this entry ${r.file === shadow.file ? 'is never used' : 'overrides it'}`);
    else phrases.set(key, r);
  }
  for (const r of raw.agents) if (!ROLE_CODES.has(r.value.sector)) err(r, `unknown role code ${r.value.sector}`);
  for (const r of raw.organizations) {
    const o = r.value;
    if (o.country && !lex.countries.has(o.country)) err(r, `unknown country ${o.country}`);
    const prefix = o.code.slice(0, 3);
    if (!lex.countries.has(prefix) && !['IGO', 'IMG', 'NGO', 'MNC'].includes(prefix) && o.code.length > 3 && !ROLE_CODES.has(prefix)) {
      warn(r, `code ${o.code} starts with neither a country nor IGO/IMG/NGO/MNC`);
    }
  }
  const names = new Map<string, Row<unknown>>();
  for (const r of raw.people) {
    const p = r.value;
    if (!lex.countries.has(p.country)) err(r, `unknown country ${p.country}`);
    for (const role of p.roles) {
      for (const d of [role.from, role.to]) if (d && normalizeDate(d).error) err(r, `${p.name}: malformed date ${d}`);
      if (role.from && role.to && role.from >= role.to) err(r, `${p.name}: role ${role.code} ends (${role.to}) before it starts (${role.from})`);
      const cc = role.code.slice(0, 3);
      if (!lex.countries.has(cc) && !['IGO', 'IMG', 'NGO'].includes(cc)) err(r, `${p.name}: role code ${role.code} starts with an unknown country`);
    }
    const sorted = [...p.roles].sort((x, y) => (x.from ?? '').localeCompare(y.from ?? ''));
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      // Two posts at once with the same code is common (party and state); different codes make the date ambiguous.
      if (a.code !== b.code && (!a.to || (b.from && a.to > b.from)) && (!b.to || !a.to || b.to > a.from!)) {
        warn(r, `${p.name}: roles ${a.code} (${a.from}..${a.to ?? 'now'}) and ${b.code} (${b.from}..${b.to ?? 'now'}) overlap; the later-starting one is used`);
      }
    }
    for (const n of [p.name, ...p.aliases]) {
      const k = n.toLowerCase();
      const prev = names.get(k);
      if (prev && prev !== r) warn(r, `name "${n}" also names ${prev.file}:${prev.line}; the later entry shadows it`);
      else names.set(k, r);
    }
  }
  // Every example must code as it says.
  const coder = createCoder({ lexicon: lex });
  for (const r of raw.patterns) {
    for (const ex of r.value.examples) {
      const doc = coder.code({ id: 'example', text: ex.text, date: null });
      const why = exampleProblem(r.value, ex, doc);
      if (why) err(r, why);
    }
  }
  const errors = problems.filter((p) => p.level === 'error').length;
  const entries =
    raw.cameo.length + raw.plover.length + raw.countries.length + raw.organizations.length + raw.agents.length + raw.people.length + raw.patterns.length;
  return { files: raw.files.length, entries, errors, warnings: problems.length - errors, problems };
}
