import type { Analysis, Mention } from '../analysis.js';
import { POS, type Tokens } from '../language/tokens.js';
import { gluedHyphen } from './chunks.js';
import { DAY_WORDS, POSSESSIVE_DETERMINERS as POSSESSIVE_PRON } from '../language/closed-class.js';

/**
 * The whole noun phrase an actor mention stands in, as a reader would quote it: determiners and
 * modifiers ("the", "at least 75"), a possessor or what the actor owns ("Israel's military",
 * "the government's request"), an "of" phrase ("hundreds of protesters", "Erdogan of Turkey"),
 * an appositive ("his counterpart, Michel Aoun,") and the actors coordinated with it.
 * Computed only for the actors that events report, so a few token walks per event.
 */

/** Words before a number that belong to the quantity ("at least 75", "some 300"). */
const QUANTITY_WORDS = new Set(['least', 'most', 'about', 'around', 'nearly', 'almost', 'roughly', 'approximately', 'some', 'over', 'more', 'fewer', 'less', 'than', 'up', 'to', 'only', 'just', 'another', 'all', 'both', 'estimated', 'an']);
/** Nouns that say when, not who: a phrase does not grow across them. */
/** Prepositions whose phrase, when it names a place or body, belongs to the actor ("protesters in Baghdad"). */
const PLACE_PREPS = new Set(['in', 'from', 'for', 'at', 'near']);

const PARTITIVES = new Set(['some', 'many', 'most', 'all', 'both', 'each', 'several', 'any', 'none', 'few', 'one', 'two', 'three']);
const NOT_NAME_POS = new Set([POS.PUNCT, POS.VERB, POS.AUX, POS.PRON, POS.ADV, POS.ADP, POS.SCONJ, POS.CCONJ, POS.DET, POS.PART]);

export interface TokenRange {
  first: number;
  last: number;
}

const isApostrophe = (w: string): boolean => w === "'" || w === '’';

/** Is token j the possessive marker ("'s", or "'" and "s" written apart)? Returns its length in tokens, or 0. */
function possessiveAt(t: Tokens, j: number, end: number): number {
  if (j >= end) return 0;
  const w = t.lower[j]!;
  if (w === "'s" || w === '’s') return 1;
  if (isApostrophe(w)) return j + 1 < end && t.lower[j + 1] === 's' ? 2 : 1;
  return 0;
}

/** A word that may stand inside a noun phrase (not its determiner). */
function npWord(t: Tokens, j: number): boolean {
  const p = t.pos[j]!;
  // A time word is no part of an actor's phrase, unless it is hyphenated into a modifier ("a 35-year-old inmate").
  if (p === POS.NOUN || p === POS.PROPN || p === POS.ADJ || p === POS.NUM) return !DAY_WORDS.has(t.lower[j]!) || t.lower[j + 1] === '-';
  // "U.S.-backed", "rebel-held": a participle glued to a noun by a hyphen.
  if (p === POS.VERB && j > 0 && t.lower[j - 1] === '-') return true;
  if (t.lower[j] === '-') return true;
  // "Mr . Sisi", "John R . Bass": an abbreviation's full stop written apart.
  if (t.lower[j] === '.' && j > 0 && t.cap[j - 1] === 1 && t.lower[j - 1]!.length <= 3 && t.cap[j + 1] === 1) return true;
  // A capitalised word the tagger could not place ("Asean", "Daesh"); not "Meanwhile" or "After".
  return t.cap[j] === 1 && !NOT_NAME_POS.has(p);
}

/** Walk left from `first` over the words of the same noun phrase (and a possessor before "'s"). */
function growLeft(t: Tokens, first: number, sentFirst: number): number {
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
    if (QUANTITY_WORDS.has(w) && (t.pos[f] === POS.NUM || t.lower[f] === 'least' || t.lower[f] === 'than' || t.lower[f] === 'to' || QUANTITY_WORDS.has(t.lower[f]!))) {
      if (w === 'to' && t.lower[p - 1] !== 'up') return f;
      // "set up two hospitals", "handed over 30 prisoners": a particle of the verb, not "up to" or "over 30".
      if ((w === 'up' && t.lower[f] !== 'to') || ((w === 'up' || w === 'over') && p > sentFirst && t.pos[p - 1] === POS.VERB && t.lower[f] !== 'to')) return f;
      f = p;
      continue;
    }
    const apartS = isApostrophe(w) && t.lower[f] === 's';
    if (w === "'s" || w === '’s' || apartS || (w === 's' && p - 1 >= sentFirst && isApostrophe(t.lower[p - 1]!)) || (isApostrophe(w) && p > sentFirst && t.start[p] === t.end[p - 1])) {
      // "Israel 's military": the possessor belongs to the phrase.
      const q = w === 's' ? p - 2 : p - 1;
      if (q < sentFirst || !npWord(t, q)) return f;
      f = q + 1;
      f = growLeft(t, q, sentFirst);
      return f;
    }
    if (npWord(t, p) || gluedHyphen(t, p)) {
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
function growRight(t: Tokens, last: number, sentLast: number, depth: number): number {
  let l = last;
  for (;;) {
    if (l >= sentLast) return l;
    const pos = possessiveAt(t, l, sentLast);
    if (pos) {
      // "the government 's request": the possessed noun and its modifiers.
      let e = l + pos;
      while (e < sentLast && t.pos[e] !== POS.DET && npWord(t, e)) e++;
      if (e === l + pos) return l;
      l = e;
      continue;
    }
    if (t.pos[l] !== POS.DET && npWord(t, l) && !startsAnother(t, l, sentLast)) {
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
      if (e < sentLast && (t.pos[e] === POS.DET || POSSESSIVE_PRON.has(t.lower[e]!))) e++;
      const s = e;
      let named = false;
      while (e < sentLast && t.pos[e] !== POS.DET && npWord(t, e)) {
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
  if (e < sentLast && (t.pos[e] === POS.DET || POSSESSIVE_PRON.has(t.lower[e]!))) e++;
  const s = e;
  while (e < sentLast && t.pos[e] !== POS.DET && npWord(t, e)) e++;
  return e > s ? e : j;
}

/** "hundreds of protesters", "an arms depot of the Syrian army": the noun that the "of" phrase completes. */
function headBeforeOf(t: Tokens, f: number, sentFirst: number): number {
  const p = f - 1;
  if (p <= sentFirst || t.lower[p] !== 'of') return f;
  const q = p - 1;
  // "some of the peacekeepers", "many of the protesters".
  if (PARTITIVES.has(t.lower[q]!)) return growLeft(t, q, sentFirst);
  if (!npWord(t, q) || t.pos[q] === POS.VERB) return f;
  return growLeft(t, q, sentFirst);
}

/** ", Michel Aoun ,", "( NAF )": a short name or phrase set off right after the actor. */
function appositiveAfter(t: Tokens, l: number, sentLast: number): number {
  if (l >= sentLast) return l;
  const open = t.lower[l]!;
  if (open === '(') {
    let e = l + 1;
    while (e < sentLast && e - l <= 5 && t.lower[e] !== ')') e++;
    return e < sentLast && t.lower[e] === ')' ? e + 1 : l;
  }
  if (open !== ',') return l;
  let e = l + 1;
  if (e < sentLast && (t.pos[e] === POS.DET || POSSESSIVE_PRON.has(t.lower[e]!))) e++;
  const s = e;
  while (e < sentLast && npWord(t, e) && e - l <= 8) e++;
  if (e === s) return l;
  // Closed by a comma (not a list going on with "and") or by the end of the sentence.
  if (e >= sentLast || t.pos[e] === POS.PUNCT && t.lower[e] !== ',') return e;
  if (t.lower[e] === ',' && t.lower[e + 1] !== 'and' && t.lower[e + 1] !== 'or' && e + 1 < sentLast) return e;
  return l;
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
    if (!npWord(t, j) || t.pos[j] === POS.VERB) return false;
  }
  return npWord(t, to - 1);
}

/** The token range of the whole noun phrase around a mention. */
export function phraseOf(a: Analysis, m: Mention): TokenRange {
  const t = a.tokens;
  const sent = a.sentences[t.sent[m.first]!]!;
  let first = m.first;
  let last = m.last;
  // Coordinated actors ("the Syrian army and its ally Hezbollah") make one phrase, also when they act on
  // each other ("China and the EU signed a deal": both stand in "China and the EU").
  for (const other of groupMates(a, m, sent.first, sent.last)) {
    if (other.first < first) first = other.first;
    if (other.last > last) last = other.last;
  }
  if (m.kind === 'pronoun') {
    // "Iraq's military says it has seized ...": the words that name the actor are the antecedent's.
    const ante = antecedentInSentence(a, m, sent.first);
    return ante ? phraseOf(a, ante) : { first, last };
  }
  first = growLeft(t, first, sent.first);
  first = headBeforeOf(t, first, sent.first);
  first = appositiveBefore(t, first, sent.first);
  last = growRight(t, last, sent.last, 0);
  last = appositiveAfter(t, last, sent.last);
  last = coordinatedAfter(t, first, last, sent.first, sent.last);
  first = coordinatedBefore(t, first, last, sent.first);
  return { first, last };
}

/** The latest earlier mention of the pronoun's entity in its sentence. */
function antecedentInSentence(a: Analysis, m: Mention, sentFirst: number): Mention | null {
  for (let j = m.first - 1; j >= sentFirst; j--) {
    const k = a.mentionAt[j]!;
    if (k < 0) continue;
    const o = a.mentions[k]!;
    if (o.entity === m.entity && o.kind !== 'pronoun') return o;
  }
  return null;
}

/**
 * "Bulgaria's Minister for Foreign Affairs, Ekaterina Zaharieva" or "Vladimir Putin, the Russian president":
 * a short noun phrase set off by a comma at the start of the clause names the same actor.
 */
function appositiveBefore(t: Tokens, f: number, sentFirst: number): number {
  const c = f - 1;
  if (c <= sentFirst || t.lower[c] !== ',' || !npWord(t, c - 1)) return f;
  // The phrase before the comma opens the clause: it starts the sentence or follows a comma, "that" or a speech
  // verb ("said Zabihullah Mujahid, the Taliban spokesman"); "Following his visit, Erdogan" is no appositive.
  let g = c - 1;
  while (g > sentFirst && g > c - 12 && t.lower[g - 1] !== ',' && t.lower[g - 1] !== 'that' && t.pos[g - 1] !== POS.VERB && t.pos[g - 1] !== POS.AUX) g--;
  const b = g - 1;
  if (b >= sentFirst && t.lower[b] !== ',' && t.lower[b] !== 'that' && !(t.pos[b] === POS.VERB && !t.lower[b]!.endsWith('ing'))) return f;
  // Every word up to the comma belongs to that one phrase (a possessor, "of" or place phrase may stand inside it).
  const opened = t.pos[g] === POS.DET || POSSESSIVE_PRON.has(t.lower[g]!) ? g + 1 : g;
  if (opened >= c || growRight(t, opened, c, 0) !== c) return f;
  return g;
}

/** The other mentions of the sentence coordinated with m. */
function groupMates(a: Analysis, m: Mention, sentFirst: number, sentLast: number): Mention[] {
  const out: Mention[] = [];
  for (let j = sentFirst; j < sentLast; j++) {
    const k = a.mentionAt[j]!;
    if (k < 0) continue;
    const o = a.mentions[k]!;
    if (o.first === j && o !== m && o.group === m.group) out.push(o);
  }
  return out;
}

/** "the Tokyo Stock Exchange and the New York Stock Exchange": a noun phrase joined by "and" that starts no clause. */
function coordinatedAfter(t: Tokens, first: number, l: number, sentFirst: number, sentLast: number): number {
  let c = l;
  if (t.lower[c] === ',') c++;
  if (c >= sentLast || (t.lower[c] !== 'and' && t.lower[c] !== 'or')) return l;
  // "and all the people of Israel": a predeterminer before the determiner.
  const s = (t.lower[c + 1] === 'all' || t.lower[c + 1] === 'both') && t.pos[c + 2] === POS.DET ? c + 2 : c + 1;
  if (s >= sentLast || !(t.pos[s] === POS.DET || POSSESSIVE_PRON.has(t.lower[s]!) || npWord(t, s)) || t.pos[s] === POS.VERB) return l;
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
function coordinatedBefore(t: Tokens, f: number, last: number, sentFirst: number): number {
  const c = f - 1;
  if (c <= sentFirst || (t.lower[c] !== 'and' && t.lower[c] !== 'or')) return f;
  if (!npWord(t, c - 1) || t.pos[c - 1] === POS.VERB) return f;
  const g = growLeft(t, c - 1, sentFirst);
  const b = g - 1;
  if (b >= sentFirst && t.lower[b] !== ',' && t.pos[b] !== POS.ADP && t.pos[b] !== POS.VERB && t.pos[b] !== POS.SCONJ && t.lower[b] !== 'that') return f;
  // "attacked Ukraine and Belarus condemned it": the actor opens a clause of its own.
  if (verbBefore(t, g, sentFirst) && (t.pos[last] === POS.VERB || t.pos[last] === POS.AUX)) return f;
  return g;
}
