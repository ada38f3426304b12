/** The place layer on its own, for callers and tests that have text but no coded event. */
import { tokenize } from '../language/nlp.js';
import type { Location } from '../document/types.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { splitClauses } from '../syntax/clauses.js';
import { governing } from '../syntax/govern.js';
import { countryIndex } from './countries.js';
import { findPlaceCandidates } from './expressions.js';
import { resolveCandidates, demonymAt } from './stage.js';

export { placeEvents } from './stage.js';
export { resolvePlaceName } from './resolve.js';
export { countryIndex } from './countries.js';
export { gazetteerStats } from './gazetteer.js';

/**
 * Where the stage would place an event whose verb is the first token `verb` (lower case) of the first sentence
 * of `text`. Countries count as mentioned when a country name or nationality appears anywhere in `text`
 * (the pipeline uses its actor mentions instead).
 */
export function placeOfVerb(text: string, verb: string, lexicon: Lexicon): Location | null {
  const { tokens: t, sentences } = tokenize(text);
  const ix = countryIndex(lexicon.countries);
  const mentioned = new Map<string, number>();
  const demonym = demonymAt(t, ix);
  for (let i = 0; i < t.n; i++) {
    const code = ix.byName.get(t.value[i]!) ?? demonym(i)?.[0];
    if (code) mentioned.set(code, (mentioned.get(code) ?? 0) + 1);
  }
  const [first, last] = sentences[0] ?? [0, t.n];
  let v = first;
  while (v < last && t.lower[v] !== verb) v++;
  if (v >= last) return null;
  const found = resolveCandidates(text, t, findPlaceCandidates(t, first, last, demonym, lexicon.words), ix, mentioned, () => false);
  const k = governing(found, v, splitClauses(t, first, last));
  const f = k >= 0 ? found[k]! : null;
  return f ? { ...f.place, start: t.start[f.first]!, end: t.end[f.last - 1]! } : null;
}
