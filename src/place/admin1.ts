import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DictionaryError, parseJsonl, validatorFor } from '../lexicon/jsonl.js';
import { checkedAtBuild } from '../lexicon/compiled.js';
import { DATA_DIR, SCHEMA_DIR } from '../lexicon/load.js';
import { biggestCity } from './gazetteer.js';
import { placeKey } from './names.js';

/** One admin-1 region of data/places/admin1.ndjson (schema/dict/admin1.schema.json). */
export interface Admin1 {
  name: string;
  aliases: string[];
  country: string;
  seat: string | null;
  lat: number;
  lon: number;
}

export const ADMIN1_FILE = join(DATA_DIR, 'places', 'admin1.ndjson');

interface Admin1Table {
  rows: Admin1[];
  /** Folded full name -> regions. */
  byName: Map<string, Admin1[]>;
  /** Folded alias -> regions. */
  byAlias: Map<string, Admin1[]>;
  /** "UA.05" (GeoNames country and admin-1 code, from each region's seat) -> region; built on first use. */
  byCode: Map<string, Admin1> | null;
}

let table: Admin1Table | null = null;

const ADMIN1_DISPLAY = 'data/places/admin1.ndjson';

/** The regions, checked against their schema (unless the build checked this very file: lexicon/compiled.ts). */
function readAdmin1(trust: boolean): { rows: Admin1[]; text: string } {
  const problems: DictionaryError[] = [];
  const text = readFileSync(ADMIN1_FILE, 'utf8');
  const checked = trust && checkedAtBuild(ADMIN1_DISPLAY, text, SCHEMA_DIR);
  const validate = checked ? null : validatorFor(join(SCHEMA_DIR, 'admin1.schema.json'));
  const rows = parseJsonl<Admin1>(text, ADMIN1_DISPLAY, validate, problems).map((r) => r.value);
  if (problems.length) throw problems[0]!;
  return { rows, text };
}

/** Build time: check the regions file; its name and text, for the list of files the build checked. */
export function checkAdmin1(): [string, string] {
  return [ADMIN1_DISPLAY, readAdmin1(false).text];
}

function load(): Admin1Table {
  const { rows } = readAdmin1(true);
  const byName = new Map<string, Admin1[]>();
  const byAlias = new Map<string, Admin1[]>();
  const put = (m: Map<string, Admin1[]>, k: string, r: Admin1): void => {
    const list = m.get(k) ?? [];
    if (!list.includes(r)) list.push(r);
    m.set(k, list);
  };
  for (const r of rows) {
    put(byName, placeKey(r.name), r);
    for (const a of r.aliases) put(byAlias, placeKey(a), r);
  }
  return { rows, byName, byAlias, byCode: null };
}

/** Regions whose full name is `text` ("Gaza Strip"), or with `alias`, whose alias or name is `text`. */
export function findAdmin1(text: string, alias: boolean): Admin1[] {
  table ??= load();
  const k = placeKey(text);
  const full = table.byName.get(k) ?? [];
  if (!alias) return full;
  return [...full, ...(table.byAlias.get(k) ?? []).filter((r) => !full.includes(r))];
}

/** The region a gazetteer city lies in, from its GeoNames codes (`iso2` and admin code), if the data has it. */
export function admin1OfCity(iso2: string, admin: string, toIso2: (alpha3: string) => string | null): Admin1 | null {
  table ??= load();
  if (!table.byCode) {
    table.byCode = new Map();
    for (const r of table.rows) {
      const cc = toIso2(r.country);
      const seat = r.seat && cc ? biggestCity(r.seat, cc) : null;
      if (seat && !table.byCode.has(`${cc}.${seat.admin}`)) table.byCode.set(`${cc}.${seat.admin}`, r);
    }
  }
  return table.byCode.get(`${iso2}.${admin}`) ?? null;
}
