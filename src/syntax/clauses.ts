import { POS, type Tokens } from '../language/tokens.js';
import { CLAUSE_SUBORDINATORS as SUBORDINATE, RELATIVE_WORDS as RELATIVE } from '../language/closed-class.js';

/**
 * A rough clause split of one sentence, made once per document (syntaxOf) for the time and place stages: which clause each
 * token is in, and whether that clause is subordinate (relative, complement or adverbial), whose
 * time and place words belong to its own verb and not to the main one.
 */
export interface Clauses {
  first: number;
  /** Clause number of token first + k. */
  of: Int32Array;
  /** Per clause number: introduced by a relative pronoun or a subordinating word. */
  sub: boolean[];
  /** Per clause number: its part of the sentence between hard breaks (";", ":", dashes). */
  part: number[];
}

const HARD = new Set([';', ':', '—', '–', '--']);
const isVerbal = (t: Tokens, i: number): boolean => t.pos[i] === POS.VERB || t.pos[i] === POS.AUX;

/** Does a verb follow within a few tokens, before any punctuation (so a clause starts here)? */
function verbAhead(t: Tokens, from: number, last: number, max = 6): boolean {
  for (let j = from; j < last && j < from + max; j++) {
    if (t.pos[j] === POS.PUNCT) return false;
    if (isVerbal(t, j)) return true;
  }
  return false;
}

export function splitClauses(t: Tokens, first: number, last: number): Clauses {
  const of = new Int32Array(Math.max(0, last - first));
  const sub: boolean[] = [false];
  const part: number[] = [0];
  let parts = 0;
  let current = 0;
  /** Clause to return to at the next comma, after a parenthetical relative clause (", which ... ,"). */
  let resume = -1;
  const open = (isSub: boolean): void => {
    sub.push(isSub);
    part.push(parts);
    current = sub.length - 1;
  };
  for (let i = first; i < last; i++) {
    const w = t.lower[i]!;
    if (w === ',' && resume >= 0) {
      current = resume;
      resume = -1;
    } else if (HARD.has(w)) {
      parts++;
      open(false);
      resume = -1;
    } else if (RELATIVE.has(w) && i > first && verbAhead(t, i + 1, last)) {
      if (t.lower[i - 1] === ',' && resume < 0) resume = current;
      open(true);
    } else if (SUBORDINATE.has(w) && verbAhead(t, i + 1, last) && !isVerbal(t, i + 1)) {
      open(true);
    } else if (t.pos[i] === POS.CCONJ && t.lower[i - 1] === ',' && !isVerbal(t, i + 1) && verbAhead(t, i + 1, last, 5)) {
      open(false);
    } else if (t.pos[i] === POS.CCONJ && i + 1 < last && !isVerbal(t, i + 1) && t.pos[i + 1] !== POS.ADV && subjectThenVerb(t, i + 1, last)) {
      open(false);
    }
    of[i - first] = current;
  }
  return { first, of, sub, part };
}

/** "and Iran retaliated": a noun phrase and then a verb, so the conjunction starts a clause with its own subject. */
function subjectThenVerb(t: Tokens, from: number, last: number): boolean {
  let j = from;
  let nouns = 0;
  while (
    j < last &&
    j < from + 5 &&
    (t.pos[j] === POS.DET || t.pos[j] === POS.ADJ || t.pos[j] === POS.PROPN || t.pos[j] === POS.NOUN || t.pos[j] === POS.PRON || t.pos[j] === POS.NUM)
  ) {
    if (t.pos[j] !== POS.DET) nouns++;
    j++;
  }
  return nouns > 0 && j < last && isVerbal(t, j) && t.lower[j] !== 'including';
}

export const clauseOf = (c: Clauses, i: number): number => c.of[i - c.first] ?? 0;
