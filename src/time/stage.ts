import type { Analysis } from '../analysis.js';
import { message } from '../analysis.js';
import { syntaxOf } from '../syntax/document.js';
import { findTimeExpressions, type TimeExpr } from './expressions.js';
import { governing } from '../syntax/govern.js';

/**
 * Stage: date each event from the time expression that governs it (same sentence, preferably the same
 * clause), else from the publication date. Impossible dates in the text are reported and skipped.
 */
export function dateEvents(a: Analysis): void {
  const t = a.tokens;
  if (!t) return;
  // Every sentence is scanned (a cheap pass over its tokens) so that impossible dates are reported
  // even where no event is coded; clauses are split only where an event needs them.
  const exprs: TimeExpr[][] = a.sentences.map((sent) => {
    const found = findTimeExpressions(t, sent.first, sent.last, a.date);
    for (const e of found) {
      if (!e.impossible) continue;
      message(a, {
        level: 'warning',
        code: 'date-impossible',
        stage: 'time',
        start: e.start,
        end: e.end,
        text: `'${a.text.slice(e.start, e.end)}' is not a real date; it was not used`,
      });
    }
    return found.filter((e) => e.value !== null);
  });
  const syntax = syntaxOf(a);
  for (const ev of a.events) {
    const sent = a.sentences[ev.sentence];
    if (!sent) continue;
    const found = exprs[ev.sentence] ?? [];
    const k = found.length ? governing(found, ev.trigger.first, syntax.clauses(ev.sentence)) : -1;
    const e = k >= 0 ? found[k]! : null;
    if (e?.value) ev.when = { date: e.value.date, precision: e.value.precision, from: 'text', span: { start: e.start, end: e.end } };
    else if (a.date) ev.when = { date: a.date, precision: 'day', from: 'publication', span: null };
    else ev.when = { date: null, precision: null, from: null, span: null };
  }
}
