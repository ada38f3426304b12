import { POS, type Tokens } from '../language/tokens.js';
import { PARTICIPLE_OPENERS, PREPOSITIONAL_PARTICIPLES } from '../language/closed-class.js';

/**
 * An -ing verb that opens an adverbial clause ("..., killing five people", "after storming the base") has
 * no subject of its own: it shares the subject of the clause's main verb. Returns that verb, or -1.
 */
export function mainVerbOfParticiple(t: Tokens, v: number, groupFirst: number, sentFirst: number): number {
  if (groupFirst !== v || !t.lower[v]!.endsWith('ing') || v <= sentFirst) return -1;
  if (!PARTICIPLE_OPENERS.has(t.lower[v - 1]!)) return -1;
  for (let k = v - 2; k >= sentFirst; k--) {
    if (t.lower[k] === ';' || t.lower[k] === ':') return -1;
    if (t.pos[k] === POS.VERB && !PREPOSITIONAL_PARTICIPLES.has(t.lower[k]!)) return k;
  }
  return -1;
}

/**
 * "warplanes supported by Russia", "the army, backed by drones,": a past participle right after a noun (or
 * after a noun and a comma), with no auxiliary and followed by "by", is a passive that modifies the noun.
 * Returns the noun's last token, or -1.
 */
export function reducedPassive(t: Tokens, v: number, groupFirst: number, phraseEnd: number, sentFirst: number): number {
  if (groupFirst !== v || v <= sentFirst || phraseEnd !== v + 1 || t.lower[phraseEnd] !== 'by') return -1;
  const w = t.lower[v]!;
  if (w === t.lemma[v] || w.endsWith('s') || w.endsWith('ing')) return -1;
  const n = t.lower[v - 1] === ',' ? v - 2 : v - 1;
  return n >= sentFirst && (t.pos[n] === POS.NOUN || t.pos[n] === POS.PROPN) ? n : -1;
}
