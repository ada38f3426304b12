/**
 * Where a writer puts coded documents: the DuckDB file (duck-sink.ts) or PostgreSQL (pg-sink.ts). Each call that
 * writes is one transaction; writing is idempotent by document key (a document already stored is skipped), so a
 * batch delivered twice stores nothing twice.
 */
import type { Document, InputDoc } from '../document/types.js';
import { textHashes } from './keys.js';
import type { DocMeta } from './rows.js';

/** A coded document with the key it is stored under and its HTML (kept for recoding), if it came as HTML. */
export interface Coded {
  doc: Document;
  key: string;
  html: string | null;
}

export interface Sink {
  readonly path: string;
  /** The keys among `keys` that are stored. */
  storedKeys(keys: string[]): Promise<Set<string>>;
  /** Store new documents in one transaction; documents whose key is stored are skipped. */
  insert(coded: Coded[]): Promise<{ added: number; events: number }>;
  /** Replace stored documents by their recoded version, in one transaction. */
  replace(coded: Coded[]): Promise<number>;
  /** Stored documents coded by another casus or dictionary version. */
  staleIds(casusVersion: string, dictionaryVersion: string): Promise<string[]>;
  /** Stored documents as inputs to code again. */
  storedInputs(ids: string[]): Promise<{ input: InputDoc; html: string | null }[]>;
  /** Flush to disk and close. */
  finish(): Promise<void>;
  close(): void | Promise<void>;
}

/**
 * Article keys of new documents: reprints (same head hash) share the smallest document key among all copies, so
 * that any order of arrival gives the same store. `existing` maps a head hash to the article key stored for it;
 * returns the metas and the article keys to rename (old key -> new, smaller key) in rows already stored.
 */
export function articleKeys(coded: Coded[], existing: Map<string, string>): { metas: DocMeta[]; renames: Map<string, string> } {
  const hashes = coded.map((c) => textHashes(c.doc.text));
  const best = new Map(existing);
  hashes.forEach((h, i) => {
    if (!h.head) return;
    const k = coded[i]!.key;
    const cur = best.get(h.head);
    if (cur === undefined || k < cur) best.set(h.head, k);
  });
  const renames = new Map<string, string>();
  for (const [head, old] of existing) if (best.get(head) !== old) renames.set(old, best.get(head)!);
  const metas = coded.map((c, i) => {
    const h = hashes[i]!;
    return { key: c.key, textHash: h.text, headHash: h.head, article: h.head ? best.get(h.head)! : c.key, html: c.html };
  });
  return { metas, renames };
}

/** The head hashes of a batch, sorted (PostgreSQL locks them in this order). */
export const headsOf = (coded: Coded[]): string[] => [...new Set(coded.map((c) => textHashes(c.doc.text).head).filter((h): h is string => h !== null))].sort();

export const marks = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');
