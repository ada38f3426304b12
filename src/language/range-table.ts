/**
 * A hash table from a stretch of text to a value, looked up without cutting the stretch out of the text: the
 * tokenizer hashes each white-space-free piece while it scans for its end (FNV-1a over UTF-16 code units), so a
 * known piece costs one probe and one comparison in place, with no new string.
 *
 * It is a cache, with the one eviction rule of casus's process-wide caches (language/nlp.ts): it holds up to `max`
 * entries in its current generation; when that is full, a new generation starts and the previous one is still
 * consulted on a miss, so entries in common use move forward and only those unused for a whole generation are lost.
 */
export const HASH_START = 0x811c9dc5;
export const hashStep = (h: number, c: number): number => Math.imul(h ^ c, 16777619);

/** The hash of a whole string, as the tokenizer computes it for a piece of text. */
export function hashOf(s: string): number {
  let h = HASH_START;
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

/** Entries a process-wide cache keeps per generation. */
export const CACHE_GENERATION = 50_000;

/** One generation: open addressing with linear probing, grown by doubling (it starts small: most runs are short). */
class Generation<T> {
  readonly keys: Array<string | null>;
  readonly values: Array<T | null>;
  readonly hashes: Int32Array;
  readonly mask: number;
  count = 0;

  constructor(size: number) {
    this.mask = size - 1;
    this.keys = new Array<string | null>(size).fill(null);
    this.values = new Array<T | null>(size).fill(null);
    this.hashes = new Int32Array(size);
  }

  /** Slot of text[start, start + len) with hash `h`, or -1. */
  find(text: string, start: number, len: number, h: number): number {
    const keys = this.keys;
    let p = h & this.mask;
    for (;;) {
      const k = keys[p];
      if (k === null) return -1;
      if (k!.length === len && text.startsWith(k!, start)) return p;
      p = (p + 1) & this.mask;
    }
  }

  insert(key: string, h: number, value: T): void {
    let p = h & this.mask;
    while (this.keys[p] !== null) p = (p + 1) & this.mask;
    this.keys[p] = key;
    this.values[p] = value;
    this.hashes[p] = h;
    this.count++;
  }

  /** The same entries in a table twice the size. */
  grown(): Generation<T> {
    const g = new Generation<T>(this.keys.length * 2);
    for (let p = 0; p < this.keys.length; p++) if (this.keys[p] !== null) g.insert(this.keys[p]!, this.hashes[p]!, this.values[p]!);
    return g;
  }
}

export class RangeTable<T> {
  private current = new Generation<T>(1024);
  private previous: Generation<T> | null = null;

  /** Room for `max` entries per generation. */
  constructor(private readonly max: number = CACHE_GENERATION) {}

  get size(): number {
    return this.current.count;
  }

  /** The value stored for text[start, end) whose hash is `h`, or undefined. */
  get(text: string, start: number, end: number, h: number): T | undefined {
    const g = this.current;
    const p = g.find(text, start, end - start, h);
    if (p >= 0) return g.values[p]!;
    const old = this.previous;
    if (old === null) return undefined;
    const q = old.find(text, start, end - start, h);
    if (q < 0) return undefined;
    const v = old.values[q]!;
    this.set(old.keys[q]!, h, v);
    return v;
  }

  /** Store `value` for `key` (not present yet) whose hash is `h`. */
  set(key: string, h: number, value: T): void {
    if (this.current.count >= this.max) {
      this.previous = this.current;
      this.current = new Generation<T>(1024);
    } else if ((this.current.count + 1) * 2 > this.current.keys.length) this.current = this.current.grown();
    this.current.insert(key, h, value);
  }
}
