import { POS, type Tokens } from '../language/tokens.js';
import { monthOfLower, weekdayOfLower } from '../time/calendar.js';

/** A stretch of a sentence that may name where something happened, before it is looked up. */
export interface PlaceCandidate {
  /** Token range [first, last) of the place name (with its type word, "Borno state"). */
  first: number;
  last: number;
  /** The name without a type word. */
  nameLast: number;
  /** "state", "province", ... after the name, else null. */
  typeWord: string | null;
  /** 'pp': after a locative preposition; 'demonym': a nationality before a place noun ("Iraqi bases"). */
  kind: 'pp' | 'demonym';
  /** For 'demonym', the country's alpha-3 code. */
  country: string | null;
  /** Extra distance when before the verb: a place phrase right after a noun modifies that noun ("officials in Kabul"). */
  before: number;
}

/** Prepositions that place an event ("from" does not: it names an origin). */
export const PLACE_PREPS = new Set(['in', 'near', 'at', 'outside', 'inside', 'across', 'around', 'throughout', 'within']);
export const TYPE_WORDS = new Set(['state', 'province', 'region', 'oblast', 'governorate', 'district', 'county', 'krai', 'prefecture', 'department']);
const PLACE_OF = new Set(['city', 'town', 'village', 'province', 'region', 'state', 'capital', 'district', 'governorate', 'port', 'area', 'outskirts', 'suburbs', 'enclave']);
/** Nouns for places that a nationality can locate ("two Iraqi bases", "a Syrian village"). */
const PLACE_NOUNS = new Set([
  'base', 'bases', 'city', 'cities', 'town', 'towns', 'village', 'villages', 'province', 'provinces', 'region', 'regions',
  'territory', 'territories', 'border', 'soil', 'airspace', 'waters', 'camp', 'camps', 'port', 'ports', 'airport',
  'airports', 'capital', 'outpost', 'outposts', 'coast', 'installations', 'airbase', 'airbases',
]);
const NAME_LINKS = new Set(['de', 'del', 'al', 'el', 'ez', 'es', 'ad', 'as', 'ash', 'ar', 'an', 'of', '-', 'la', 'le', 'sur', 'upon']);
const NOT_PLACES = new Set(['christmas', 'easter', 'ramadan', 'eid', 'parliament', 'congress', 'court', 'reuters', 'god', 'january']);

const isTimeWord = (w: string): boolean => monthOfLower(w) > 0 || weekdayOfLower(w) >= 0 || NOT_PLACES.has(w);

/** Candidate place expressions of tokens [first, last); `demonym(i)` gives [country, length] of a nationality starting at i. */
export function findPlaceCandidates(t: Tokens, first: number, last: number, demonym: (i: number) => [string, number] | null): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (let i = first; i < last; i++) {
    const w = t.lower[i]!;
    if (PLACE_PREPS.has(w) && (t.pos[i] === POS.ADP || t.pos[i] === POS.SCONJ || w === 'near')) {
      let j = i + 1;
      if (t.lower[j] === 'the') j++;
      while (j < last && !t.cap[j] && (t.pos[j] === POS.ADJ || (t.pos[j] === POS.NOUN && t.lower[j + 1] === '-'))) j++;
      if (j + 1 < last && PLACE_OF.has(t.lower[j]!) && t.lower[j + 1] === 'of') j += 2;
      let nameFirst = j;
      j = nameEnd(t, j, last);
      // "Iraq's Anbar province": the later, narrower name.
      if (j > nameFirst && t.lower[j] === "'s" && j + 1 < last && nameEnd(t, j + 1, last) > j + 1) {
        nameFirst = j + 1;
        j = nameEnd(t, nameFirst, last);
      }
      if (j === nameFirst) continue;
      const typeWord = j < last && TYPE_WORDS.has(t.lower[j]!) && !t.cap[j] ? t.lower[j]! : null;
      const afterNoun = i > first && (t.pos[i - 1] === POS.NOUN || t.pos[i - 1] === POS.PROPN);
      out.push({ first: nameFirst, last: typeWord ? j + 1 : j, nameLast: j, typeWord, kind: 'pp', country: null, before: afterNoun ? 6 : 0 });
      i = j - 1;
      continue;
    }
    if (!t.cap[i] || !placeNounWithin(t, i + 1, Math.min(last, i + 6))) continue;
    const d = demonym(i);
    if (!d) continue;
    let k = i + d[1];
    let skipped = 0;
    while (k < last && skipped < 2 && !PLACE_NOUNS.has(t.lower[k]!) && !t.cap[k] && (t.pos[k] === POS.NOUN || t.pos[k] === POS.ADJ)) {
      k++;
      skipped++;
    }
    if (k < last && PLACE_NOUNS.has(t.lower[k]!)) out.push({ first: i, last: i + d[1], nameLast: i + d[1], typeWord: null, kind: 'demonym', country: d[0], before: 0 });
  }
  return out;
}

function placeNounWithin(t: Tokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (PLACE_NOUNS.has(t.lower[k]!)) return true;
  return false;
}

/** The end of a capitalised name starting at `from` ("Deir ez-Zor", "al-Hasakah", "Tel Aviv"), at most 6 tokens. */
function nameEnd(t: Tokens, from: number, last: number): number {
  let j = from;
  while (j < last && j < from + 6) {
    if (t.cap[j] && t.pos[j] !== POS.PUNCT && !isTimeWord(t.lower[j]!)) {
      j++;
      continue;
    }
    // Lower-case links inside a name: at most two in a row, and a capitalised word after them.
    let k = j;
    while (k < last && k < j + 2 && NAME_LINKS.has(t.lower[k]!)) k++;
    if (k > j && k < last && t.cap[k] && (j > from || t.lower[j + 1] === '-')) j = k;
    else break;
  }
  return j;
}
