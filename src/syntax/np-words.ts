import { POS, type Tokens } from '../language/tokens.js';
import { DAY_WORDS, POSSESSIVE_DETERMINERS } from '../language/closed-class.js';

/**
 * The token tests every noun-phrase walker shares: which tags and words may stand inside a noun phrase,
 * the possessive marker, a hyphen glued inside a word. The walkers (noun-phrase.ts, chunks.ts) differ in
 * how far they reach, not in what a noun-phrase word is.
 */

const NOMINAL = (1 << POS.ADJ) | (1 << POS.NOUN) | (1 << POS.PROPN) | (1 << POS.NUM);
const NOMINAL_OR_DET = NOMINAL | (1 << POS.DET);

/** A noun, proper noun, adjective or number: the tags of a noun phrase's modifiers and head. (A bit test: this runs for every token.) */
export const isNominalTag = (p: number | undefined): boolean => p !== undefined && ((NOMINAL >> p) & 1) === 1;
/** A nominal tag or a determiner: any tag a noun phrase's words may carry. */
export const isNounPhraseTag = (p: number | undefined): boolean => p !== undefined && ((NOMINAL_OR_DET >> p) & 1) === 1;

const NOT_NAME_POS = new Set([POS.PUNCT, POS.VERB, POS.AUX, POS.PRON, POS.ADV, POS.ADP, POS.SCONJ, POS.CCONJ, POS.DET, POS.PART]);

export const isApostrophe = (w: string): boolean => w === "'" || w === '’';

/** A determiner or a possessive pronoun ("his counterpart"): what opens a noun phrase. */
export const opensPhrase = (t: Tokens, j: number): boolean => t.pos[j] === POS.DET || POSSESSIVE_DETERMINERS.has(t.lower[j]!);

/** Is token j the possessive marker ("'s", or "'" and "s" written apart)? Returns its length in tokens, or 0. */
export function possessiveAt(t: Tokens, j: number, end: number): number {
  if (j >= end) return 0;
  const w = t.lower[j]!;
  if (w === "'s" || w === '’s') return 1;
  if (isApostrophe(w)) return j + 1 < end && t.lower[j + 1] === 's' ? 2 : 1;
  return 0;
}

/** Is token j a hyphen glued to words on both sides ("Abdul-Mahdi")? */
export const gluedHyphen = (t: Tokens, j: number): boolean =>
  t.lower[j] === '-' && j > 0 && j + 1 < t.n && t.start[j] === t.end[j - 1] && t.start[j + 1] === t.end[j];

/** A word that may stand inside a noun phrase (not its determiner). */
export function nounPhraseWord(t: Tokens, j: number): boolean {
  const p = t.pos[j]!;
  // A time word is no part of an actor's phrase, unless it is hyphenated into a modifier ("a 35-year-old inmate").
  if (isNominalTag(p)) return !DAY_WORDS.has(t.lower[j]!) || t.lower[j + 1] === '-';
  // "U.S.-backed", "rebel-held": a participle glued to a noun by a hyphen.
  if (p === POS.VERB && j > 0 && t.lower[j - 1] === '-') return true;
  if (t.lower[j] === '-') return true;
  // "Mr . Sisi", "John R . Bass": an abbreviation's full stop written apart.
  if (t.lower[j] === '.' && j > 0 && t.cap[j - 1] === 1 && t.lower[j - 1]!.length <= 3 && t.cap[j + 1] === 1) return true;
  // A capitalised word the tagger could not place ("Asean", "Daesh"); not "Meanwhile" or "After".
  return t.cap[j] === 1 && !NOT_NAME_POS.has(p);
}
