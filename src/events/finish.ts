import type { Analysis } from '../analysis.js';
import type { Modality } from '../document/types.js';
import type { CompiledPattern } from '../lexicon/lexicon.js';
import type { Words } from '../lexicon/words.js';
import { POS } from '../language/tokens.js';
import { phraseOf } from '../actors/phrase.js';
import { moodCode, type Mood } from './mood.js';

/** An event found in the text, before doubles are dropped and it becomes a contract Event. */
export interface Draft {
  sentence: number;
  pattern: CompiledPattern;
  verbFirst: number;
  verbLast: number;
  source: number | null;
  target: number | null;
  negated: boolean;
  modality: Modality;
  nominal: boolean;
  /** Announced ("will release") or demanded ("must release") rather than done. */
  mood?: Mood;
}

/** The draft's CAMEO code before negation: the pattern's, changed by the mood. */
const draftCode = (d: Draft, words: Words): string => moodCode(d.pattern.code, d.mood ?? null, words);

/** Words that may stand between a verb and its object noun: "the", "its", "new", "two". */
const OBJECT_LEAD = new Set([POS.DET, POS.PRON, POS.ADJ, POS.NUM]);

/** The key of a draft's event for doubles: CAMEO root, the two sides' countries (or codes), negation. */
function dyadKey(a: Analysis, d: Draft): string {
  const lex = a.lexicon;
  const cameo = lex.cameo.get(draftCode(d, lex.words)) ?? lex.cameo.get(d.pattern.code)!;
  const sourceKey = d.source === null ? '-' : (a.mentions[d.source]!.country ?? a.mentions[d.source]!.code);
  const targetKey = d.target === null ? '-' : (a.mentions[d.target]!.country ?? a.mentions[d.target]!.code);
  return `${cameo.root}|${sourceKey}|${targetKey}|${d.negated}`;
}

/**
 * "provide aid to": the noun inside a verb's own phrase is that verb's event, not a second one; so is the noun
 * right after it ("lifted its sanctions on X", "condemned the attack on Y"): it is what the verb acts on.
 * Marks those tokens.
 */
function verbPhraseTokens(a: Analysis, drafts: Draft[]): Uint8Array {
  const t = a.tokens;
  const consumed = new Uint8Array(t.value.length);
  for (const x of drafts) {
    if (x.nominal) continue;
    for (let j = x.verbFirst + 1; j < x.verbLast; j++) consumed[j] = 1;
    for (let j = x.verbLast; j <= x.verbLast + 4 && j < consumed.length && t.sent[j] === x.sentence; j++) {
      consumed[j] = 1;
      if (!OBJECT_LEAD.has(t.pos[j]!) && t.lower[j] !== "'s") break;
    }
  }
  return consumed;
}

/** The drafts that are no doubles (same sentence, root and dyad; a headline or caption repeating the body), in text order. */
function keptDrafts(a: Analysis, drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  const bodyDyads = new Set<string>();
  for (const d of drafts) if (a.sentences[d.sentence]!.section === 'body' || a.sentences[d.sentence]!.section === 'blockquote') bodyDyads.add(dyadKey(a, d));
  // Verb events before nominal ones, so a verb and its own noun ("launched an attack on") code once.
  const ordered = [...drafts].sort((x, y) => x.sentence - y.sentence || Number(x.nominal) - Number(y.nominal) || x.verbFirst - y.verbFirst);
  const kept: Draft[] = [];
  const consumed = verbPhraseTokens(a, drafts);
  for (const d of ordered) {
    if (d.nominal && consumed[d.verbFirst] === 1) continue;
    const key = dyadKey(a, d);
    const sentenceKey = `${d.sentence}|${key}`;
    if (seen.has(sentenceKey)) continue;
    const section = a.sentences[d.sentence]!.section;
    if ((section === 'headline' || section === 'caption') && bodyDyads.has(key)) continue;
    seen.add(sentenceKey);
    kept.push(d);
  }
  return kept.sort((x, y) => x.sentence - y.sentence || x.verbFirst - y.verbFirst);
}

/** Turn drafts into events: doubles dropped, negated cooperation turned into refusal, confidence set. */
export function finishEvents(a: Analysis, drafts: Draft[]): void {
  const lex = a.lexicon;
  const REFUSALS = lex.words.refusals;
  const kept = keptDrafts(a, drafts);
  for (const d of kept) {
    // A cooperative act the text says did not happen is a refusal ("will not lift sanctions" is 1244).
    const refusal =
      d.negated && d.modality !== 'question'
        ? (REFUSALS[d.pattern.code] ?? REFUSALS[d.pattern.code.slice(0, 3)] ?? REFUSALS[d.pattern.code.slice(0, 2)])
        : undefined;
    const cameo = lex.cameo.get(refusal ?? draftCode(d, lex.words)) ?? lex.cameo.get(d.pattern.code);
    if (!cameo) continue;
    if (refusal) d.negated = false;
    const source = d.source === null ? null : a.mentions[d.source]!;
    const target = d.target === null ? null : a.mentions[d.target]!;
    let confidence = 0.45 + (source ? 0.15 : 0) + (target ? 0.15 : 0) + Math.min(0.1, d.pattern.specificity * 0.02);
    if (source && !source.inferred && source.strong) confidence += 0.05;
    if (target && !target.inferred && target.strong) confidence += 0.05;
    if (d.nominal) confidence -= 0.1;
    a.events.push({
      sentence: d.sentence,
      pattern: d.pattern,
      cameo,
      trigger: { first: d.verbFirst, last: d.verbLast },
      source: d.source,
      target: d.target,
      sourcePhrase: source ? phraseOf(a, source) : null,
      targetPhrase: target ? phraseOf(a, target) : null,
      negated: d.negated,
      modality: d.modality,
      voice: { kind: 'reported', speaker: null },
      when: { date: a.date, precision: a.date ? 'day' : null, from: a.date ? 'publication' : null, span: null },
      location: null,
      confidence: Math.round(Math.min(0.95, confidence) * 100) / 100,
    });
  }
}
