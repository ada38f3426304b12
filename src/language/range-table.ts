/**
 * A hash table from a stretch of text to a value, looked up without cutting the stretch out of the text: the
 * tokenizer hashes each white-space-free piece while it scans for its end (FNV-1a over UTF-16 code units), so a
 * known piece costs one probe and one comparison in place, with no new string.
 */
export const HASH_START = 0x811c9dc5;
export const hashStep = (h: number, c: number): number => Math.imul(h ^ c, 16777619);

export class RangeTable<T> {
  private keys: Array<string | null>;
  private values: Array<T | null>;
  /** The generation before the last reset: entries still in use move back from it on their next lookup. */
  private oldKeys: Array<string | null>;
  private oldValues: Array<T | null>;
  private readonly mask: number;
  private readonly max: number;
  private count = 0;

  /**
   * Room for `max` entries. When full, the table starts a new generation (it is a cache): the previous one is
   * still consulted on a miss, so pieces in common use survive and only those unused for a generation are lost.
   */
  constructor(max: number) {
    let size = 1024;
    while (size < max * 2) size *= 2;
    this.mask = size - 1;
    this.max = max;
    this.keys = new Array<string | null>(size).fill(null);
    this.values = new Array<T | null>(size).fill(null);
    this.oldKeys = new Array<string | null>(size).fill(null);
    this.oldValues = new Array<T | null>(size).fill(null);
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for text[start, end) whose hash is `h`, or undefined. */
  get(text: string, start: number, end: number, h: number): T | undefined {
    const len = end - start;
    const keys = this.keys;
    let p = h & this.mask;
    for (;;) {
      const k = keys[p];
      if (k === null) return this.fromOld(text, start, len, h);
      if (k!.length === len && text.startsWith(k!, start)) return this.values[p]!;
      p = (p + 1) & this.mask;
    }
  }

  private fromOld(text: string, start: number, len: number, h: number): T | undefined {
    const keys = this.oldKeys;
    let p = h & this.mask;
    for (;;) {
      const k = keys[p];
      if (k === null) return undefined;
      if (k!.length === len && text.startsWith(k!, start)) {
        const v = this.oldValues[p]!;
        this.set(k!, h, v);
        return v;
      }
      p = (p + 1) & this.mask;
    }
  }

  /** Store `value` for `key` (not present yet) whose hash is `h`. */
  set(key: string, h: number, value: T): void {
    if (this.count >= this.max) {
      const k = this.oldKeys;
      const v = this.oldValues;
      this.oldKeys = this.keys;
      this.oldValues = this.values;
      this.keys = k.fill(null);
      this.values = v.fill(null);
      this.count = 0;
    }
    let p = h & this.mask;
    while (this.keys[p] !== null) p = (p + 1) & this.mask;
    this.keys[p] = key;
    this.values[p] = value;
    this.count++;
  }
}
