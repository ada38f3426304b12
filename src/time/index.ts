/** The time layer on its own, for callers and tests that have text but no coded event. */
import { tokenize } from '../language/nlp.js';
import type { Precision } from './calendar.js';
import { splitClauses } from '../syntax/clauses.js';
import { findTimeExpressions } from './expressions.js';
import { governing } from '../syntax/govern.js';

export { dateEvents } from './stage.js';
export { findTimeExpressions, type TimeExpr } from './expressions.js';

export interface FoundDate {
  text: string;
  start: number;
  end: number;
  date: string | null;
  precision: Precision | null;
  impossible: boolean;
}

/** Every time expression of `text`, resolved against the publication date `pub`. */
export function findDates(text: string, pub: string | null): FoundDate[] {
  const { tokens: t } = tokenize(text);
  return findTimeExpressions(t, 0, t.n, pub).map((e) => ({
    text: text.slice(e.start, e.end),
    start: e.start,
    end: e.end,
    date: e.value?.date ?? null,
    precision: e.value?.precision ?? null,
    impossible: e.impossible,
  }));
}

export interface EventDate {
  date: string | null;
  precision: Precision | null;
  from: 'text' | 'publication' | null;
  /** The governing expression's text, or null. */
  text: string | null;
}

/**
 * The date the stage would give an event whose verb is the first token `verb` (lower case) of the first
 * sentence of `text`; the same rules as the pipeline, without needing the event to be coded.
 */
export function dateOfVerb(text: string, pub: string | null, verb: string): EventDate {
  const { tokens: t, sentences } = tokenize(text);
  const [first, last] = sentences[0] ?? [0, t.n];
  let v = first;
  while (v < last && t.lower[v] !== verb) v++;
  const exprs = findTimeExpressions(t, first, last, pub).filter((e) => e.value);
  const k = v < last ? governing(exprs, v, splitClauses(t, first, last)) : -1;
  const e = k >= 0 ? exprs[k]! : null;
  if (e?.value) return { date: e.value.date, precision: e.value.precision, from: 'text', text: text.slice(e.start, e.end) };
  return pub ? { date: pub, precision: 'day', from: 'publication', text: null } : { date: null, precision: null, from: null, text: null };
}
