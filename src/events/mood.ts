import type { Analysis } from '../analysis.js';
import { POS, type Tokens } from '../language/tokens.js';
import type { Words } from '../lexicon/words.js';

/**
 * CAMEO codes an act that is only announced, promised or demanded by what the speaker does with it:
 * "the rebels said they will release the hostages" is an intent to yield (0353), not a release (0841);
 * "Russia will strike" is a threat (1384); "X said Y must withdraw" is a demand on Y (1056).
 */

/** A sentence's stance towards the act its verb names. */
export type Mood = 'intent' | 'demand' | null;

const lookup = (table: Readonly<Record<string, string>>, code: string): string | undefined => table[code] ?? table[code.slice(0, 3)] ?? table[code.slice(0, 2)];

/** The code of an act in the given mood, or the act's own code when the mood does not change it. */
export function moodCode(code: string, mood: Mood, words: Words): string {
  if (mood === 'intent') return lookup(words.intentCodes, code) ?? lookup(words.threatCodes, code) ?? code;
  if (mood === 'demand') return lookup(words.demandCodes, code) ?? (Number(code.slice(0, 2)) >= 14 ? '100' : code);
  return code;
}

/** The modal auxiliary of a verb group ("will", "would", "must"), or null. */
export function modalOf(t: Tokens, groupFirst: number, v: number): string | null {
  for (let j = groupFirst; j < v; j++) if (t.pos[j] === POS.AUX && /^(will|'ll|shall|would|'d|must)$/.test(t.lower[j]!)) return t.lower[j]!;
  return null;
}

/** A reporting verb ("said", "announced") before the clause that starts at `groupFirst`. */
export function reportedModal(t: Tokens, groupFirst: number, sentFirst: number, words: Words): boolean {
  for (let j = groupFirst - 1; j >= sentFirst; j--) if (t.pos[j] === POS.VERB && words.reportingVerbs.has(t.lemma[j]!)) return true;
  return false;
}

/**
 * Who states the clause at [groupFirst, v]: the known subject of a reporting verb before it ("X said Y must")
 * or after it ("Y must go, X said"). `subjectOf` finds a verb's subject mention.
 */
export function speakerOf(a: Analysis, groupFirst: number, v: number, s: number, subjectOf: (verb: number) => number | null): number | null {
  const t = a.tokens;
  const sent = a.sentences[s]!;
  for (let j = sent.first; j < sent.last; j++) {
    if (j >= groupFirst && j <= v) continue;
    if (t.pos[j] !== POS.VERB || !a.lexicon.words.reportingVerbs.has(t.lemma[j]!)) continue;
    const subj = subjectOf(j);
    if (subj !== null && a.mentions[subj]!.kind !== 'unknown' && (j < groupFirst || a.mentions[subj]!.first > v)) return subj;
  }
  return null;
}
