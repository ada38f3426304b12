/**
 * Coordinates for the store's event rows, for the map. The store's merged events name their place as a key
 * ("GRC" for a country, "GRC/Athens" otherwise); when a row carries no lat/lon, the place is resolved again with
 * the coder's gazetteer (cached), falling back to the country's centre.
 */
import type { Lexicon } from '../lexicon/lexicon.js';
import { countryIndex, resolvePlaceName } from '../place/index.js';

type Row = Record<string, unknown>;
type LatLon = { lat: number; lon: number } | null;

export function placeLocator(lexicon: Lexicon): (rows: unknown) => unknown {
  const cache = new Map<string, LatLon>();
  const centre = (code: string | null | undefined): LatLon => {
    const c = code ? lexicon.countries.get(code) : undefined;
    return c && Number.isFinite(c.lat) && Number.isFinite(c.lon) ? { lat: c.lat, lon: c.lon } : null;
  };
  const locate = (place: string, country: string | null): LatLon => {
    const key = `${place}|${country ?? ''}`;
    if (cache.has(key)) return cache.get(key)!;
    const slash = place.indexOf('/');
    const code = slash < 0 ? place : place.slice(0, slash) || country;
    let found: LatLon = null;
    if (slash >= 0) {
      try {
        const ix = countryIndex(lexicon.countries);
        const p = resolvePlaceName(place.slice(slash + 1), null, ix, new Map(code ? [[code, 1]] : []));
        if (p && p.lat !== null && p.lon !== null && (!code || p.country === code)) found = { lat: p.lat, lon: p.lon };
      } catch {
        /* the gazetteer could not say: use the country */
      }
    }
    found ??= centre(code);
    if (cache.size > 50_000) cache.clear();
    cache.set(key, found);
    return found;
  };
  return (rows: unknown): unknown => {
    if (!Array.isArray(rows)) return rows;
    return rows.map((r: Row) => {
      if (!r || typeof r !== 'object' || typeof r.place !== 'string' || (typeof r.lat === 'number' && typeof r.lon === 'number')) return r;
      const ll = locate(r.place, typeof r.country === 'string' ? r.country : null);
      return ll ? { ...r, lat: ll.lat, lon: ll.lon } : r;
    });
  };
}
