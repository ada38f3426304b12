/** One coded Document as rows of the store's tables, appended with DuckDB appenders. */
import { dateValue, type DuckDBAppender } from '@duckdb/node-api';
import type { Document, Event } from '../document/types.js';

type Kind = 's' | 'i' | 'd' | 'b' | 'date' | 'default';
export type Cell = [Kind, string | number | boolean | null];

const DAY_MS = 86_400_000;

function appendCell(ap: DuckDBAppender, [kind, v]: Cell): void {
  if (kind === 'default') return ap.appendDefault();
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return ap.appendNull();
  switch (kind) {
    case 's':
      return ap.appendVarchar(String(v));
    case 'i':
      return ap.appendInteger(Number(v));
    case 'd':
      return ap.appendDouble(Number(v));
    case 'b':
      return ap.appendBoolean(Boolean(v));
    case 'date': {
      const ms = Date.parse(`${String(v)}T00:00:00Z`);
      return Number.isNaN(ms) ? ap.appendNull() : ap.appendDate(dateValue(Math.round(ms / DAY_MS)));
    }
  }
}

export function appendRow(ap: DuckDBAppender, cells: Cell[]): void {
  for (const c of cells) appendCell(ap, c);
  ap.endRow();
}

export interface DocMeta {
  key: string;
  textHash: string | null;
  headHash: string | null;
  article: string;
  html: string | null;
}

export function documentRow(doc: Document, m: DocMeta): Cell[] {
  return [
    ['s', m.key],
    ['s', m.textHash],
    ['s', m.headHash],
    ['s', m.article],
    ['s', doc.source],
    ['s', doc.url],
    ['s', doc.title],
    ['date', doc.date],
    ['s', doc.casusVersion],
    ['s', doc.dictionaryVersion],
    ['s', m.html],
    ['s', JSON.stringify(doc)],
    ['i', doc.events.length],
    ['default', null],
  ];
}

export function entityRows(doc: Document, key: string): Cell[][] {
  return doc.actors.map((e) => [
    ['s', key],
    ['s', e.id],
    ['s', e.name],
    ['s', e.code],
    ['s', e.country],
    ['s', e.sector],
    ['i', e.mentions.length],
  ]);
}

/** The place of an event as a merge key: "COUNTRY" for a country-level place, "COUNTRY/Name" otherwise. */
export function placeKey(e: Event): string | null {
  const l = e.location;
  if (!l) return null;
  return l.precision === 'country' && l.country ? l.country : `${l.country ?? ''}/${l.name}`;
}

export function eventRows(doc: Document, m: DocMeta): Cell[][] {
  return doc.events.map((e) => [
    ['s', m.key],
    ['s', e.id],
    ['i', e.sentence],
    ['s', doc.sentences[e.sentence]?.text ?? null],
    ['date', e.date],
    ['s', e.datePrecision],
    ['s', e.code],
    ['s', e.root],
    ['s', e.name],
    ['i', e.quad],
    ['i', e.penta],
    ['d', e.goldstein],
    ['s', e.source?.code ?? null],
    ['s', e.source?.name ?? null],
    ['s', e.target?.code ?? null],
    ['s', e.target?.name ?? null],
    ['b', e.reciprocal],
    ['b', e.negated],
    ['b', e.attribution.kind === 'opinion'],
    ['s', e.modality],
    ['s', placeKey(e)],
    ['s', e.location?.country ?? null],
    ['d', e.location?.lat ?? null],
    ['d', e.location?.lon ?? null],
    ['d', e.confidence],
    ['s', doc.source],
    ['s', m.article],
  ]);
}
