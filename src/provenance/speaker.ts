/** Who says so: the grammatical subject of a speech verb, found through the document's mentions. */
import type { Analysis } from '../analysis.js';
import { NO_REFS, entityId, newMention as buildMention } from '../actors/mention.js';
import { POS } from '../language/tokens.js';
import { syntaxOf } from '../syntax/document.js';
import { bareStartBefore, nameRunEnd, nominalRunEnd } from '../syntax/np-runs.js';
import { isAside, subjectSlot, subjectlessParticiple, type SlotOptions } from '../syntax/subject.js';
import {
  DOUBLE_QUOTE_MARK as QUOTE_MARK,
  PERSONAL_SUBJECT_PRONOUNS as SPEAKER_PRONOUNS,
  QUANTIFIER_PRONOUNS as QUANTIFIERS,
  SUBJECT_RELATIVES as RELATIVE_PRONOUNS,
  TIME_HEADS,
} from '../language/closed-class.js';

/** After the name in "…, said Jane Doe": what may follow it. */
const AFTER_INVERTED = new Set([
  '.',
  ',',
  ';',
  '!',
  '?',
  '"',
  '”',
  "''",
  '(',
  '-',
  '—',
  '–',
  'of',
  'who',
  'in',
  'at',
  'on',
  'from',
  'during',
  'after',
  'before',
  'to',
  'when',
  'while',
  'last',
  'this',
  'for',
]);

/** An uncoded mention for tokens [first, last) that refer to no actor casus knows, so they can still be a speaker. */
export function newMention(a: Analysis, first: number, last: number, kind: 'pronoun' | 'unknown'): number {
  const t = a.tokens;
  const entity = a.entities.length;
  const start = t.start[first]!;
  const end = t.end[last - 1]!;
  const name = a.text.slice(start, end);
  const idx = a.mentions.length;
  a.entities.push({ id: entityId(entity), name, code: null, country: null, sector: null, kind, title: null, keys: new Set(), mentions: [idx] });
  const m = buildMention(
    { first, last, start, end, strong: true, inferred: false, head: last - 1, person: null, title: null, refs: NO_REFS, adjective: false },
    null,
    null,
    null,
    name,
    kind,
  );
  m.entity = entity;
  m.group = -1 - idx;
  a.mentions.push(m);
  for (let k = first; k < last; k++) if (a.mentionAt[k]! < 0) a.mentionAt[k] = idx;
  return idx;
}

/**
 * The noun phrase ending at token j, as a mention: the mention there, or a new uncoded one
 * ("the report", "Twelve percent", "independent analyses"). Null when j ends no noun phrase.
 */
export function phraseAt(a: Analysis, j: number, first: number): number | null {
  const t = a.tokens;
  if (j < first) return null;
  const m = a.mentionAt[j]!;
  if (m >= 0) return m;
  if (t.pos[j] === POS.PRON && SPEAKER_PRONOUNS.has(t.lower[j]!)) return newMention(a, j, j + 1, 'pronoun');
  // "Some believe ...", "not everyone agrees ...": a quantifier standing for people.
  if (QUANTIFIERS.has(t.lower[j]!) && (t.pos[j] === POS.PRON || t.pos[j] === POS.DET || t.pos[j] === POS.ADJ || t.pos[j] === POS.NOUN)) {
    return newMention(a, t.lower[j - 1] === 'not' && j > first ? j - 1 : j, j + 1, 'unknown');
  }
  if (t.pos[j] !== POS.NOUN && t.pos[j] !== POS.PROPN && !(t.pos[j] === POS.NUM && t.cap[j])) return null;
  // Back to the determiner, past modifiers and a possessor ("the party's bylaws"), never into another name.
  const k = bareStartBefore(t, j, first, (q) => a.mentionAt[q]! >= 0);
  return newMention(a, k, j + 1, 'unknown');
}

/** Token index of the noun phrase starting at k (after a determiner), or -1. */
export function phraseAfter(a: Analysis, k: number, last: number): number | null {
  const t = a.tokens;
  if (t.pos[k] === POS.DET) k++;
  if (k >= last) return null;
  const m = a.mentionAt[k]!;
  if (m >= 0) return m;
  const e = nominalRunEnd(t, k, last);
  return e < 0 ? null : phraseAt(a, e - 1, k);
}

const RELATIVE_TAGS = new Set<number>([POS.PRON, POS.DET, POS.SCONJ]);

/** The subject slot as the speaker finder reads it: past auxiliaries, adverbs, a bracketed label and asides. */
const speakerSlot = (a: Analysis): SlotOptions => ({
  skip: 'modifiers',
  quoteMark: QUOTE_MARK,
  aside: (s, e) => isAside(a.text, a.tokens, s, e),
  relatives: RELATIVE_PRONOUNS,
  relativeTags: RELATIVE_TAGS,
  coordinators: null,
  infinitive: true,
});

/** The first verb of the sentence outside quotes whose subject can be found: the main clause's speaker. */
export function mainSubject(a: Analysis, first: number, before: number, inQuote: (i: number) => boolean, depth: number): number | null {
  const t = a.tokens;
  for (let k = first; k < before; k++) {
    if (t.pos[k] !== POS.VERB || inQuote(t.start[k]!) || a.mentionAt[k]! >= 0) continue;
    if (/ing$/.test(t.lower[k]!) && (k === first || t.pos[k - 1] !== POS.AUX)) continue;
    const s = subjectOf(a, k, first, inQuote, depth + 1);
    if (s !== null) return s;
  }
  return null;
}

/**
 * The subject of the verb at v: the noun phrase before it, past auxiliaries and adverbs, bracketed
 * party labels ("Rep. Jane Doe (D-Ohio) said") and comma-set asides ("Jane Doe, the party's leader, said");
 * through "who"/"which" to the antecedent; through "and" and "to" to the subject of the first verb;
 * for an adjunct participle (", saying", "before asking") the main clause's subject.
 */
export function subjectOf(a: Analysis, v: number, first: number, inQuote: (i: number) => boolean, depth = 0): number | null {
  const t = a.tokens;
  if (depth > 3) return null;
  const participle = subjectlessParticiple(t, v, first);
  // ", saying ...", "before asking her ...": the participle has the main clause's subject.
  if (participle === 'adjunct') return mainSubject(a, first, v, inQuote, depth);
  // "Writing in the Times, Jane Doe argued ...": an opening participle has the subject of the clause after its comma.
  if (participle === 'opening') {
    let c = v + 1;
    const last = a.sentences[t.sent[v]!]!.last;
    while (c < last && t.value[c] !== ',') c++;
    return c + 1 < last ? mainSubject(a, c + 1, last, inQuote, depth) : null;
  }
  const slot = subjectSlot(t, v, first, speakerSlot(a));
  if (slot.kind === 'none') return null;
  const j = slot.at;
  if (inQuote(t.start[j]!)) return null;
  // "…, who said": the antecedent before the relative pronoun.
  if (slot.kind === 'relative') {
    let k = j - 1;
    if (t.value[k] === ',') k--;
    return phraseAt(a, k, first);
  }
  // "X did Y and said …": the subject of the first verb.
  if (slot.kind === 'coordinated') return mainSubject(a, first, j, inQuote, depth);
  // "X refused to say …": the subject of the verb before "to"; "X asked Y to say …": Y.
  if (slot.kind === 'infinitive') {
    const k = j - 1;
    if (t.pos[k] === POS.VERB || t.pos[k] === POS.ADJ) return subjectOf(a, k, first, inQuote, depth + 1);
    const m = phraseAt(a, k, first);
    if (m !== null) return m;
    return null;
  }
  return pastAdjuncts(a, phraseAt(a, j, first) ?? surnameAt(a, j, first), first);
}

/**
 * "Lynch said", "Loretta Lynch said": a capitalised word the tagger took for a verb or adjective, read as
 * the surname of a person named earlier, or as the end of the name just before it.
 */
function surnameAt(a: Analysis, j: number, first: number): number | null {
  const t = a.tokens;
  if (t.cap[j] !== 1 || (j > first && t.pos[j - 1] === POS.PUNCT && t.value[j - 1] !== ',' && !QUOTE_MARK.test(t.value[j - 1]!))) return null;
  const prev = j > first ? a.mentionAt[j - 1]! : -1;
  if (prev >= 0 && a.mentions[prev]!.kind === 'person' && a.mentions[prev]!.last === j) return prev;
  const m = personNamed(a, t.lower[j]!, t.start[j]!);
  if (m === null) return null;
  const ref = a.mentions[m]!;
  const idx = a.mentions.length;
  const copy = buildMention(
    {
      first: j,
      last: j + 1,
      start: t.start[j]!,
      end: t.end[j]!,
      strong: ref.strong,
      inferred: ref.inferred,
      head: j,
      person: ref.person,
      title: ref.title,
      refs: NO_REFS,
      adjective: ref.adjective,
    },
    ref.code,
    ref.country,
    ref.sector,
    ref.name,
    ref.kind,
  );
  copy.entity = ref.entity;
  copy.group = -1 - idx;
  a.mentions.push(copy);
  a.entities[ref.entity]!.mentions.push(idx);
  a.mentionAt[j] = idx;
  return idx;
}

/**
 * The subject behind adjuncts that stand between it and the verb: a time ("Acme this month announced"),
 * a prepositional phrase ("prosecutors in Ohio charged"), a participle with one ("a poll released in May found").
 */
function pastAdjuncts(a: Analysis, m: number | null, first: number): number | null {
  const t = a.tokens;
  let cur = m;
  for (let step = 0; step < 3 && cur !== null; step++) {
    const mention = a.mentions[cur]!;
    let k = mention.first - 1;
    const time = TIME_HEADS.has(t.lower[mention.last - 1]!) || (mention.last - mention.first === 1 && t.pos[mention.first] === POS.NUM);
    if (k >= first && t.pos[k] === POS.ADP && t.lower[k] !== 'of') k--;
    else if (!time) break;
    while (k >= first && t.pos[k] === POS.ADV) k--;
    if (k >= first && t.pos[k] === POS.VERB && /ed$/.test(t.lower[k]!) && k - 1 >= first && (t.pos[k - 1] === POS.NOUN || t.pos[k - 1] === POS.PROPN)) k--;
    if (k < first || (t.pos[k] !== POS.NOUN && t.pos[k] !== POS.PROPN && a.mentionAt[k]! < 0)) break;
    const before = phraseAt(a, k, first);
    // "officials in Moscow said": an uncoded head keeps the coded actor of its phrase.
    if (before === null || (!time && mention.code !== null && a.mentions[before]!.code === null)) break;
    cur = before;
  }
  return cur;
}

/** The speaker named after the verb: "“…,” said Jane Doe." / "…, said a spokesman for the ministry." */
export function invertedSpeaker(a: Analysis, v: number, last: number): number | null {
  const t = a.tokens;
  if (a.lexicon.words.addresseeVerbs.has(t.lemma[v]!)) return null;
  if (!/^[,"”'’:]$|^''$/.test(t.value[v - 1] ?? '')) return null;
  const m = phraseAfter(a, v + 1, last);
  if (m === null) return null;
  const after = a.mentions[m]!.last;
  if (after < last && !AFTER_INVERTED.has(t.lower[after]!)) return null;
  // "X, an aide, said Thursday morning ...": a time after the verb is no speaker.
  if (TIME_HEADS.has(t.lower[after - 1]!)) return null;
  return m;
}

/** "was written by X": the agent of a passive speech verb. */
export function passiveAgent(a: Analysis, v: number, last: number): number | null {
  const t = a.tokens;
  if (t.lower[v + 1] !== 'by' || v === 0 || (t.pos[v - 1] !== POS.AUX && t.pos[v - 2] !== POS.AUX)) return null;
  return phraseAfter(a, v + 2, last);
}

/** The latest mention, before offset `at`, of a person whose name ends in `word`. */
function personNamed(a: Analysis, word: string, at: number): number | null {
  let best: number | null = null;
  for (let m = 0; m < a.mentions.length; m++) {
    const mention = a.mentions[m]!;
    if (mention.start >= at || mention.kind !== 'person') continue;
    const name = a.entities[mention.entity]!.name.toLowerCase()
      .replace(/[^\p{L}\s-]/gu, '')
      .trim();
    // "Loretta Lynch" where the tagger cut the name before "Lynch" still names her.
    if (name === word || name.endsWith(' ' + word) || a.tokens.lower[mention.last] === word) best = m;
  }
  return best;
}

/**
 * A transcript's speaker label opening the quotation: "“SMITH: We will not ...”". The speaker is the
 * person of that surname named earlier, or the label itself.
 */
export function transcriptLabel(a: Analysis, start: number, end: number): number | null {
  const head = /^\s*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s/.exec(a.text.slice(start, Math.min(end, start + 60)));
  if (!head) return null;
  const label = head[1]!;
  const words = label.toLowerCase().split(' ');
  const known = personNamed(a, words[words.length - 1]!, start);
  if (known !== null) return known;
  const offsets = syntaxOf(a).offsets;
  const first = offsets.firstStartingFrom(start + head.index + head[0].indexOf(label));
  const last = Math.max(first, offsets.firstEndingAfter(start + head[0].lastIndexOf(':')));
  if (last <= first) return null;
  const m = a.mentionAt[first]!;
  return m >= 0 ? m : newMention(a, first, last, 'unknown');
}

/** A name set after the quotation with a dash, as under an epigraph or in a list of reactions: "“...” — Jane Doe". */
export function dashedName(a: Analysis, outerEnd: number): number | null {
  const text = a.text;
  let i = outerEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  if (!/[―—–]/.test(text[i] ?? '')) return null;
  const k = syntaxOf(a).offsets.firstStartingFrom(i + 1);
  if (k >= a.tokens.n || a.tokens.cap[k] !== 1) return null;
  const m = a.mentionAt[k]!;
  const e = m >= 0 ? a.mentions[m]!.last : nameRunEnd(a.tokens, k, 5);
  if (e === k) return null;
  // The name ends its line or sentence.
  const after = text.slice(a.tokens.end[e - 1]!, a.tokens.end[e - 1]! + 2);
  if (!/^(?:[.\n“"]|\s*$|\s[“"]|\s\n)/.test(after) && e < a.tokens.n && !/^[.“"]/.test(a.tokens.value[e]!)) return null;
  return m >= 0 ? m : newMention(a, k, e, 'unknown');
}
