import type { Analysis } from '../analysis.js';
import { POS, type Tokens } from '../language/tokens.js';
import type { Modality } from '../document/types.js';

/** Word lists the grammar rules consult. Kept here, small, so the rules read as English. */
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'add', 'state', 'claim', 'note', 'insist', 'stress', 'explain', 'write', 'announce', 'report',
  'allege', 'argue', 'assert', 'declare', 'indicate', 'signal', 'confirm', 'suggest', 'acknowledge', 'admit', 'reply',
  'respond', 'remark', 'tweet', 'post', 'contend', 'maintain', 'emphasize', 'emphasise', 'recall', 'believe', 'think',
  'warn', 'predict', 'estimate', 'reveal', 'testify', 'concede', 'complain', 'describe', 'show', 'find', 'conclude',
  'observe', 'caution', 'stress', 'point', 'assure', 'promise', 'vow', 'pledge', 'acknowledge', 'inform', 'brief',
  'testify', 'speculate', 'announce', 'disclose', 'boast', 'joke', 'quip', 'recount',
  'shout', 'chant', 'plead', 'demand', 'ask', 'urge', 'accuse', 'charge', 'deny', 'dispute', 'question', 'criticize',
  'criticise', 'praise', 'agree', 'disagree', 'counter', 'retort', 'interject', 'whisper', 'mention', 'tell',
]);
export const INTENT_VERBS = new Set(['plan', 'intend', 'vow', 'pledge', 'promise', 'prepare', 'aim', 'seek', 'want', 'hope', 'expect', 'decide', 'move', 'set', 'propose', 'offer', 'agree', 'threaten']);
export const REFUSAL_VERBS = new Set(['refuse', 'decline', 'fail', 'reject']);
export const TRY_VERBS = new Set(['try', 'attempt', 'consider', 'weigh']);
export const DIRECTIVE_VERBS = new Set(['demand', 'urge', 'ask', 'call', 'order', 'require', 'push', 'press', 'insist', 'request', 'want', 'force', 'tell', 'allow', 'let', 'help', 'make']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
const FUTURE = new Set(['will', "'ll", 'shall']);
const HYPOTHETICAL = new Set(['would', "'d", 'could', 'might', 'may', 'should', 'must', 'can', 'ca']);
export const RELATIVIZERS = new Set(['that', 'which', 'who', 'whom']);
export const LOCATIVE_PREPS = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'around', 'within', 'into', 'towards', 'toward', 'over', 'along', 'beside', 'despite']);

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
