import type { Analysis } from '../analysis.js';
import { POS, type Tokens } from '../language/tokens.js';
import type { Modality } from '../document/types.js';
import { FUTURE_MODALS as FUTURE, HYPOTHETICAL_MODALS as HYPOTHETICAL, NEGATORS } from '../language/closed-class.js';

export interface VerbGroup {
  /** First token of the auxiliary chain before the verb. */
  first: number;
  negated: boolean;
  passive: boolean;
  modality: Modality;
}

/** Read the auxiliaries and adverbs before a verb: negation, passive voice, modality. */
export function verbGroup(t: Tokens, v: number, sentFirst: number): VerbGroup {
  let negated = false;
  let passive = false;
  let modality: Modality = 'asserted';
  let j = v - 1;
  let sawBe = false;
  while (j >= sentFirst) {
    const p = t.pos[j]!;
    const w = t.lower[j]!;
    if (p === POS.AUX || p === POS.PART || (p === POS.ADV && w !== 'when' && w !== 'where') || NEGATORS.has(w) || w === 'longer') {
      if (NEGATORS.has(w)) negated = true;
      if (t.lemma[j] === 'be' || t.lemma[j] === 'get') sawBe = true;
      if (FUTURE.has(w)) modality = 'future';
      else if (HYPOTHETICAL.has(w)) modality = 'hypothetical';
      if (w === 'to') break;
      j--;
      continue;
    }
    break;
  }
  const form = t.lower[v]!;
  if (sawBe && !form.endsWith('ing')) passive = true;
  return { first: j + 1, negated, passive, modality };
}

export function isQuestion(a: Analysis, sentIndex: number): boolean {
  const s = a.sentences[sentIndex]!;
  return /\?["'”’)]*\s*$/.test(a.text.slice(s.start, s.end));
}
