import { POS, type Tokens } from '../language/tokens.js';
import { isNominalTag, isNounPhraseTag } from './np-words.js';

/**
 * Short runs of noun-phrase words, read by tag alone, as the subject finders take a phrase next to a verb:
 * no quantities, appositives or "of" phrases (those are noun-phrase.ts's whole phrase).
 */

/**
 * The first token of the bare noun phrase whose head is token j: back to its determiner, over the tags of a
 * noun phrase and a possessor ("the party 's bylaws"), never into a name before it (`named(k)`, unless a
 * possessor joins them). A tag-only walk: no quantities, appositives or "of" phrases, as the speaker finder reads a subject.
 */
export function bareStartBefore(t: Tokens, j: number, first: number, named: (k: number) => boolean): number {
  let k = j;
  while (k > first && t.pos[k]! !== POS.DET && (isNounPhraseTag(t.pos[k - 1]!) || t.lower[k - 1] === "'s" || t.lower[k] === "'s")) {
    if (named(k - 1) && t.lower[k] !== "'s") break;
    k--;
  }
  return k;
}

/** The end of the run of at most `max` capitalised proper nouns from token k ("— Jane Doe"). */
export function nameRunEnd(t: Tokens, k: number, max: number): number {
  let e = k;
  while (e < t.n && t.cap[e] === 1 && t.pos[e] === POS.PROPN && e - k < max) e++;
  return e;
}

/** The end of the run of nouns, adjectives and numbers from token k, when a noun closes it ("independent analyses"); else -1. */
export function nominalRunEnd(t: Tokens, k: number, last: number): number {
  let e = k;
  while (e < last && isNominalTag(t.pos[e])) e++;
  if (e === k || (t.pos[e - 1] !== POS.NOUN && t.pos[e - 1] !== POS.PROPN)) return -1;
  return e;
}

const ANTECEDENT_TAGS = (1 << POS.DET) | (1 << POS.ADJ) | (1 << POS.ADV) | (1 << POS.NUM) | (1 << POS.PRON) | (1 << POS.NOUN) | (1 << POS.PROPN);

/**
 * The first token of the antecedent that ends at token `last` (inclusive), before a relative pronoun: back over
 * names (`named`), the words of noun phrases, "of", "'s" and hyphens ("a barrage of missiles that ...").
 * first when it runs to the start of the sentence.
 */
export function antecedentStartBefore(t: Tokens, last: number, first: number, named: (k: number) => boolean): number {
  let r = last;
  while (r >= first && (named(r) || ((ANTECEDENT_TAGS >> t.pos[r]!) & 1) === 1 || t.lower[r] === 'of' || t.lower[r] === "'s" || t.lower[r] === '-')) r--;
  return r + 1;
}
