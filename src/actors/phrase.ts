import type { Analysis, Mention } from '../analysis.js';
import { nounPhraseAround, type TokenRange } from '../syntax/noun-phrase.js';

/**
 * The whole noun phrase an actor mention stands in, as a reader would quote it (see syntax/noun-phrase.ts):
 * the mention together with the actors coordinated with it, or a pronoun's antecedent.
 * Computed only for the actors that events report, so a few token walks per event.
 */

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
  return nounPhraseAround(t, first, last, sent.first, sent.last);
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
