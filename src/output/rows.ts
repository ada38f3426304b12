import type { Document, Event } from '../document/types.js';

export type Ontology = 'cameo' | 'plover';

export interface ViewOptions {
  includeOpinion: boolean;
  ontology: Ontology;
}

/** The events a table or TSV shows: negated events are not counted; opinion only on request. */
export function countedEvents(doc: Document, opts: ViewOptions): Event[] {
  return doc.events.filter((e) => !e.negated && (opts.includeOpinion || e.attribution.kind !== 'opinion'));
}

export const eventType = (e: Event, ontology: Ontology): string =>
  ontology === 'plover' ? (e.plover ? [e.plover.type, e.plover.mode].filter(Boolean).join('/') : '-') : e.code;
