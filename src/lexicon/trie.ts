/** A token trie: keys are sequences of lower-cased tokens, values are lists of entries. */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  entries: T[] | null;
}

export const newNode = <T>(): TrieNode<T> => ({ next: null, entries: null });

export function trieInsert<T>(root: TrieNode<T>, keys: string[], entry: T): void {
  let node = root;
  for (const k of keys) {
    if (!node.next) node.next = new Map();
    let child = node.next.get(k);
    if (!child) {
      child = newNode<T>();
      node.next.set(k, child);
    }
    node = child;
  }
  (node.entries ??= []).push(entry);
}

/** Split a phrase like the tokenizer: hyphens between words dropped, a trailing possessive split off. */
function phraseParts(phrase: string): string[] {
  const out: string[] = [];
  for (const piece of phrase.replace(/[’‘]/g, "'").split(/\s+/)) {
    if (!piece) continue;
    for (const part of piece.split(/(?<=\w)-(?=\w)/)) {
      const m = /^(.+?)('s)$/i.exec(part);
      if (m && m[1]!.length > 1 && !/^[A-Z]\.$/.test(m[1]!)) out.push(m[1]!, "'s");
      else out.push(part);
    }
  }
  return out;
}

/**
 * The tokens casus matches a dictionary phrase on: lower-cased, curly apostrophes straightened,
 * hyphens dropped (the matcher skips hyphen tokens too), a trailing possessive split off.
 */
export function phraseKeys(phrase: string): string[] {
  return phraseParts(phrase).map((p) => p.toLowerCase());
}

/** The original-case tokens of a phrase, aligned with phraseKeys (for exact-case matching). */
export function phraseSurface(phrase: string): string[] {
  return phraseParts(phrase);
}

/** How a longest-match walk reads the tokens: which child a token leads to, which tokens it steps over, which matches count. */
export interface TrieWalk<T> {
  /** The child of `next` that token j leads to, if any. */
  child(next: Map<string, TrieNode<T>>, j: number): TrieNode<T> | undefined;
  /** Is token j (never the first) stepped over inside a phrase, as a hyphen? */
  skip(j: number): boolean;
  /** Does the phrase ending at a node with entries count as a match? `path` holds its tokens. */
  accept(node: TrieNode<T>, path: TriePath): boolean;
}

/** The walk's scratch: the tokens of the phrase walked so far, in the first `length` slots (reused, never shortened). */
export interface TriePath {
  tokens: number[];
  length: number;
}

export const newPath = (): TriePath => ({ tokens: [], length: 0 });

/** The longest phrase of the trie starting at token `first` and ending before `to`, as its node and end (exclusive). */
export interface TrieMatch<T> {
  node: TrieNode<T>;
  end: number;
}

/** The longest match starting at token `first` that the walk accepts, or null. */
export function longestMatch<T>(root: TrieNode<T>, first: number, to: number, walk: TrieWalk<T>, path: TriePath): TrieMatch<T> | null {
  let node = root;
  let j = first;
  let best: TrieMatch<T> | null = null;
  path.length = 0;
  while (node.next) {
    if (j > first) while (j < to && walk.skip(j)) j++;
    if (j >= to) break;
    const child = walk.child(node.next, j);
    if (!child) break;
    node = child;
    path.tokens[path.length++] = j;
    j++;
    if (node.entries && walk.accept(node, path)) best = { node, end: j };
  }
  return best;
}
