import { POS, type Tokens } from '../language/tokens.js';
import { monthOfLower, weekdayOfLower } from '../time/calendar.js';
import { PLACING_PREPOSITIONS as PLACE_PREPS } from '../language/closed-class.js';
import type { Words } from '../lexicon/words.js';

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

const isTimeWord = (w: string, words: Words): boolean => monthOfLower(w) > 0 || weekdayOfLower(w) >= 0 || words.notPlaces.has(w);

/**
 * Candidate place expressions of tokens [first, last); `demonym(i)` gives [country, length] of a nationality starting at i;
 * `words` are the lexicon's word lists.
 */
export function findPlaceCandidates(t: Tokens, first: number, last: number, demonym: (i: number) => [string, number] | null, words: Words): PlaceCandidate[] {
  const { placeOfNouns: PLACE_OF, placeNouns: PLACE_NOUNS, placeTypeWords: TYPE_WORDS } = words;
  const out: PlaceCandidate[] = [];
  for (let i = first; i < last; i++) {
    const w = t.lower[i]!;
    if (PLACE_PREPS.has(w) && (t.pos[i] === POS.ADP || t.pos[i] === POS.SCONJ || w === 'near')) {
      let j = i + 1;
      if (t.lower[j] === 'the') j++;
      while (j < last && !t.cap[j] && (t.pos[j] === POS.ADJ || (t.pos[j] === POS.NOUN && t.lower[j + 1] === '-'))) j++;
      if (j + 1 < last && PLACE_OF.has(t.lower[j]!) && t.lower[j + 1] === 'of') j += 2;
      let nameFirst = j;
      j = nameEnd(t, j, last, words);
      // "Iraq's Anbar province": the later, narrower name.
      if (j > nameFirst && t.lower[j] === "'s" && j + 1 < last && nameEnd(t, j + 1, last, words) > j + 1) {
        nameFirst = j + 1;
        j = nameEnd(t, nameFirst, last, words);
      }
      if (j === nameFirst) continue;
      const typeWord = j < last && TYPE_WORDS.has(t.lower[j]!) && !t.cap[j] ? t.lower[j]! : null;
      const afterNoun = i > first && (t.pos[i - 1] === POS.NOUN || t.pos[i - 1] === POS.PROPN);
      out.push({ first: nameFirst, last: typeWord ? j + 1 : j, nameLast: j, typeWord, kind: 'pp', country: null, before: afterNoun ? 6 : 0 });
      i = j - 1;
      continue;
    }
    if (!t.cap[i] || !placeNounWithin(t, i + 1, Math.min(last, i + 6), PLACE_NOUNS)) continue;
    const d = demonym(i);
    if (!d) continue;
    let k = i + d[1];
    let skipped = 0;
    while (k < last && skipped < 2 && !PLACE_NOUNS.has(t.lower[k]!) && !t.cap[k] && (t.pos[k] === POS.NOUN || t.pos[k] === POS.ADJ)) {
      k++;
      skipped++;
    }
    if (k < last && PLACE_NOUNS.has(t.lower[k]!))
      out.push({ first: i, last: i + d[1], nameLast: i + d[1], typeWord: null, kind: 'demonym', country: d[0], before: 0 });
  }
  return out;
}

function placeNounWithin(t: Tokens, from: number, to: number, placeNouns: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (placeNouns.has(t.lower[k]!)) return true;
  return false;
}

/** The end of a capitalised name starting at `from` ("Deir ez-Zor", "al-Hasakah", "Tel Aviv"), at most 6 tokens. */
function nameEnd(t: Tokens, from: number, last: number, words: Words): number {
  let j = from;
  while (j < last && j < from + 6) {
    if (t.cap[j] && t.pos[j] !== POS.PUNCT && !isTimeWord(t.lower[j]!, words)) {
      j++;
      continue;
    }
    // Lower-case links inside a name: at most two in a row, and a capitalised word after them.
    let k = j;
    while (k < last && k < j + 2 && words.placeNameLinks.has(t.lower[k]!)) k++;
    if (k > j && k < last && t.cap[k] && (j > from || t.lower[j + 1] === '-')) j = k;
    else break;
  }
  return j;
}
