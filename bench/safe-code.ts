/** Code one document and never throw: failures are counted, with the first few messages kept for the report. */
import type { Coder, Document, Event } from '../src/index.js';

export class SafeCoder {
  failures = 0;
  examples: string[] = [];
  constructor(readonly coder: Coder) {}

  code(id: string, text: string): Document | null {
    try {
      return this.coder.code({ id, text, date: null });
    } catch (err) {
      this.failures++;
      if (this.examples.length < 3) this.examples.push(`${id}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 160));
      return null;
    }
  }

  /** Notices for the report: empty when nothing failed. */
  notices(total: number): string[] {
    if (!this.failures) return [];
    return [`the coder threw on ${this.failures} of ${total} documents (counted as no output); e.g. ${this.examples.join(' / ')}`];
  }
}

/** Events that count in the benchmarks: not negated, any voice, in the coder's order. */
export function countedEvents(doc: Document | null): Event[] {
  return doc ? doc.events.filter((e) => !e.negated) : [];
}

/** The highest-confidence counted event (the first one on ties), or null. */
export function topEvent(events: Event[]): Event | null {
  let best: Event | null = null;
  for (const e of events) if (!best || e.confidence > best.confidence) best = e;
  return best;
}
