// The article as marked-up text. Spans may overlap (a quote across part of an actor's name, a verb inside a quote):
// the markup is built from the sorted list of span boundaries with a stack of open elements, closing and reopening
// elements where spans cross, so the result is always properly nested. No string insertion, no HTML parsing.
import { el } from './common.js';

const LAYER = { sentence: 0, quote: 1, actor: 2, verb: 3 };

/** Collects the spans to mark in a Document; `tint(actor)` is the background of an actor (an entity or a reference to one). */
export function documentSpans(doc, tint = () => null) {
  const spans = [];
  for (const s of doc.sentences ?? []) {
    const cls = [s.kind === 'opinion' ? 'opinion' : '', s.section === 'headline' ? 'headline' : ''].filter(Boolean).join(' ');
    if (cls) spans.push({ start: s.start, end: s.end, layer: LAYER.sentence, key: `s:${s.index}`, cls, title: s.kind === 'opinion' ? 'opinion (not counted as an event report)' : null });
  }
  (doc.quotes ?? []).forEach((q, i) => {
    const who = q.speaker ? `${q.speaker.name}${q.speaker.code ? ` (${q.speaker.code})` : ''}` : 'speaker unknown';
    spans.push({ start: q.start, end: q.end, layer: LAYER.quote, key: `q:${i}`, cls: 'quote', title: `quote, speaker: ${who}` });
  });
  const refs = new Set();
  for (const e of doc.actors ?? []) {
    for (const m of e.mentions) {
      const key = `r:${m.start}:${m.end}`;
      if (refs.has(key)) continue;
      refs.add(key);
      spans.push({ start: m.start, end: m.end, layer: LAYER.actor, key, cls: 'actor', title: `${e.name} (${e.code ?? 'no code'})`, color: tint(e), country: e.country });
    }
  }
  const verbs = new Map();
  for (const ev of doc.events ?? []) {
    for (const a of [ev.source, ev.target]) {
      const key = a ? `r:${a.start}:${a.end}` : null;
      if (a && !refs.has(key)) {
        refs.add(key);
        spans.push({ start: a.start, end: a.end, layer: LAYER.actor, key, cls: 'actor ref', title: `${a.name} (${a.code ?? 'no code'})`, color: tint(a) });
      }
    }
    const key = `v:${ev.verb.start}:${ev.verb.end}`;
    const v = verbs.get(key) ?? { start: ev.verb.start, end: ev.verb.end, layer: LAYER.verb, key, cls: 'verb', tips: [], events: [] };
    v.tips.push(`${ev.code} ${ev.name}${ev.negated ? ' (negated)' : ''}`);
    v.events.push(ev.id);
    verbs.set(key, v);
  }
  for (const v of verbs.values()) spans.push({ ...v, title: v.tips.join('; '), tip: v.tips.join('; ') });
  return spans;
}

function makeElement(span, piece) {
  const e = el('span', { class: `${span.cls}${piece ? ' cont' : ''}`, 'data-key': span.key, title: span.title ?? null });
  if (span.color) e.style.backgroundColor = span.color;
  if (span.country) e.dataset.country = span.country;
  if (span.tip) e.dataset.tip = span.tip;
  if (span.events) e.dataset.events = span.events.join(' ');
  return e;
}

/** Renders `text` with `spans` ({start, end, layer, key, cls, ...}) into `container`. */
export function renderMarkup(container, text, spans) {
  const ok = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.end > s.start);
  const points = [...new Set([0, text.length, ...ok.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const startsAt = new Map();
  for (const s of ok) {
    const list = startsAt.get(s.start) ?? [];
    list.push(s);
    startsAt.set(s.start, list);
  }
  for (const list of startsAt.values()) list.sort((a, b) => b.end - a.end || a.layer - b.layer);
  const root = document.createDocumentFragment();
  const stack = [];
  const top = () => (stack.length ? stack[stack.length - 1].node : root);
  const open = (span, piece) => {
    const node = makeElement(span, piece);
    top().append(node);
    stack.push({ span, node });
  };
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const first = stack.findIndex((x) => x.span.end <= p);
    if (first >= 0) {
      const reopen = stack.slice(first).filter((x) => x.span.end > p).map((x) => x.span);
      stack.length = first;
      for (const s of reopen) open(s, true);
    }
    for (const s of startsAt.get(p) ?? []) open(s, false);
    const next = points[i + 1];
    if (next !== undefined && next > p) top().append(text.slice(p, next));
  }
  container.replaceChildren(root);
}

/** Marks the evidence of an event (verb, source, target) with the `highlight` class and scrolls to it. */
export function highlightEvent(container, ev) {
  for (const n of container.querySelectorAll('.highlight')) n.classList.remove('highlight');
  if (!ev) return;
  const keys = [`v:${ev.verb.start}:${ev.verb.end}`];
  if (ev.source) keys.push(`r:${ev.source.start}:${ev.source.end}`);
  if (ev.target) keys.push(`r:${ev.target.start}:${ev.target.end}`);
  let first = null;
  for (const key of keys) {
    for (const n of container.querySelectorAll(`[data-key="${key}"]`)) {
      n.classList.add('highlight');
      first ??= n;
    }
  }
  first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
