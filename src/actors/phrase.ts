import type { Analysis, Mention } from '../analysis.js';
import { POS, type Tokens } from '../language/tokens.js';
import { gluedHyphen } from './chunks.js';

/**
 * The whole noun phrase an actor mention stands in, as a reader would quote it: determiners and
 * modifiers ("the", "at least 75"), a possessor or what the actor owns ("Israel's military",
 * "the government's request"), an "of" phrase ("hundreds of protesters", "Erdogan of Turkey"),
 * an appositive ("his counterpart, Michel Aoun,") and the actors coordinated with it.
 * Computed only for the actors that events report, so a few token walks per event.
 */

const NP_POS = new Set([POS.DET, POS.ADJ, POS.NUM, POS.NOUN, POS.PROPN]);
const POSSESSIVE_PRON = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Words before a number that belong to the quantity ("at least 75", "some 300"). */
const QUANTITY_WORDS = new Set(['least', 'most', 'about', 'around', 'nearly', 'almost', 'roughly', 'approximately', 'some', 'over', 'more', 'fewer', 'less', 'than', 'up', 'to', 'only', 'just', 'another', 'all', 'both', 'estimated', 'an']);
/** Nouns that say when, not who: a phrase does not grow across them. */
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow', 'tonight', 'week', 'month', 'year', 'morning', 'evening', 'night', 'afternoon', 'weekend', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const RIGHT_PREPS = new Set((process.env.RP ?? 'of').split(','));
const LEFT_PREPS = new Set((process.env.LP ?? 'of').split(','));

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
  if (p === POS.NOUN || p === POS.PROPN || p === POS.ADJ || p === POS.NUM) return !TIME_WORDS.has(t.lower[j]!);
  // "U.S.-backed", "rebel-held": a participle glued to a noun by a hyphen.
  if (p === POS.VERB && j > 0 && t.lower[j - 1] === '-') return true;
  if (t.lower[j] === '-') return true;
  // "Mr . Sisi", "John R . Bass": an abbreviation's full stop written apart.
  if (t.lower[j] === '.' && j > 0 && t.cap[j - 1] === 1 && t.lower[j - 1]!.length <= 3 && t.cap[j + 1] === 1) return true;
  return t.cap[j] === 1 && p !== POS.PUNCT && p !== POS.VERB && p !== POS.AUX && p !== POS.PRON;
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
    if (w === 'at' && (t.lower[f] === 'least' || t.lower[f] === 'most')) {
      f = p;
      continue;
    }
    if (QUANTITY_WORDS.has(w) && (t.pos[f] === POS.NUM || t.lower[f] === 'least' || t.lower[f] === 'than' || t.lower[f] === 'to' || QUANTITY_WORDS.has(t.lower[f]!))) {
      if (w === 'to' && t.lower[p - 1] !== 'up') return f;
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
    if (t.pos[l] !== POS.DET && npWord(t, l)) {
      l++;
      continue;
    }
    if (depth < 2 && RIGHT_PREPS.has(t.lower[l]!)) {
      // "Erdogan of Turkey", "the Kingdom of Bahrain".
      let e = l + 1;
      if (e < sentLast && (t.pos[e] === POS.DET || POSSESSIVE_PRON.has(t.lower[e]!))) e++;
      const s = e;
      while (e < sentLast && t.pos[e] !== POS.DET && npWord(t, e)) e++;
      if (e === s) return l;
      l = growRight(t, e, sentLast, depth + 1);
      return l;
    }
    return l;
  }
}

/** "hundreds of protesters", "an arms depot of the Syrian army": the noun that the "of" phrase completes. */
function headBeforeOf(t: Tokens, f: number, sentFirst: number): number {
  const p = f - 1;
  if (p <= sentFirst || !LEFT_PREPS.has(t.lower[p]!)) return f;
  const q = p - 1;
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

/** The token range of the whole noun phrase around a mention. */
export function phraseOf(a: Analysis, m: Mention): TokenRange {
  const t = a.tokens;
  const sent = a.sentences[t.sent[m.first]!]!;
  let first = m.first;
  let last = m.last;
  // Coordinated actors ("the Syrian army and its ally Hezbollah") make one phrase.
  for (const other of groupMates(a, m)) {
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
  if (c <= sentFirst || t.lower[c] !== ',') return f;
  const g = growRight(t, growLeft(t, c - 1, sentFirst), c, 0) === c ? growLeft(t, c - 1, sentFirst) : -1;
  if (g < 0 || c - g > 10 || !npWord(t, c - 1)) return f;
  // The phrase before the comma opens the clause: sentence start, or after a comma or a clause word.
  const b = g - 1;
  if (b >= sentFirst && t.lower[b] !== ',' && t.lower[b] !== 'that' && t.pos[b] !== POS.VERB && t.pos[b] !== POS.SCONJ && t.pos[b] !== POS.PUNCT) return f;
  return g;
}

function groupMates(a: Analysis, m: Mention): Mention[] {
  const out: Mention[] = [];
  const t = a.tokens;
  const s = t.sent[m.first]!;
  // Mentions of one sentence are near each other in the list; look a few either side.
  const idx = a.mentionAt[m.first]!;
  if (idx < 0) return out;
  for (let k = Math.max(0, idx - 8); k < Math.min(a.mentions.length, idx + 9); k++) {
    const o = a.mentions[k]!;
    if (o !== m && o.group === m.group && t.sent[o.first] === s) out.push(o);
  }
  return out;
}
