import type { ActorEntry } from '../lexicon/lexicon.js';
import type { TrieNode } from '../lexicon/trie.js';
import { POS, type Tokens } from '../language/tokens.js';

export interface Piece {
  first: number;
  last: number;
  entry: ActorEntry;
}

const PRIORITY: Record<ActorEntry['kind'], number> = { person: 6, org: 5, country: 4, capital: 3, demonym: 2, agent: 1 };

function caseOk(t: Tokens, first: number, e: ActorEntry, idx: number[]): boolean {
  if (e.caseMode === 0) return true;
  if (e.caseMode === 1) return t.cap[first] === 1 || /^\d/.test(t.value[first]!);
  for (let k = 0; k < idx.length; k++) {
    const want = e.surface[k];
    const v = t.value[idx[k]!]!;
    if (want !== undefined && (v.includes('’') || v.includes('‘') ? v.replace(/[’‘]/g, "'") : v) !== want) return false;
  }
  return true;
}

/**
 * Longest dictionary matches in tokens [from, to), left to right. Hyphen tokens inside
 * a name are skipped, so "Abdul-Mahdi" and "Abdul Mahdi" match alike.
 */
/** Token indices of the current match, reused across calls (no array per token). */
const idx: number[] = [];

export function matchActors(trie: TrieNode<ActorEntry>, t: Tokens, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let i = from;
  while (i < to) {
    // No actor's name starts with punctuation.
    if (t.pos[i] === POS.PUNCT) {
      i++;
      continue;
    }
    let node = trie;
    let j = i;
    let best: Piece | null = null;
    idx.length = 0;
    while (j < to && node.next) {
      let key = t.lower[j]!;
      if (key === '-' && idx.length > 0 && t.start[j] === t.end[j - 1] && j + 1 < to && t.start[j + 1] === t.end[j]) {
        j++;
        continue;
      }
      // "U.S" at a sentence end loses its final period to the tokenizer.
      let child = node.next.get(key);
      if (!child && key.endsWith('.') === false && key.includes('.')) child = node.next.get(`${key}.`);
      if (!child) break;
      node = child;
      idx.push(j);
      j++;
      if (node.entries) {
        let chosen: ActorEntry | null = null;
        for (const e of node.entries) {
          if (!caseOk(t, i, e, idx)) continue;
          if (!chosen || PRIORITY[e.kind] > PRIORITY[chosen.kind]) chosen = e;
        }
        if (chosen) best = { first: i, last: j, entry: chosen };
      }
      key = '';
    }
    if (best) {
      out.push(best);
      i = best.last;
    } else i++;
  }
  return out;
}
