import { POS, type Tokens } from '../language/tokens.js';
import { nounPhraseWord, opensPhrase } from './np-words.js';
import { growLeft, growRight } from './noun-phrase.js';

/** What attaches to a noun phrase at its edges: an appositive set off by commas or brackets, a phrase coordinated by "and"/"or". */

/** ", Michel Aoun ,", "( NAF )": a short name or phrase set off right after the actor. */
export function appositiveAfter(t: Tokens, l: number, sentLast: number): number {
  if (l >= sentLast) return l;
  const open = t.lower[l]!;
  if (open === '(') {
    let e = l + 1;
    while (e < sentLast && e - l <= 5 && t.lower[e] !== ')') e++;
    return e < sentLast && t.lower[e] === ')' ? e + 1 : l;
  }
  if (open !== ',') return l;
  let e = l + 1;
  if (e < sentLast && opensPhrase(t, e)) e++;
  const s = e;
  while (e < sentLast && nounPhraseWord(t, e) && e - l <= 8) e++;
  if (e === s) return l;
  // Closed by a comma (not a list going on with "and") or by the end of the sentence.
  if (e >= sentLast || (t.pos[e] === POS.PUNCT && t.lower[e] !== ',')) return e;
  if (t.lower[e] === ',' && t.lower[e + 1] !== 'and' && t.lower[e + 1] !== 'or' && e + 1 < sentLast) return e;
  return l;
}

/**
 * "Bulgaria's Minister for Foreign Affairs, Ekaterina Zaharieva" or "Vladimir Putin, the Russian president":
 * a short noun phrase set off by a comma at the start of the clause names the same actor.
 */
export function appositiveBefore(t: Tokens, f: number, sentFirst: number): number {
  const c = f - 1;
  if (c <= sentFirst || t.lower[c] !== ',' || !nounPhraseWord(t, c - 1)) return f;
  // The phrase before the comma opens the clause: it starts the sentence or follows a comma, "that" or a speech
  // verb ("said Zabihullah Mujahid, the Taliban spokesman"); "Following his visit, Erdogan" is no appositive.
  let g = c - 1;
  while (g > sentFirst && g > c - 12 && t.lower[g - 1] !== ',' && t.lower[g - 1] !== 'that' && t.pos[g - 1] !== POS.VERB && t.pos[g - 1] !== POS.AUX) g--;
  const b = g - 1;
  if (b >= sentFirst && t.lower[b] !== ',' && t.lower[b] !== 'that' && !(t.pos[b] === POS.VERB && !t.lower[b]!.endsWith('ing'))) return f;
  // Every word up to the comma belongs to that one phrase (a possessor, "of" or place phrase may stand inside it).
  const opened = opensPhrase(t, g) ? g + 1 : g;
  if (opened >= c || growRight(t, opened, c, 0) !== c) return f;
  return g;
}

/** "the Tokyo Stock Exchange and the New York Stock Exchange": a noun phrase joined by "and" that starts no clause. */
export function coordinatedAfter(t: Tokens, first: number, l: number, sentFirst: number, sentLast: number): number {
  let c = l;
  if (t.lower[c] === ',') c++;
  if (c >= sentLast || (t.lower[c] !== 'and' && t.lower[c] !== 'or')) return l;
  // "and all the people of Israel": a predeterminer before the determiner.
  const s = (t.lower[c + 1] === 'all' || t.lower[c + 1] === 'both') && t.pos[c + 2] === POS.DET ? c + 2 : c + 1;
  if (s >= sentLast || !(opensPhrase(t, s) || nounPhraseWord(t, s)) || t.pos[s] === POS.VERB) return l;
  const e = growRight(t, s + 1, sentLast, 0);
  // "Russia attacked Ukraine and Georgia condemned it": after a verb, a phrase followed by its own verb is a
  // new clause; before any verb ("Egypt and Jordan have agreed") the verb is the one both share.
  if (e < sentLast && (t.pos[e] === POS.VERB || t.pos[e] === POS.AUX) && verbBefore(t, first, sentFirst)) return l;
  return e;
}

function verbBefore(t: Tokens, j: number, sentFirst: number): boolean {
  for (let k = j - 1; k >= sentFirst; k--) if (t.pos[k] === POS.VERB || t.pos[k] === POS.AUX) return true;
  return false;
}

/** "Pakistan and Afghanistan's intelligence services": a noun phrase joined by "and" before the actor. */
export function coordinatedBefore(t: Tokens, f: number, last: number, sentFirst: number): number {
  const c = f - 1;
  if (c <= sentFirst || (t.lower[c] !== 'and' && t.lower[c] !== 'or')) return f;
  if (!nounPhraseWord(t, c - 1) || t.pos[c - 1] === POS.VERB) return f;
  const g = growLeft(t, c - 1, sentFirst);
  const b = g - 1;
  if (b >= sentFirst && t.lower[b] !== ',' && t.pos[b] !== POS.ADP && t.pos[b] !== POS.VERB && t.pos[b] !== POS.SCONJ && t.lower[b] !== 'that') return f;
  // "attacked Ukraine and Belarus condemned it": the actor opens a clause of its own.
  if (verbBefore(t, g, sentFirst) && (t.pos[last] === POS.VERB || t.pos[last] === POS.AUX)) return f;
  return g;
}
