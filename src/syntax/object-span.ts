import { POS, type Tokens } from '../language/tokens.js';
import { CLAUSE_OPENERS } from '../language/closed-class.js';

/** Where a verb's objects and complements stop: the stretch of its clause after the verb. */

/**
 * The end of the clause that starts at `from` (right after a verb), where its objects and complements stop:
 * the next finite verb, relative pronoun (`relatives`) or clause punctuation, else the sentence's end `last`.
 * A verb in `continuing` (the lexicon's continuingWords: "including", "backed") does not end it.
 */
export function objectSpanEnd(t: Tokens, from: number, last: number, relatives: ReadonlySet<string>, continuing: ReadonlySet<string>): number {
  for (let j = from; j < last; j++) {
    const w = t.lower[j]!;
    if (w === ';' || w === ':' || w === '—' || w === '–') return j;
    // ", while 67 people were abducted": a subordinate clause after a comma is another clause.
    if (w === ',' && j > from && CLAUSE_OPENERS.has(t.lower[j + 1] ?? '')) return j;
    // A gerund right after the verb or a preposition continues the clause ("admitted killing X", "accused of spying on X").
    const gerund = w.endsWith('ing') && (j === from || t.pos[j - 1] === POS.ADP || t.lower[j - 1] === 'of');
    // "threatened to cut aid to Egypt": the infinitive complement holds the target.
    const infinitive = t.lower[j - 1] === 'to' && j <= from + 2;
    // "written guarantees": a participle before a noun modifies it.
    const participle =
      /(ed|en)$/.test(w) &&
      (t.pos[j - 1] === POS.DET ||
        t.pos[j - 1] === POS.ADJ ||
        t.pos[j - 1] === POS.NUM ||
        (j === from && (t.pos[j + 1] === POS.NOUN || t.pos[j + 1] === POS.PROPN)));
    // "rejected calls for": a plural noun the tagger took for a verb right after a verb.
    const plural = w.endsWith('s') && t.pos[j - 1] === POS.VERB;
    if (t.pos[j] === POS.VERB && !continuing.has(w) && !gerund && !infinitive && !participle && !plural) return j;
    if (relatives.has(w) && j > from && (t.pos[j + 1] === POS.VERB || t.pos[j + 1] === POS.AUX)) return j;
  }
  return last;
}
