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

/** Turn drafts into events: drop doubles (same sentence, root and dyad; headline repeating the body). */
export function finishEvents(a: Analysis, drafts: Draft[]): void {
  const t = a.tokens;
  const lex = a.lexicon;
  const REFUSALS = lex.words.refusals;
  const seen = new Set<string>();
  const bodyDyads = new Set<string>();
  const key = (d: Draft): string => {
    const c = lex.cameo.get(draftCode(d, lex.words)) ?? lex.cameo.get(d.pattern.code)!;
    const sourceKey = d.source === null ? '-' : a.mentions[d.source]!.country ?? a.mentions[d.source]!.code;
    const targetKey = d.target === null ? '-' : a.mentions[d.target]!.country ?? a.mentions[d.target]!.code;
    return `${c.root}|${sourceKey}|${targetKey}|${d.negated}`;
  };
  for (const d of drafts) if (a.sentences[d.sentence]!.section === 'body' || a.sentences[d.sentence]!.section === 'blockquote') bodyDyads.add(key(d));
  // Verb events before nominal ones, so a verb and its own noun ("launched an attack on") code once.
  const ordered = [...drafts].sort((x, y) => x.sentence - y.sentence || Number(x.nominal) - Number(y.nominal) || x.verbFirst - y.verbFirst);
  const kept: Draft[] = [];
  // "provide aid to": the noun inside a verb's own phrase is that verb's event, not a second one; so is the noun
  // right after it ("lifted its sanctions on X", "condemned the attack on Y"): it is what the verb acts on.
  const consumed = new Uint8Array(t.value.length);
  for (const x of drafts) {
    if (x.nominal) continue;
    for (let j = x.verbFirst + 1; j < x.verbLast; j++) consumed[j] = 1;
    for (let j = x.verbLast; j <= x.verbLast + 4 && j < consumed.length && t.sent[j] === x.sentence; j++) {
      consumed[j] = 1;
      if (!OBJECT_LEAD.has(t.pos[j]!) && t.lower[j] !== "'s") break;
    }
  }
  const inVerbPhrase = (d: Draft): boolean => d.nominal && consumed[d.verbFirst] === 1;
  for (const d of ordered) {
    if (inVerbPhrase(d)) continue;
    const k = key(d);
    const sk = `${d.sentence}|${k}`;
    if (seen.has(sk)) continue;
    const section = a.sentences[d.sentence]!.section;
    if ((section === 'headline' || section === 'caption') && bodyDyads.has(k)) continue;
    seen.add(sk);
    kept.push(d);
  }
  kept.sort((x, y) => x.sentence - y.sentence || x.verbFirst - y.verbFirst);
  for (const d of kept) {
    // A cooperative act the text says did not happen is a refusal ("will not lift sanctions" is 1244).
    const refusal = d.negated && d.modality !== 'question' ? REFUSALS[d.pattern.code] ?? REFUSALS[d.pattern.code.slice(0, 3)] ?? REFUSALS[d.pattern.code.slice(0, 2)] : undefined;
    const c = lex.cameo.get(refusal ?? draftCode(d, lex.words)) ?? lex.cameo.get(d.pattern.code);
    if (!c) continue;
    if (refusal) d.negated = false;
    const src = d.source === null ? null : a.mentions[d.source]!;
    const tgt = d.target === null ? null : a.mentions[d.target]!;
    let confidence = 0.45 + (src ? 0.15 : 0) + (tgt ? 0.15 : 0) + Math.min(0.1, d.pattern.specificity * 0.02);
    if (src && !src.inferred && src.strong) confidence += 0.05;
    if (tgt && !tgt.inferred && tgt.strong) confidence += 0.05;
    if (d.nominal) confidence -= 0.1;
    a.events.push({
      sentence: d.sentence,
      pattern: d.pattern,
      cameo: c,
      trigger: { first: d.verbFirst, last: d.verbLast },
      source: d.source,
      target: d.target,
      sourcePhrase: src ? phraseOf(a, src) : null,
      targetPhrase: tgt ? phraseOf(a, tgt) : null,
      negated: d.negated,
      modality: d.modality,
      voice: { kind: 'reported', speaker: null },
      when: { date: a.date, precision: a.date ? 'day' : null, from: a.date ? 'publication' : null, span: null },
      location: null,
      confidence: Math.round(Math.min(0.95, confidence) * 100) / 100,
    });
  }
}
