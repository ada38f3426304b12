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
