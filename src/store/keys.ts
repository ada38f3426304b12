/** Keys of stored documents: text normalisation and hashes (document key without an id, reprint detection). */
import { createHash } from 'node:crypto';
import type { InputDoc } from '../document/types.js';

/** How many normalised characters decide that two documents are the same article (a reprint). */
export const HEAD_CHARS = 2000;

/** Text as compared between outlets: Unicode-normalised, lower case, plain quotes and dashes, single spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 20);

/** The full-text hash and the head hash (first HEAD_CHARS normalised characters), null for an empty text. */
export function textHashes(text: string): { text: string | null; head: string | null } {
  const n = normalizeText(text);
  if (!n) return { text: null, head: null };
  return { text: hash(n), head: hash(n.slice(0, HEAD_CHARS)) };
}

/**
 * Whether the reader made up the id (`FILE:LINE` for a JSONL line without "id"). Such documents are keyed by
 * the hash of their text instead, so that the same line read from another file or place is the same document.
 */
export function hasOwnId(doc: InputDoc): boolean {
  const o = doc.origin;
  return !(o?.line !== undefined && doc.id === `${o.file}:${o.line}`);
}

/** The key a document is stored under: its own id, or `text:HASH` of its normalised text (or HTML). */
export function storeKey(doc: InputDoc): string {
  if (hasOwnId(doc)) return doc.id;
  return `text:${hash(normalizeText(doc.text ?? doc.html ?? ''))}`;
}
