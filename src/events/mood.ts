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

/** Intent to cooperate materially (03), by act code, then 3-digit family, then root. */
const INTENT: Record<string, string> = {
  '06': '031', '061': '0311', '062': '0312', '063': '0313', '064': '0314',
  '07': '033', '071': '0331', '072': '0332', '073': '0333', '074': '0334', '075': '033',
  '08': '035', '081': '0351', '082': '0352', '083': '034', '0831': '0341', '0832': '0342', '0833': '0343', '0834': '0344',
  '084': '0353', '085': '0354', '086': '0355', '087': '0356',
};

/** Announced conflict acts are threats (13). */
const THREAT: Record<string, string> = {
  '14': '133', '15': '138',
  '16': '131', '160': '1313', '161': '1313', '162': '1311', '163': '1312', '164': '1313', '165': '135', '166': '136',
  '17': '137', '172': '132', '1721': '1321', '1722': '1322', '1723': '1323', '1724': '1324',
  '18': '138', '19': '1384', '191': '1381', '192': '1382', '20': '1383', '204': '1385',
};

/** A demanded act is a demand (10) of its kind. */
const DEMAND: Record<string, string> = {
  '03': '100', '04': '106', '05': '102',
  '06': '101', '061': '1011', '062': '1012', '063': '1013', '064': '1014',
  '07': '103', '071': '1031', '072': '1032', '073': '1033', '074': '1034',
  '08': '105', '081': '1051', '082': '1052', '083': '104', '0831': '1041', '0832': '1042', '0833': '1043', '0834': '1044',
  '084': '1053', '085': '1054', '086': '1055', '087': '1056',
};

const lookup = (table: Record<string, string>, code: string): string | undefined =>
  table[code] ?? table[code.slice(0, 3)] ?? table[code.slice(0, 2)];

/** The code of an act in the given mood, or the act's own code when the mood does not change it. */
export function moodCode(code: string, mood: Mood): string {
  if (mood === 'intent') return lookup(INTENT, code) ?? lookup(THREAT, code) ?? code;
  if (mood === 'demand') return lookup(DEMAND, code) ?? (Number(code.slice(0, 2)) >= 14 ? '100' : code);
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
