import type { Mention } from '../analysis.js';
import { POS, type Tokens } from '../language/tokens.js';
import type { CompiledPattern } from '../lexicon/lexicon.js';
import type { Words } from '../lexicon/words.js';
import { PATTERN_PREPOSITIONS as PREPOSITIONS, QUOTE_MARK, RELATIVIZERS, SUBORDINATORS as CLAUSE_PREPS } from '../language/closed-class.js';

/** Token-level tests the event coder applies around a verb or noun: phrase matching, objects, prepositions. */
export const SKIPPABLE = new Set([POS.DET, POS.ADJ, POS.ADV, POS.NUM, POS.PRON]);

/**
 * Match a pattern's words after its head; returns the token after the phrase, or -1.
 * Up to three modifiers may stand between words; before a particle or preposition, one
 * actor may too ("asked NATO for help"): its mention index is returned as `between`.
 */
export function matchRest(
  t: Tokens,
  head: number,
  rest: string[],
  end: number,
  mentionAt?: Int32Array,
  mentionEnd?: (m: number) => number,
): { end: number; between: number } {
  let j = head + 1;
  let between = -1;
  for (const w of rest) {
    let skipped = 0;
    while (j < end && skipped < 3 && t.lemma[j] !== w && t.lower[j] !== w && (SKIPPABLE.has(t.pos[j]!) || t.lower[j] === "'s" || t.lower[j] === '-')) {
      j++;
      skipped++;
    }
    if (j < end && t.lemma[j] !== w && t.lower[j] !== w && between < 0 && mentionAt && mentionEnd && PREPOSITIONS.has(w)) {
      const m = mentionAt[j]!;
      if (m >= 0) {
        between = m;
        j = mentionEnd(m);
      }
    }
    if (j >= end || (t.lemma[j] !== w && t.lower[j] !== w)) return { end: -1, between: -1 };
    j++;
  }
  return { end: j, between };
}

export function objectOk(t: Tokens, p: CompiledPattern, from: number, end: number): boolean {
  if (!p.object) return true;
  const stop = Math.min(end, from + 12);
  for (let j = from; j < stop; j++) {
    const lemma = t.lemma[j]!;
    const lower = t.lower[j]!;
    if (p.object.has(lemma) || (lower !== lemma && p.object.has(lower))) return true;
  }
  // Multi-word object cues ("human rights"): first word by lemma or form, then the rest in order.
  for (const words of p.objectPhrases) {
    for (let j = from; j + words.length <= stop; j++) {
      let k = 0;
      while (k < words.length && (t.lower[j + k] === words[k] || t.lemma[j + k] === words[k])) k++;
      if (k === words.length) return true;
    }
  }
  return false;
}

/** Is the verb group inside "a resolution / law / decree that would ..."? */
export function enactedContent(t: Tokens, groupFirst: number, sentFirst: number, words: Words): boolean {
  const rel = groupFirst - 1;
  return rel > sentFirst && RELATIVIZERS.has(t.lower[rel]!) && words.enactedNouns.has(t.lemma[rel - 1]!);
}

/** A past tense or third-person form tagged as a noun or adjective right after its subject. */
export function mistaggedVerb(t: Tokens, v: number, base: string, sentFirst: number): boolean {
  const p = t.pos[v]!;
  if (p !== POS.NOUN && p !== POS.ADJ && p !== POS.PROPN) return false;
  if (v === sentFirst) return false;
  const prev = t.pos[v - 1]!;
  // After a modal or "to" the base form is a verb ("would end", "to end").
  if (t.lower[v] === base && (prev === POS.AUX || t.lower[v - 1] === 'to')) return true;
  if (t.lower[v] === base) return false;
  // In title case everything looks like a name: only a past tense there ("Iran Fired Missiles").
  if (p === POS.PROPN && (t.lower[v]!.endsWith('s') || t.lower[v]!.endsWith('ing'))) return false;
  if (t.lower[v - 1] === "'s" || prev === POS.DET || prev === POS.ADP || prev === POS.ADJ || prev === POS.NUM) return false;
  return prev === POS.PROPN || prev === POS.NOUN || prev === POS.PRON || prev === POS.AUX || prev === POS.ADV;
}

/** Is the mention the object of a preposition that is not "of" (so not a subject or direct object)? */
export function inPrepPhrase(t: Tokens, m: Mention, sentFirst: number, allowed: Set<string> | null): string | null {
  let j = m.first - 1;
  // "after Iran retaliated": after a conjunction-like preposition, a mention followed by its verb heads a clause.
  let n = m.last;
  while (t.pos[n] === POS.ADV) n++;
  let b = j;
  while (b >= sentFirst && (t.pos[b] === POS.DET || t.pos[b] === POS.ADJ)) b--;
  if ((t.pos[n] === POS.VERB || t.pos[n] === POS.AUX) && CLAUSE_PREPS.has(t.lower[b] ?? '')) return null;
  while (j >= sentFirst && (t.pos[j] === POS.DET || t.pos[j] === POS.ADJ || t.pos[j] === POS.NUM || QUOTE_MARK.test(t.lower[j]!))) j--;
  if (j < sentFirst) return null;
  if ((t.pos[j] === POS.ADP || t.lower[j] === 'to') && t.lower[j] !== 'of') {
    if (allowed?.has(t.lemma[j]!)) return null;
    return t.lower[j]!;
  }
  return null;
}
