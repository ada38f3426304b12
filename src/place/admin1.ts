import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DictionaryError, parseJsonl, validatorFor } from '../lexicon/jsonl.js';
import { DATA_DIR, PACKAGE_ROOT } from '../lexicon/load.js';
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

function load(): Admin1Table {
  const problems: DictionaryError[] = [];
  const rows = parseJsonl<Admin1>(
    readFileSync(ADMIN1_FILE, 'utf8'), 'data/places/admin1.ndjson', validatorFor(join(PACKAGE_ROOT, 'schema', 'dict', 'admin1.schema.json')), problems,
  ).map((r) => r.value);
  if (problems.length) throw problems[0]!;
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
