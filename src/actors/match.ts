import type { ActorEntry } from '../lexicon/lexicon.js';
import type { TrieNode } from '../lexicon/trie.js';
import { POS, type Tokens } from '../language/tokens.js';

export interface Piece {
  first: number;
  last: number;
  entry: ActorEntry;
}

const PRIORITY: Record<ActorEntry['kind'], number> = { person: 6, org: 5, country: 4, capital: 3, demonym: 2, agent: 1 };

function caseOk(t: Tokens, first: number, e: ActorEntry, idx: number[], n: number): boolean {
  if (e.caseMode === 0) return true;
  if (e.caseMode === 1) return t.cap[first] === 1 || /^\d/.test(t.value[first]!);
  for (let k = 0; k < n; k++) {
    const want = e.surface[k];
    const v = t.value[idx[k]!]!;
    if (want !== undefined && (v.includes('’') || v.includes('‘') ? v.replace(/[’‘]/g, "'") : v) !== want) return false;
  }
  return true;
}

/**
 * Token indices of the current match in its first `n` slots, reused across calls (no array per token;
 * it is never shortened, since emptying an array frees its storage and the next push allocates anew).
 */
const idx: number[] = [];

/**
 * Longest dictionary matches in tokens [from, to), left to right. Hyphen tokens inside
 * a name are skipped, so "Abdul-Mahdi" and "Abdul Mahdi" match alike.
 */
export function matchActors(trie: TrieNode<ActorEntry>, t: Tokens, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  const root = trie.next;
  if (!root) return out;
  const { pos, lower, start, end } = t;
  let i = from;
  while (i < to) {
    // No actor's name starts with punctuation; most words start none (one lookup, then on).
    if (pos[i] === POS.PUNCT) {
      i++;
      continue;
    }
    let node = childOf(root, lower[i]!);
    if (!node) {
      i++;
      continue;
    }
    let j = i + 1;
    let best: Piece | null = null;
    let n = 0;
    idx[n++] = i;
    for (;;) {
      if (node.entries) {
        let chosen: ActorEntry | null = null;
        for (const e of node.entries) {
          if (!caseOk(t, i, e, idx, n)) continue;
          if (!chosen || PRIORITY[e.kind] > PRIORITY[chosen.kind]) chosen = e;
        }
        if (chosen) best = { first: i, last: j, entry: chosen };
      }
      if (!node.next) break;
      // Skip hyphens glued to words on both sides.
      while (j < to && lower[j] === '-' && start[j] === end[j - 1] && j + 1 < to && start[j + 1] === end[j]) j++;
      if (j >= to) break;
      const child = childOf(node.next, lower[j]!);
      if (!child) break;
      node = child;
      idx[n++] = j;
      j++;
    }
    if (best) {
      out.push(best);
      i = best.last;
    } else i++;
  }
  return out;
}

/** The child for one token; "U.S" at a sentence end loses its final period to the tokenizer. */
function childOf(next: Map<string, TrieNode<ActorEntry>>, key: string): TrieNode<ActorEntry> | undefined {
  const child = next.get(key);
  if (child !== undefined || key.charCodeAt(key.length - 1) === 46 || !key.includes('.')) return child;
  return next.get(`${key}.`);
}
