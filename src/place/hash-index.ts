/**
 * A string index over many rows in two typed arrays (bucket heads and chain links): far less memory and
 * garbage than a Map of arrays, and built in one quick pass. Rows sharing a key are all found.
 */
export class HashIndex {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly mask: number;

  /** `keyOf(row)` is the row's key, or null to leave it out. */
  constructor(rows: number, private readonly keyOf: (row: number) => string | null) {
    let size = 1;
    while (size < rows * 1.5) size <<= 1;
    this.mask = size - 1;
    this.head = new Int32Array(size).fill(-1);
    this.next = new Int32Array(rows).fill(-1);
    for (let i = rows - 1; i >= 0; i--) {
      const k = keyOf(i);
      if (k === null) continue;
      const b = hash(k) & this.mask;
      this.next[i] = this.head[b]!;
      this.head[b] = i;
    }
  }

  /** Every row whose key is `key`. */
  find(key: string, out: number[] = []): number[] {
    for (let i = this.head[hash(key) & this.mask]!; i >= 0; i = this.next[i]!) if (this.keyOf(i) === key) out.push(i);
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
