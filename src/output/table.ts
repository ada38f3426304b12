import type { Document, Event } from '../document/types.js';
import { eventType, type ViewOptions } from './rows.js';

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function row(e: Event, opts: ViewOptions): string[] {
  const flags = [e.negated ? 'NOT' : '', e.modality !== 'asserted' ? e.modality : '', e.reciprocal ? 'mutual' : ''].filter(Boolean).join(',');
  const voice = e.attribution.kind === 'attributed' ? `said:${e.attribution.speaker?.name ?? '?'}` : e.attribution.kind;
  const place = e.location ? `${e.location.name}${e.location.country ? ` (${e.location.country})` : ''}` : '';
  // An actor no dictionary codes shows its words in quotes.
  const who = (a: Event['source']): string => (a ? (a.code ?? `"${a.text}"`) : '-');
  return [
    clip(who(e.source), 14),
    clip(who(e.target), 14),
    eventType(e, opts.ontology),
    clip(opts.ontology === 'plover' ? (e.plover?.context ?? '') : e.name, 34),
    e.goldstein.toFixed(1),
    clip(e.verb.text, 22),
    flags,
    e.date ?? '',
    clip(place, 18),
    clip(voice, 22),
  ];
}

/** A fixed-width table for people: one line per event, shown under a line naming the document. */
export function formatTable(doc: Document, events: Event[], opts: ViewOptions): string {
  const head = [
    'SOURCE',
    'TARGET',
    opts.ontology === 'plover' ? 'PLOVER' : 'CAMEO',
    opts.ontology === 'plover' ? 'CONTEXT' : 'EVENT',
    'GOLD',
    'VERB',
    'FLAGS',
    'DATE',
    'PLACE',
    'VOICE',
  ];
  const rows = events.map((e) => row(e, opts));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]): string =>
    r
      .map((c, i) => (i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const title = `# ${doc.id}${doc.title ? ` — ${clip(doc.title, 70)}` : ''}: ${events.length} event${events.length === 1 ? '' : 's'}`;
  if (!rows.length) return `${title}\n`;
  return [title, fmt(head), ...rows.map(fmt)].join('\n') + '\n';
}
