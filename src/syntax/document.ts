import type { SentenceSpan, Tokens } from '../language/tokens.js';
import { splitClauses, type Clauses } from './clauses.js';
import { offsetIndex, type OffsetIndex } from './offsets.js';

/**
 * The syntax of one document, shared by every stage: the offset index and each sentence's clauses,
 * each computed once, on first use. It reads only the tokens and sentences, never the stages' results.
 */
export interface Syntax {
  offsets: OffsetIndex;
  /** The clauses of sentence s. */
  clauses(s: number): Clauses;
}

export function documentSyntax(t: Tokens, sentences: readonly SentenceSpan[]): Syntax {
  const clauses: (Clauses | undefined)[] = [];
  return {
    offsets: offsetIndex(t),
    clauses(s) {
      const sent = sentences[s]!;
      return (clauses[s] ??= splitClauses(t, sent.first, sent.last));
    },
  };
}

/** The document's syntax: the one segmentation made (src/segment.ts), or, for tokens segmented elsewhere, one made now and kept. */
export function syntaxOf(a: { tokens: Tokens; sentences: readonly SentenceSpan[]; syntax?: Syntax }): Syntax {
  return (a.syntax ??= documentSyntax(a.tokens, a.sentences));
}
