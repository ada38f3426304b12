import type { Tokens } from '../language/tokens.js';

/**
 * One index from a character offset to a token, built once per document. Token starts (and ends) only
 * grow along the text, so each question is one bisection; the running maximum of the ends is built on
 * first use (nothing relies on the ends being sorted).
 */
export interface OffsetIndex {
  /** The first token starting at or after offset `at` (t.n when none). */
  firstStartingFrom(at: number): number;
  /** The token starting at offset `at`, or the last one starting before it (0 when none). */
  tokenAt(at: number): number;
  /** The first token ending after offset `at` (t.n when none). */
  firstEndingAfter(at: number): number;
}

/** The number of leading entries of the ascending `values` below `limit`. */
function countBelow(values: Int32Array, n: number, limit: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Running maximum of the token ends: entry q is the largest end among tokens 0..q. */
function runningMaxEnd(t: Tokens): Int32Array {
  const out = new Int32Array(t.n);
  let max = -1;
  for (let q = 0; q < t.n; q++) out[q] = max = Math.max(max, t.end[q]!);
  return out;
}

export function offsetIndex(t: Tokens): OffsetIndex {
  let maxEnd: Int32Array | null = null;
  return {
    firstStartingFrom: (at) => countBelow(t.start, t.n, at),
    tokenAt: (at) => Math.max(0, countBelow(t.start, t.n, at + 1) - 1),
    firstEndingAfter: (at) => countBelow((maxEnd ??= runningMaxEnd(t)), t.n, at + 1),
  };
}
