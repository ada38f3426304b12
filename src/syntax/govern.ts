import { clauseOf, type Clauses } from './clauses.js';

/** Anything found in a sentence that may govern an event: a time or a place expression. */
export interface Governor {
  first: number;
  last: number;
  /** Only these tokens may be governed (a year before a noun: the noun), else null. */
  modifies?: [number, number] | null;
  /** Added to the distance when the expression comes before the verb ("officials in Kabul said ..."). */
  before?: number;
}

/**
 * Pick the expression that governs the event whose verb is token `v`: one that modifies the verb itself,
 * else the nearest in the verb's clause, else the nearest in a main (not subordinate) clause of the same part of the sentence (no ";" between).
 * Returns its index in `list`, or -1.
 */
export function governing<T extends Governor>(list: readonly T[], v: number, clauses: Clauses): number {
  const own = clauseOf(clauses, v);
  let best = -1;
  let bestRank = Infinity;
  // `list` is in text order: start at the verb and walk outwards, no further than REACH tokens,
  // so that a run-on "sentence" of thousands of tokens costs no more per event than a normal one.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.first <= v) lo = mid + 1;
    else hi = mid;
  }
  const consider = (k: number): void => {
    const e = list[k]!;
    let rank: number;
    if (e.modifies) {
      if (v < e.modifies[0] || v >= e.modifies[1]) return;
      rank = -1;
    } else {
      const c = clauseOf(clauses, e.first);
      const distance = v < e.first ? e.first - v : v >= e.last ? v - e.last + 1 + (e.before ?? 0) : 0;
      if (c === own) rank = distance;
      else if (!clauses.sub[c] && clauses.part[c] === clauses.part[own]) rank = 1000 + distance;
      else return;
    }
    if (rank < bestRank || (rank === bestRank && k < best)) {
      bestRank = rank;
      best = k;
    }
  };
  for (let k = lo - 1; k >= 0 && v - list[k]!.last < REACH; k--) consider(k);
  for (let k = lo; k < list.length && list[k]!.first - v < REACH; k++) consider(k);
  return best;
}

/** How far (in tokens) from its verb an expression may govern it. */
const REACH = 80;
