import type { Analysis } from '../analysis.js';
import type { Location } from '../document/types.js';
import type { Tokens } from '../language/tokens.js';
import { syntaxOf, type Syntax } from '../syntax/document.js';
import { governing } from '../syntax/govern.js';
import { countryIndex, type CountryIndex } from './countries.js';
import { findPlaceCandidates, type PlaceCandidate } from './expressions.js';
import { countryPlace, resolvePlaceName, type Mentioned, type Place } from './resolve.js';

interface Found extends PlaceCandidate {
  place: Place;
}

/** A nationality starting at token i, as [alpha-3, token count], longest first ("South Korean"). */
export function demonymAt(t: Tokens, ix: CountryIndex): (i: number) => [string, number] | null {
  return (i) => {
    for (const n of [3, 2, 1]) {
      if (i + n > t.n) continue;
      let s = t.value[i]!;
      for (let k = i + 1; k < i + n; k++) s += ' ' + t.value[k]!;
      const code = ix.byDemonym.get(s);
      if (code) return [code, n];
    }
    return null;
  };
}

/** Resolve a sentence's candidates; names that are people or organisations are left out. */
export function resolveCandidates(
  text: string,
  t: Tokens,
  list: PlaceCandidate[],
  ix: CountryIndex,
  mentioned: Mentioned,
  isActor: (i: number) => boolean,
  memo: Map<string, Place | null> = new Map(),
): Found[] {
  const out: Found[] = [];
  // A document names the same places again and again: resolve each spelling once.
  const resolved = (name: string, typeWord: string | null, shown: string): Place | null => {
    const key = `${name}\u0000${typeWord ?? ''}`;
    let p = memo.get(key);
    if (p === undefined) {
      p = resolvePlaceName(name, typeWord, ix, mentioned, name);
      memo.set(key, p);
    }
    return p ? { ...p, name: shown } : null;
  };
  for (const c of list) {
    if (c.kind === 'pp' && isActor(c.first)) continue;
    const start = t.start[c.first]!;
    const end = t.end[c.last - 1]!;
    const place =
      c.kind === 'demonym'
        ? countryPlace(c.country!, ix, ix.rows.get(c.country!)?.name ?? text.slice(start, end))
        : resolved(text.slice(start, t.end[c.nameLast - 1]!), c.typeWord, text.slice(start, end));
    if (place) out.push({ ...c, place });
  }
  return out;
}

/**
 * Stage: place each event where the text places it: the nearest resolvable place expression in the verb's
 * clause, else in a main clause of the same sentence (a nationality before a place noun counts: "two Iraqi
 * bases"). Never from another sentence; `location: null` when nothing places the event.
 */
export function placeEvents(a: Analysis): void {
  const t = a.tokens;
  if (!t || a.events.length === 0) return;
  const ix = countryIndex(a.lexicon.countries);
  const mentioned = new Map<string, number>();
  for (const m of a.mentions) if (m.country) mentioned.set(m.country, (mentioned.get(m.country) ?? 0) + 1);
  const isActor = (i: number): boolean => {
    const m = a.mentionAt[i] ?? -1;
    const kind = m >= 0 ? a.mentions[m]!.kind : null;
    return kind === 'person' || kind === 'org';
  };
  const memo = new Map<string, Place | null>();
  const cache = new Map<number, { found: Found[]; clauses: ReturnType<Syntax['clauses']> | null }>();
  for (const ev of a.events) {
    const sent = a.sentences[ev.sentence];
    ev.location = null;
    if (!sent) continue;
    let info = cache.get(ev.sentence);
    if (!info) {
      const candidates = findPlaceCandidates(t, sent.first, sent.last, demonymAt(t, ix), a.lexicon.words);
      const found = candidates.length ? resolveCandidates(a.text, t, candidates, ix, mentioned, isActor, memo) : [];
      info = { found, clauses: found.length ? syntaxOf(a).clauses(ev.sentence) : null };
      cache.set(ev.sentence, info);
    }
    if (!info.clauses) continue;
    const k = governing(info.found, ev.trigger.first, info.clauses);
    if (k < 0) continue;
    const f = info.found[k]!;
    const loc: Location = { ...f.place, start: t.start[f.first]!, end: t.end[f.last - 1]! };
    ev.location = loc;
  }
}
