import type { CountryRow } from '../lexicon/types.js';

/** Look-ups over the lexicon's countries that the place stage needs, built once per countries table. */
export interface CountryIndex {
  rows: Map<string, CountryRow>;
  /** Exact surface form of a country name -> alpha-3. */
  byName: Map<string, string>;
  /** Exact demonym ("Iraqi", "South Korean") -> alpha-3. */
  byDemonym: Map<string, string>;
  /** Folded capital name -> alpha-3. */
  byCapital: Map<string, string>;
  toIso2: (alpha3: string) => string | null;
  toAlpha3: (iso2: string) => string | null;
}

const cache = new WeakMap<Map<string, CountryRow>, CountryIndex>();

export function countryIndex(rows: Map<string, CountryRow>): CountryIndex {
  let ix = cache.get(rows);
  if (ix) return ix;
  const byName = new Map<string, string>();
  const byDemonym = new Map<string, string>();
  const byCapital = new Map<string, string>();
  const alpha3 = new Map<string, string>();
  for (const c of rows.values()) {
    alpha3.set(c.iso2, c.code);
    for (const n of [c.name, ...c.names]) if (!byName.has(n)) byName.set(n, c.code);
    for (const d of c.demonyms) if (!byDemonym.has(d)) byDemonym.set(d, c.code);
    for (const cap of c.capitals) byCapital.set(cap.toLowerCase(), c.code);
  }
  ix = {
    rows,
    byName,
    byDemonym,
    byCapital,
    toIso2: (a3) => rows.get(a3)?.iso2 ?? null,
    toAlpha3: (i2) => alpha3.get(i2) ?? null,
  };
  cache.set(rows, ix);
  return ix;
}
