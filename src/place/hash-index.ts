/**
 * A string index over many rows in two typed arrays (bucket heads and chain links): far less memory and
 * garbage than a Map of arrays, built in one quick pass (or read ready-made from a packed file). Rows sharing a key
 * are all found, in row order.
 */
export class HashIndex {
  /** `matches(row, key)`: the row's key is `key` (the index keeps no keys of its own). */
  constructor(
    readonly head: Int32Array,
    readonly next: Int32Array,
    private readonly matches: (row: number, key: string) => boolean,
  ) {}

  /** Chains over `rows` rows; `keyOf(row)` is the row's key, or null to leave it out. */
  static chains(rows: number, keyOf: (row: number) => string | null): { head: Int32Array; next: Int32Array } {
    let size = 1;
    while (size < rows * 1.5) size <<= 1;
    const head = new Int32Array(size).fill(-1);
    const next = new Int32Array(rows).fill(-1);
    for (let i = rows - 1; i >= 0; i--) {
      const k = keyOf(i);
      if (k === null) continue;
      const b = hash(k) & (size - 1);
      next[i] = head[b]!;
      head[b] = i;
    }
    return { head, next };
  }

  /** Every row whose key is `key`. */
  find(key: string, out: number[] = []): number[] {
    for (let i = this.head[hash(key) & (this.head.length - 1)]!; i >= 0; i = this.next[i]!) if (this.matches(i, key)) out.push(i);
    return out;
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
