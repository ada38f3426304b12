import type { Location } from '../document/types.js';
import { admin1OfCity, findAdmin1, type Admin1 } from './admin1.js';
import type { CountryIndex } from './countries.js';
import { lookupCity, type City } from './gazetteer.js';

/** What the document says about countries: how often each (alpha-3) is mentioned. */
export type Mentioned = ReadonlyMap<string, number>;

export type Place = Omit<Location, 'start' | 'end'>;

/** Below this many people a town is only taken when its country is mentioned or it is an admin seat. */
const MIN_POPULATION = 15000;

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

function countryPlace(code: string, ix: CountryIndex, name: string): Place | null {
  const c = ix.rows.get(code);
  return c ? { name, country: code, admin1: null, lat: c.lat, lon: c.lon, precision: 'country' } : null;
}

function admin1Place(r: Admin1, name: string): Place {
  return { name, country: r.country, admin1: r.name, lat: r.lat, lon: r.lon, precision: 'admin1' };
}

function pickAdmin1(list: Admin1[], mentioned: Mentioned): Admin1 | null {
  let best: Admin1 | null = null;
  for (const r of list) if (!best || (mentioned.get(r.country) ?? 0) > (mentioned.get(best.country) ?? 0)) best = r;
  return best;
}

/**
 * The best gazetteer city for a name: by population, with a lift for countries the document mentions,
 * for national and regional capitals, and for the capital the country dictionary gives that name.
 */
export function pickCity(cities: City[], name: string, ix: CountryIndex, mentioned: Mentioned): { city: City; country: string } | null {
  const capitalOf = ix.byCapital.get(name.toLowerCase()) ?? null;
  let best: { city: City; country: string } | null = null;
  let bestScore = -Infinity;
  for (const c of cities) {
    const country = ix.toAlpha3(c.country);
    if (!country) continue;
    const seen = mentioned.get(country) ?? 0;
    const seat = c.feature === 'PPLC' || c.feature === 'PPLA';
    if (c.population < MIN_POPULATION && !seen && !seat && country !== capitalOf) continue;
    const score =
      Math.log10(c.population + 10) + (seen ? 1 : 0) + (c.feature === 'PPLC' ? 1 : c.feature === 'PPLA' ? 0.5 : 0) + (country === capitalOf ? 3 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = { city: c, country };
    }
  }
  return best;
}

/**
 * Resolve a place name from the text (`typeWord`: "state", "province"... after it, or null) to a location:
 * a country, an admin-1 region of the project's list, or a gazetteer city; null when nothing fits.
 */
export function resolvePlaceName(name: string, typeWord: string | null, ix: CountryIndex, mentioned: Mentioned, shown = name): Place | null {
  if (typeWord) {
    const region = pickAdmin1(findAdmin1(name, true), mentioned);
    if (region) return admin1Place(region, shown);
    // A region the list lacks: its seat usually shares its name, which at least gives the country.
    const city = pickCity(lookupCity(name), name, ix, mentioned);
    return city ? countryPlace(city.country, ix, shown) : null;
  }
  const region = pickAdmin1(findAdmin1(name, false), mentioned);
  if (region) return admin1Place(region, shown);
  const country = ix.byName.get(name);
  if (country) return countryPlace(country, ix, shown);
  const byAlias = pickAdmin1(findAdmin1(name, true), mentioned);
  const found = pickCity(lookupCity(name), name, ix, mentioned);
  if (found && (!byAlias || found.country === byAlias.country)) {
    const { city } = found;
    const iso2 = city.country;
    const r = admin1OfCity(iso2, city.admin, ix.toIso2);
    return { name: shown, country: found.country, admin1: r?.name ?? null, lat: round(city.lat), lon: round(city.lon), precision: 'city' };
  }
  return byAlias ? admin1Place(byAlias, shown) : null;
}

export { countryPlace };
