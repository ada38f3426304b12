import type { Document } from '../document/types.js';
import type { PatternExample, PatternRow } from './types.js';

const prefixOk = (want: string | null, got: string | null | undefined): boolean => want === null || (got ?? '').startsWith(want);

/**
 * Does a coded example sentence show the event its pattern promises? The expected code must be
 * coded (not negated) with a source and target whose codes start with the expected ones.
 * Returns null when it does, else what went wrong.
 */
export function exampleProblem(p: PatternRow, ex: PatternExample, doc: Document): string | null {
  const code = ex.code ?? p.code;
  const events = doc.events.filter((e) => !e.negated);
  const same = events.filter((e) => e.code === code);
  if (!same.length) {
    const got = events.map((e) => `${e.code}(${e.pattern})`).join(', ') || 'no event';
    return `example "${ex.text}" should code ${code}, got ${got}`;
  }
  const ok = same.find((e) => prefixOk(ex.source, e.source?.code) && prefixOk(ex.target, e.target?.code));
  if (ok) return null;
  const e = same[0]!;
  return `example "${ex.text}" codes ${code} as ${e.source?.code ?? '-'} -> ${e.target?.code ?? '-'}, expected ${ex.source ?? '-'} -> ${ex.target ?? '-'}`;
}
