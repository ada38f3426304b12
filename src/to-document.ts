import type { Analysis, EventWork, Mention, QuoteWork, TokenRange } from './analysis.js';
import type { Actor, Document, Event, Quote } from './document/types.js';
import { CASUS_VERSION } from './version.js';

/** The contract's Actor for a mention, without its phrase (a speaker). */
function speakerActor(a: Analysis, m: Mention): Actor {
  return {
    id: a.entities[m.entity]!.id,
    text: a.text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    code: m.code,
    country: m.country,
    sector: m.sector,
    name: m.name,
  };
}

/** The contract's Actor for an event's source or target: the mention and its noun phrase. */
function eventActor(a: Analysis, m: Mention, ph: TokenRange): Actor {
  const ps = a.tokens.start[ph.first]!;
  const pe = a.tokens.end[ph.last - 1]!;
  return { ...speakerActor(a, m), phrase: { text: a.text.slice(ps, pe), start: ps, end: pe } };
}

function toQuote(a: Analysis, q: QuoteWork): Quote {
  const t = a.tokens;
  return {
    start: q.start,
    end: q.end,
    text: a.text.slice(q.start, q.end),
    direct: q.direct,
    cue: q.cue >= 0 ? { text: t.value[q.cue]!, start: t.start[q.cue]!, end: t.end[q.cue]! } : null,
    speaker: q.speaker === null ? null : speakerActor(a, a.mentions[q.speaker]!),
  };
}

function toEvent(a: Analysis, e: EventWork, n: number): Event {
  const c = e.cameo;
  const pl = a.lexicon.plover.get(c.code);
  const verbStart = a.tokens.start[e.trigger.first]!;
  const verbEnd = a.tokens.end[e.trigger.last - 1]!;
  return {
    id: `${a.id}#${n + 1}`,
    doc: a.id,
    sentence: e.sentence,
    code: c.code,
    root: c.root,
    name: c.name,
    quad: c.quad,
    penta: c.penta,
    goldstein: c.goldstein,
    plover: pl ? { type: pl.type, mode: pl.mode, context: pl.context } : null,
    source: e.source === null ? null : eventActor(a, a.mentions[e.source]!, e.sourcePhrase!),
    target: e.target === null ? null : eventActor(a, a.mentions[e.target]!, e.targetPhrase!),
    reciprocal: e.pattern.reciprocal,
    verb: { text: a.text.slice(verbStart, verbEnd), start: verbStart, end: verbEnd },
    negated: e.negated,
    modality: e.modality,
    attribution: { kind: e.voice.kind, speaker: e.voice.speaker === null ? null : speakerActor(a, a.mentions[e.voice.speaker]!) },
    date: e.when.date,
    datePrecision: e.when.precision,
    dateFrom: e.when.from,
    dateSpan: e.when.span,
    location: e.location,
    pattern: e.pattern.id,
    confidence: e.confidence,
  };
}

/** The contract Document of an analysis: the only place where Events, Actors, Quotes and the actor list are made. */
export function toDocument(a: Analysis): Document {
  // Noun phrases no dictionary knows are listed as actors only when an event or quote uses them.
  const used = new Set<number>();
  for (const e of a.events) for (const m of [e.source, e.target, e.voice.speaker]) if (m !== null) used.add(a.mentions[m]!.entity);
  for (const q of a.quotes) if (q.speaker !== null) used.add(a.mentions[q.speaker]!.entity);
  return {
    schemaVersion: '1',
    id: a.id,
    url: a.url,
    source: a.source,
    date: a.date,
    title: a.title,
    language: 'en',
    casusVersion: CASUS_VERSION,
    dictionaryVersion: a.lexicon.version,
    text: a.text,
    sentences: a.sentences.map((s) => ({
      index: s.index,
      start: s.start,
      end: s.end,
      text: a.text.slice(s.start, s.end),
      section: s.section,
      kind: s.kind,
      subjective: s.subjective,
    })),
    actors: a.entities
      .filter((e, id) => e.mentions.length > 0 && ((e.kind !== 'unknown' && e.code !== null) || used.has(id)))
      .map((e) => ({
        id: e.id,
        name: e.name,
        code: e.code,
        country: e.country,
        sector: e.sector,
        mentions: e.mentions.map((m) => {
          const mention = a.mentions[m]!;
          return { start: mention.start, end: mention.end, text: a.text.slice(mention.start, mention.end) };
        }),
      })),
    quotes: a.quotes.map((q) => toQuote(a, q)),
    events: a.events.map((e, n) => toEvent(a, e, n)),
    messages: a.messages,
  };
}
