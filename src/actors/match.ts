import type { ActorEntry } from '../lexicon/lexicon.js';
import { longestMatch, newPath, type TrieNode, type TriePath, type TrieWalk } from '../lexicon/trie.js';
import { POS, type Tokens } from '../language/tokens.js';

export interface Piece {
  first: number;
  last: number;
  entry: ActorEntry;
}

const PRIORITY: Record<ActorEntry['kind'], number> = { person: 6, org: 5, country: 4, capital: 3, demonym: 2, agent: 1 };

function caseOk(t: Tokens, first: number, e: ActorEntry, path: TriePath): boolean {
  if (e.caseMode === 0) return true;
  if (e.caseMode === 1) return t.cap[first] === 1 || /^\d/.test(t.value[first]!);
  for (let k = 0; k < path.length; k++) {
    const want = e.surface[k];
    const v = t.value[path.tokens[k]!]!;
    if (want !== undefined && (v.includes('’') || v.includes('‘') ? v.replace(/[’‘]/g, "'") : v) !== want) return false;
  }
  return true;
}

/** The walk of an actor name: glued hyphens skipped, each node's entries read by case and kind (the best one kept in `chosen`). */
class ActorWalk implements TrieWalk<ActorEntry> {
  chosen: ActorEntry | null = null;
  constructor(
    private readonly t: Tokens,
    private readonly to: number,
  ) {}

  child(next: Map<string, TrieNode<ActorEntry>>, j: number): TrieNode<ActorEntry> | undefined {
    return childOf(next, this.t.lower[j]!);
  }

  /** Skip hyphens glued to words on both sides, so "Abdul-Mahdi" and "Abdul Mahdi" match alike. */
  skip(j: number): boolean {
    const { lower, start, end } = this.t;
    return lower[j] === '-' && start[j] === end[j - 1] && j + 1 < this.to && start[j + 1] === end[j];
  }

  accept(node: TrieNode<ActorEntry>, path: TriePath): boolean {
    let chosen: ActorEntry | null = null;
    for (const e of node.entries!) {
      if (!caseOk(this.t, path.tokens[0]!, e, path)) continue;
      if (!chosen || PRIORITY[e.kind] > PRIORITY[chosen.kind]) chosen = e;
    }
    if (chosen) this.chosen = chosen;
    return chosen !== null;
  }
}

/**
 * Longest dictionary matches in tokens [from, to), left to right. Hyphen tokens inside
 * a name are skipped, so "Abdul-Mahdi" and "Abdul Mahdi" match alike.
 */
export function matchActors(trie: TrieNode<ActorEntry>, t: Tokens, from: number, to: number, path: TriePath = newPath()): Piece[] {
  const out: Piece[] = [];
  if (!trie.next) return out;
  const walk = new ActorWalk(t, to);
  let i = from;
  while (i < to) {
    // No actor's name starts with punctuation.
    if (t.pos[i] === POS.PUNCT) {
      i++;
      continue;
    }
    const found = longestMatch(trie, i, to, walk, path);
    if (found) {
      out.push({ first: i, last: found.end, entry: walk.chosen! });
      i = found.end;
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
