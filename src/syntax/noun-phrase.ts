import { POS, type Tokens } from '../language/tokens.js';
import { POSSESSIVE_DETERMINERS as POSSESSIVE_PRON } from '../language/closed-class.js';
import { gluedHyphen, isApostrophe, nounPhraseWord, opensPhrase, possessiveAt } from './np-words.js';
import { appositiveAfter, appositiveBefore, coordinatedAfter, coordinatedBefore } from './np-attachments.js';

/**
 * The whole noun phrase around a head, as a reader would quote it: determiners and quantities ("the",
 * "at least 75"), a possessor or what is owned ("Israel's military", "the government's request"), an "of"
 * phrase ("hundreds of protesters", "Erdogan of Turkey"), an appositive ("his counterpart, Michel Aoun,")
 * and the phrases coordinated with it. Token walks within one sentence.
 */

export interface TokenRange {
  first: number;
  last: number;
}

/** Words before a number that belong to the quantity ("at least 75", "some 300"). */
const QUANTITY_WORDS = new Set([
  'least',
  'most',
  'about',
  'around',
  'nearly',
  'almost',
  'roughly',
  'approximately',
  'some',
  'over',
  'more',
  'fewer',
  'less',
  'than',
  'up',
  'to',
  'only',
  'just',
  'another',
  'all',
  'both',
  'estimated',
  'an',
]);
/** Prepositions whose phrase, when it names a place or body, belongs to the actor ("protesters in Baghdad"). */
const PLACE_PREPS = new Set(['in', 'from', 'for', 'at', 'near']);

const PARTITIVES = new Set(['some', 'many', 'most', 'all', 'both', 'each', 'several', 'any', 'none', 'few', 'one', 'two', 'three']);
/** Walk left from `first` over the words of the same noun phrase (and a possessor before "'s"). */
export function growLeft(t: Tokens, first: number, sentFirst: number): number {
  let f = first;
  for (;;) {
    const p = f - 1;
    if (p < sentFirst) return f;
    const w = t.lower[p]!;
    if (t.pos[p] === POS.DET || POSSESSIVE_PRON.has(w)) {
      // A determiner opens the phrase; a predeterminer may stand before it ("all the").
      f = p;
      if (p - 1 >= sentFirst && (t.lower[p - 1] === 'all' || t.lower[p - 1] === 'both')) f = p - 1;
      return f;
    }
    // "1 , 500 people": a number written with a thousands separator apart.
    if (w === ',' && t.pos[f] === POS.NUM && t.lower[f]!.length === 3 && p - 1 >= sentFirst && t.pos[p - 1] === POS.NUM) {
      f = p - 1;
      continue;
    }
    if (w === 'at' && (t.lower[f] === 'least' || t.lower[f] === 'most')) {
      f = p;
      continue;
    }
    if (
      QUANTITY_WORDS.has(w) &&
      (t.pos[f] === POS.NUM || t.lower[f] === 'least' || t.lower[f] === 'than' || t.lower[f] === 'to' || QUANTITY_WORDS.has(t.lower[f]!))
    ) {
      if (w === 'to' && t.lower[p - 1] !== 'up') return f;
      // "set up two hospitals", "handed over 30 prisoners": a particle of the verb, not "up to" or "over 30".
      if ((w === 'up' && t.lower[f] !== 'to') || ((w === 'up' || w === 'over') && p > sentFirst && t.pos[p - 1] === POS.VERB && t.lower[f] !== 'to')) return f;
      f = p;
      continue;
    }
    const apartS = isApostrophe(w) && t.lower[f] === 's';
    if (
      w === "'s" ||
      w === '’s' ||
      apartS ||
      (w === 's' && p - 1 >= sentFirst && isApostrophe(t.lower[p - 1]!)) ||
      (isApostrophe(w) && p > sentFirst && t.start[p] === t.end[p - 1])
    ) {
      // "Israel 's military": the possessor belongs to the phrase.
      const q = w === 's' ? p - 2 : p - 1;
      if (q < sentFirst || !nounPhraseWord(t, q)) return f;
      return growLeft(t, q, sentFirst);
    }
    if (nounPhraseWord(t, p) || gluedHyphen(t, p)) {
      f = p;
      continue;
    }
    return f;
  }
}

/** After a complete noun, an adjective that no noun follows ends the phrase ("Indonesia due to", "37 prisoners late"). */
function startsAnother(t: Tokens, j: number, sentLast: number): boolean {
  if (t.pos[j] !== POS.ADJ) return false;
  if (t.pos[j - 1] !== POS.NOUN && t.pos[j - 1] !== POS.PROPN) return false;
  const next = j + 1 < sentLast ? t.pos[j + 1]! : POS.PUNCT;
  return !(next === POS.NOUN || next === POS.PROPN || next === POS.ADJ || t.lower[j + 1] === '-');
}

/** Walk right from `last` over the rest of the noun phrase, what the actor owns and an "of" phrase. */
export function growRight(t: Tokens, last: number, sentLast: number, depth: number): number {
  let l = last;
  for (;;) {
    if (l >= sentLast) return l;
    const pos = possessiveAt(t, l, sentLast);
    if (pos) {
      // "the government 's request": the possessed noun and its modifiers.
      let e = l + pos;
      while (e < sentLast && t.pos[e] !== POS.DET && nounPhraseWord(t, e)) e++;
      if (e === l + pos) return l;
      l = e;
      continue;
    }
    if (t.pos[l] !== POS.DET && nounPhraseWord(t, l) && !startsAnother(t, l, sentLast)) {
      l++;
      continue;
    }
    // "the proposal submitted by France", "20 workers employed by the UNHCR": a passive participle and its agent.
    const by = depth < 2 ? agentPhraseAt(t, l, sentLast) : l;
    if (by > l) return growRight(t, by, sentLast, depth + 1);
    const prep = t.lower[l]!;
    if (depth < 2 && (prep === 'of' || PLACE_PREPS.has(prep))) {
      // "Erdogan of Turkey", "the Kingdom of Bahrain"; "protesters in Baghdad", "diplomats from Poland".
      let e = l + 1;
      if (e < sentLast && opensPhrase(t, e)) e++;
      const s = e;
      let named = false;
      while (e < sentLast && t.pos[e] !== POS.DET && nounPhraseWord(t, e)) {
        if (t.cap[e] === 1 && t.pos[e] === POS.PROPN) named = true;
        e++;
      }
      if (e === s) return l;
      // Only a phrase with a name in it: "accused the U.S. of involvement", "killed them in recent months" stay out.
      if (!named) return l;
      l = growRight(t, e, sentLast, depth + 1);
      return l;
    }
    return l;
  }
}

/** The end of "submitted by the government" at token j (a past participle, "by" and a noun phrase), or j. */
function agentPhraseAt(t: Tokens, j: number, sentLast: number): number {
  if (t.pos[j] !== POS.VERB || t.lower[j + 1] !== 'by') return j;
  const w = t.lower[j]!;
  if (w === t.lemma[j] || w.endsWith('ing') || w.endsWith('s')) return j;
  let e = j + 2;
  if (e < sentLast && opensPhrase(t, e)) e++;
  const s = e;
  while (e < sentLast && t.pos[e] !== POS.DET && nounPhraseWord(t, e)) e++;
  return e > s ? e : j;
}

/** "hundreds of protesters", "an arms depot of the Syrian army": the noun that the "of" phrase completes. */
function headBeforeOf(t: Tokens, f: number, sentFirst: number): number {
  const p = f - 1;
  if (p <= sentFirst || t.lower[p] !== 'of') return f;
  const q = p - 1;
  // "some of the peacekeepers", "many of the protesters".
  if (PARTITIVES.has(t.lower[q]!)) return growLeft(t, q, sentFirst);
  if (!nounPhraseWord(t, q) || t.pos[q] === POS.VERB) return f;
  return growLeft(t, q, sentFirst);
}

/** Prepositions whose phrase may complete a noun before its verb ("a car bomb in Kiev killed"). */
const NP_PREPS = new Set(['of', 'in', 'at', 'from', 'near', 'outside', 'inside', 'on', 'with', 'for']);

/**
 * Are tokens [from, to) the rest of the noun phrase that ends at `from` — a prepositional phrase or two
 * ("in Kiev", "from the north of the country") — so that the phrase is still the subject of a verb at `to`?
 */
export function phraseContinues(t: Tokens, from: number, to: number): boolean {
  if (from === to) return true;
  if (to - from > 8 || !NP_PREPS.has(t.lower[from]!)) return false;
  for (let j = from + 1; j < to; j++) {
    if (NP_PREPS.has(t.lower[j]!) || t.pos[j] === POS.DET || POSSESSIVE_PRON.has(t.lower[j]!) || possessiveAt(t, j, to)) continue;
    if (!nounPhraseWord(t, j) || t.pos[j] === POS.VERB) return false;
  }
  return nounPhraseWord(t, to - 1);
}

/**
 * The token range [first, last) of the noun phrase around tokens [first, last) (a name, or names coordinated),
 * within the sentence [sentFirst, sentLast).
 */
export function nounPhraseAround(t: Tokens, first: number, last: number, sentFirst: number, sentLast: number): TokenRange {
  first = growLeft(t, first, sentFirst);
  first = headBeforeOf(t, first, sentFirst);
  first = appositiveBefore(t, first, sentFirst);
  last = growRight(t, last, sentLast, 0);
  last = appositiveAfter(t, last, sentLast);
  last = coordinatedAfter(t, first, last, sentFirst, sentLast);
  first = coordinatedBefore(t, first, last, sentFirst);
  return { first, last };
}
