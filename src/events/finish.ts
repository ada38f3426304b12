import type { Analysis, Mention } from '../analysis.js';
import type { Actor, Modality } from '../document/types.js';
import type { CompiledPattern } from '../lexicon/lexicon.js';
import { phraseOf } from '../actors/phrase.js';

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
}

/** CAMEO's refusal codes for negated cooperation: by code, then by 3-digit family, then by root. */
const REFUSALS: Record<string, string> = {
  '03': '120', '04': '125', '06': '121', '07': '122', '08': '124',
  '081': '1241', '082': '1242', '083': '123', '084': '1243', '085': '1244', '086': '1245', '087': '1246',
  '061': '1211', '062': '1212', '063': '1213', '071': '1221', '072': '1222', '073': '1223', '074': '1224',
  '036': '125', '037': '127', '038': '126', '046': '125', '057': '127',
};

function toActor(a: Analysis, m: Mention): Actor {
  const ph = phraseOf(a, m);
  const ps = a.tokens.start[ph.first]!;
  const pe = a.tokens.end[ph.last - 1]!;
  return {
    id: a.entities[m.entity]!.id,
    text: a.text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    code: m.code,
    country: m.country,
    sector: m.sector,
    name: m.name,
    phrase: { text: a.text.slice(ps, pe), start: ps, end: pe },
  };
}

/** Turn drafts into contract Events: drop doubles (same sentence, root and dyad; headline repeating the body). */
export function finishEvents(a: Analysis, drafts: Draft[]): void {
  const t = a.tokens;
  const lex = a.lexicon;
  const seen = new Set<string>();
  const bodyDyads = new Set<string>();
  const key = (d: Draft): string => {
    const c = lex.cameo.get(d.pattern.code)!;
    const sc = d.source === null ? '-' : a.mentions[d.source]!.country ?? a.mentions[d.source]!.code;
    const tc = d.target === null ? '-' : a.mentions[d.target]!.country ?? a.mentions[d.target]!.code;
    return `${c.root}|${sc}|${tc}|${d.negated}`;
  };
  for (const d of drafts) if (a.sentences[d.sentence]!.section === 'body' || a.sentences[d.sentence]!.section === 'blockquote') bodyDyads.add(key(d));
  // Verb events before nominal ones, so a verb and its own noun ("launched an attack on") code once.
  const ordered = [...drafts].sort((x, y) => x.sentence - y.sentence || Number(x.nominal) - Number(y.nominal) || x.verbFirst - y.verbFirst);
  const kept: Draft[] = [];
  for (const d of ordered) {
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
    const c = lex.cameo.get(refusal ?? d.pattern.code);
    if (!c) continue;
    if (refusal) d.negated = false;
    const src = d.source === null ? null : a.mentions[d.source]!;
    const tgt = d.target === null ? null : a.mentions[d.target]!;
    const pl = lex.plover.get(c.code);
    let confidence = 0.45 + (src ? 0.15 : 0) + (tgt ? 0.15 : 0) + Math.min(0.1, d.pattern.specificity * 0.02);
    if (src && !src.inferred && src.strong) confidence += 0.05;
    if (tgt && !tgt.inferred && tgt.strong) confidence += 0.05;
    if (d.nominal) confidence -= 0.1;
    const vs = t.start[d.verbFirst]!;
    const ve = t.end[d.verbLast - 1]!;
    a.events.push({
      id: `${a.id}#${a.events.length + 1}`,
      doc: a.id,
      sentence: d.sentence,
      code: c.code,
      root: c.root,
      name: c.name,
      quad: c.quad,
      penta: c.penta,
      goldstein: c.goldstein,
      plover: pl ? { type: pl.type, mode: pl.mode, context: pl.context } : null,
      source: src ? toActor(a, src) : null,
      target: tgt ? toActor(a, tgt) : null,
      reciprocal: d.pattern.reciprocal,
      verb: { text: a.text.slice(vs, ve), start: vs, end: ve },
      negated: d.negated,
      modality: d.modality,
      attribution: { kind: 'reported', speaker: null },
      date: a.date,
      datePrecision: a.date ? 'day' : null,
      dateFrom: a.date ? 'publication' : null,
      dateSpan: null,
      location: null,
      pattern: d.pattern.id,
      confidence: Math.round(Math.min(0.95, confidence) * 100) / 100,
    });
  }
}
