/**
 * Flat token arrays for one document (one array per field, no object per token).
 * Every offset is a UTF-16 index into the document text, end exclusive.
 */
export const POS_TAGS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
  'SPACE',
] as const;
export type PosTag = (typeof POS_TAGS)[number];
export const POS = Object.fromEntries(POS_TAGS.map((t, i) => [t, i])) as Record<PosTag, number>;

export interface Tokens {
  n: number;
  start: Int32Array;
  end: Int32Array;
  pos: Uint8Array;
  /** 1 when the token's first character is an upper-case letter. */
  cap: Uint8Array;
  /** Surface form as in the text. */
  value: string[];
  /** Lower-cased surface form, curly apostrophes straightened. */
  lower: string[];
  lemma: string[];
  /** Index of the sentence holding the token. */
  sent: Int32Array;
}

export interface SentenceSpan {
  start: number;
  end: number;
  /** Token range [first, last) of the sentence. */
  first: number;
  last: number;
}

export const isPos = (t: Tokens, i: number, ...tags: number[]): boolean => i >= 0 && i < t.n && tags.includes(t.pos[i]!);
