import type { Analysis } from '../analysis.js';
import { POS, type Tokens } from '../language/tokens.js';
import { phraseContinues } from '../syntax/noun-phrase.js';
import { antecedentStartBefore } from '../syntax/np-runs.js';
import { objectSpanEnd } from '../syntax/object-span.js';
import { subjectSlot, type SlotOptions } from '../syntax/subject.js';
import { mainVerbOfParticiple } from './participle.js';
import { inPrepPhrase } from './phrase.js';
import { verbGroup } from './grammar.js';
import {
  EVENT_SETTING_PREPOSITIONS as LOCATIVE_PREPS,
  POSSESSIVES_OR_OWN as POSSESSIVES,
  PREPOSITIONAL_PARTICIPLES,
  QUOTE_MARK,
  RELATIVIZERS,
} from '../language/closed-class.js';

/** The subject and object finders of the event coder: who does the act of a verb, and to whom. */

/** What the finders read: the analysis, and the mentions of each sentence. */
export interface ArgContext {
  a: Analysis;
  t: Tokens;
  mentions: Analysis['mentions'];
  sentMentions: number[][];
  /** Who made "the request", "the offer", ... (by lemma; '*' for the latest). */
  owners: Map<string, number>;
}

const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'SPY']);

/** The subject slot as the event coder reads it, from the first word of the verb group: past commas and quotation marks. */
const EVENT_SLOT: SlotOptions = {
  skip: 'punctuation',
  quoteMark: QUOTE_MARK,
  relatives: RELATIVIZERS,
  relativeTags: null,
  coordinators: new Set(['and', 'but', 'then']),
  infinitive: false,
};

/** The mentions coordinated with mention m ("X and Y"), or m alone. */
export function groupOf(c: ArgContext, m: number): number[] {
  const { t, mentions, sentMentions } = c;
  const mention = mentions[m]!;
  const s = t.sent[mention.first]!;
  const out = sentMentions[s]!.filter((x) => mentions[x]!.group === mention.group);
  return out.length ? out : [m];
}

/** The mention that is the subject of the verb whose auxiliary chain starts at `groupFirst`. */
export function subjectOf(c: ArgContext, v: number, groupFirst: number, s: number, depth = 0): number | null {
  const { a, t, mentions, sentMentions } = c;
  const sent = a.sentences[s]!;
  // "X stormed the base, killing five", "after striking it": the participle's subject is the main verb's.
  const main = depth < 3 ? mainVerbOfParticiple(t, v, groupFirst, sent.first) : -1;
  if (main >= 0) return subjectOf(c, main, verbGroup(t, main, sent.first).first, s, depth + 1);
  const slot = subjectSlot(t, groupFirst, sent.first, EVENT_SLOT);
  if (slot.kind === 'none') return null;
  const j = slot.at;
  if (slot.kind === 'relative' && depth < 3) {
    // Relative clause: the subject is the antecedent ("the strike that killed", "a resolution that would end").
    let r = j - 1;
    while (r >= sent.first && t.lower[r] === ',') r--;
    const antecedentEnd = r + 1;
    r = antecedentStartBefore(t, r, sent.first, (k) => a.mentionAt[k]! >= 0) - 1;
    const inAntecedent = sentMentions[s]!.filter((m) => mentions[m]!.first > r && mentions[m]!.last <= antecedentEnd);
    const known = inAntecedent.filter((m) => mentions[m]!.kind !== 'unknown');
    if (known.length) {
      const strong = known.filter((m) => mentions[m]!.strong && mentions[m]!.head === antecedentEnd - 1);
      return (strong.length ? strong : known)[known.length && !strong.length ? known.length - 1 : 0]!;
    }
    // "Iran fired a barrage of missiles that hit X": the instrument's user is the governing verb's subject.
    for (let k = r; k >= sent.first; k--) {
      if (t.pos[k] !== POS.VERB) continue;
      // "following a fire that killed 19": a preposition, not the instrument's user.
      if (PREPOSITIONAL_PARTICIPLES.has(t.lower[k]!)) break;
      const up = subjectOf(c, k, verbGroup(t, k, sent.first).first, s, depth + 1);
      if (up !== null && mentions[up]!.kind !== 'unknown') return up;
      break;
    }
    return inAntecedent.length ? inAntecedent[inAntecedent.length - 1]! : null;
  }
  if (slot.kind === 'coordinated' && depth < 3) {
    // "X attacked Y and killed Z": the second verb shares the first one's subject.
    for (let k = j - 1; k >= sent.first; k--) {
      if (t.pos[k] === POS.VERB) return subjectOf(c, k, verbGroup(t, k, sent.first).first, s, depth + 1);
      if (t.lower[k] === ',' || t.lower[k] === ';') break;
    }
  }
  let best: number | null = null;
  let generic: number | null = null;
  for (const m of sentMentions[s]!) {
    const mention = mentions[m]!;
    if (mention.last > groupFirst) continue;
    if (inPrepPhrase(t, mention, sent.first, null)) continue;
    // "the Eurasian Economic Union ( EAEU )": the acronym in brackets is the actor before it.
    if (mention.first >= sent.first + 2 && t.lower[mention.first - 1] === '(' && a.mentionAt[mention.first - 2]! >= 0) continue;
    if (mention.kind === 'unknown') {
      if (generic === null || mention.last > mentions[generic]!.last) generic = m;
      continue;
    }
    if (best === null || mention.last > mentions[best]!.last || (mention.last === mentions[best]!.last && mention.strong)) best = m;
  }
  // A noun phrase no dictionary knows ("a car bomb") is the subject only when it stands right before the verb
  // and no known actor does.
  if (best !== null) return best;
  return generic !== null && phraseContinues(t, mentions[generic]!.last, groupFirst) ? generic : null;
}

/** The end of the clause that starts at `from` (see syntax/object-span.ts). */
export function clauseEnd(c: ArgContext, from: number, s: number): number {
  return objectSpanEnd(c.t, from, c.a.sentences[s]!.last, RELATIVIZERS, c.a.lexicon.words.continuingWords);
}

export function objectOf(c: ArgContext, from: number, s: number, rule: string, source: number | null, reciprocal = false): number | null {
  const { a, t, mentions, sentMentions, owners } = c;
  const end = clauseEnd(c, from, s);
  const sent = a.sentences[s]!;
  let start = from;
  if (rule !== 'object') {
    let k = from;
    while (k < end && t.lemma[k] !== rule && t.lower[k] !== rule) k++;
    if (k >= end) return null;
    start = k + 1;
  }
  const src = source === null ? null : mentions[source]!;
  let placed: number | null = null;
  let generic: number | null = null;
  let recipient: number | null = null;
  for (const m of sentMentions[s]!) {
    const mention = mentions[m]!;
    if (mention.first < start || mention.first >= end) continue;
    if (mention.kind === 'unknown') {
      // The direct object, when no known actor follows: "bombed a hospital", "sued the newspaper".
      const gp = inPrepPhrase(t, mention, start, rule === 'object' ? null : new Set([rule]));
      if (generic === null && !gp) generic = m;
      // "donated supplies to flood victims": the recipient, not the thing given.
      else if (recipient === null && gp === 'to' && generic !== null) recipient = m;
      continue;
    }
    if (src && (mention.entity === src.entity || mention.group === src.group)) continue;
    // "Iraqi sovereignty" after an Iraqi source, or "its migrants": the source's own side is no target.
    if (src && !mention.strong && mention.kind === 'country' && mention.country === src.country) continue;
    // "its troops", "their forces": the source's own.
    if (src && mention.inferred && mention.first > 0 && POSSESSIVES.has(t.lower[mention.first - 1]!)) continue;
    // "Germany pledged tanks", "Kenya sent peacekeepers": a state's own forces are what it moves, not its target.
    if (
      src &&
      mention.inferred &&
      src.country !== null &&
      mention.country === src.country &&
      STATE_SECTORS.has(mention.sector ?? '') &&
      (src.sector === null || STATE_SECTORS.has(src.sector))
    )
      continue;
    const prep = inPrepPhrase(t, mention, start, rule === 'object' ? null : new Set([rule]));
    if (prep && LOCATIVE_PREPS.has(prep)) {
      // A place ("a ceasefire in Sudan") is the target only when nothing else is.
      if (placed === null && prep !== 'despite') placed = m;
      continue;
    }
    return m;
  }
  if (placed !== null && !reciprocal) return placed;
  // "dismissed the request": the request's owner is the target.
  for (let j = start; j < Math.min(end, start + 4); j++) {
    if (
      t.pos[j] === POS.NOUN &&
      a.lexicon.words.ownedActNouns.has(t.lemma[j]!) &&
      (t.lower[j - 1] === 'the' || t.lower[j - 1] === 'this' || t.lower[j - 1] === 'that')
    ) {
      const owner = owners.get(t.lemma[j]!) ?? owners.get('*');
      if (owner !== undefined && (!src || mentions[owner]!.entity !== src.entity)) return owner;
    }
    if (t.pos[j] === POS.VERB) break;
  }
  void sent;
  if (recipient !== null && !reciprocal) return recipient;
  return generic !== null && !reciprocal ? generic : null;
}
