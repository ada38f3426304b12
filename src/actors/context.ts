import type { Analysis } from '../analysis.js';
import { POS, type Tokens } from '../language/tokens.js';
import type { Piece } from './match.js';
import { LOCATIVE_PREPOSITIONS as LOCATIVE } from '../language/closed-class.js';

/** Where a role word with no country of its own gets one: the article, the place, the institution just named. */

/** Count countries named in the article to find the one it is about. */
export function findMainCountry(a: Analysis, pieces: Piece[][]): string | null {
  const counts = new Map<string, number>();
  const t = a.tokens;
  for (let s = 0; s < pieces.length; s++) {
    const sec = a.sentences[s]!.section;
    const w = sec === 'headline' ? 2 : sec === 'dateline' ? 4 : sec === 'credit' || sec === 'caption' ? 0.5 : 1;
    for (const p of pieces[s]!) {
      const e = p.entry;
      if (e.kind === 'agent' || e.kind === 'person' || !e.country) continue;
      // A country named on its own weighs more than one used as a modifier ("U.S. troops");
      // a place where things happen ("in Iraq", "to Iraq") more still.
      const next = t.pos[p.last];
      const modifier = e.kind === 'demonym' || next === POS.NOUN || next === POS.PROPN || t.lower[p.last] === "'s";
      const prep = p.first > 0 ? t.lower[p.first - 1]! : '';
      const place = LOCATIVE.has(prep) || prep === 'to' || prep === 'from' ? 2 : 0;
      counts.set(e.country, (counts.get(e.country) ?? 0) + w * ((modifier ? 1 : 2) + (e.kind === 'country' ? place : 0)));
    }
  }
  let best: string | null = null;
  let n = 0;
  for (const [c, k] of counts) if (k > n) [best, n] = [c, k];
  return best;
}

/** "in Athens", "from Kabul" right after a phrase: the country of that place. */
export function countryAfterIn(t: Tokens, at: number, end: number, pieces: Piece[], pieceAt: Int32Array): string | null {
  if (t.lower[at] !== 'in' && t.lower[at] !== 'from') return null;
  let j = at + 1;
  if (t.pos[j] === POS.DET) j++;
  if (j >= end || pieceAt[j]! < 0) return null;
  const e = pieces[pieceAt[j]!]!.entry;
  return (e.kind === 'country' || e.kind === 'capital') && e.country ? e.country : null;
}

/** The country of the latest named institution of the same sector in this or the two sentences before. */
export function recentCountry(a: Analysis, s: number, sector: string | null): string | null {
  if (!sector) return null;
  for (let m = a.mentions.length - 1; m >= 0; m--) {
    const candidate = a.mentions[m]!;
    if (s - a.tokens.sent[candidate.first]! > 2) break;
    if (candidate.strong && !candidate.inferred && candidate.country && candidate.sector === sector && candidate.kind !== 'person') return candidate.country;
  }
  return null;
}
