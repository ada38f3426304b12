import type { Analysis } from '../analysis.js';
import type { Tokens } from '../language/tokens.js';
import type { SubjectivityCue } from '../lexicon/lexicon.js';
import { longestMatch, newPath, type TrieNode, type TriePath, type TrieWalk } from '../lexicon/trie.js';
import type { CueHit } from './cue.js';
import { quotedTokens } from './quoted.js';
import { shapeScore } from './shape.js';

/** A sentence scoring this much or more is subjective: one usually evaluative cue in the writer's voice, or two weaker ones. */
export const SUBJECTIVE_AT = 1.5;

export type { CueHit } from './cue.js';

/** Cue kinds that speak for the writer only outside quotation marks ("we must", "you see"). */
const WRITER_ONLY = new Set(['reader-address', 'generic-one']);

/** A cue inside quotation marks is the quoted speaker's judgement: it counts this share of its weight. */
export const QUOTED_SHARE = 0.5;

/** The walk of a subjectivity cue: hyphen tokens are skipped, as dictionary phrases drop them ("ill-conceived"). */
function cueWalk(t: Tokens): TrieWalk<SubjectivityCue> {
  return {
    child: (next, j) => next.get(t.lower[j]!),
    skip: (j) => t.lower[j] === '-',
    accept: () => true,
  };
}

/** Per-document scratch of the scoring: the trie walk's path, and the lexicon cues and negative kinds met in the sentence being scored. */
export interface CueScratch {
  path: TriePath;
  seen: Set<TrieNode<SubjectivityCue>>;
  negative: Set<string>;
}

export const newCueScratch = (): CueScratch => ({ path: newPath(), seen: new Set(), negative: new Set() });

/**
 * The cues of tokens [first, last): each distinct lexicon cue once (a negative kind, a sign of reporting,
 * once per kind), then the cues of the sentence's shape (imperative, question, figures, superlatives).
 * `quoted` marks the document's tokens inside quotation marks (computed when not given).
 */
export function subjectivityCues(trie: TrieNode<SubjectivityCue>, t: Tokens, first: number, last: number, text: string, quoted?: Uint8Array): CueHit[] {
  const hits: CueHit[] = [];
  scoreCues(trie, t, first, last, text, quoted ?? quotedTokens(t, text), hits, newCueScratch());
  return hits;
}

/**
 * The weights of the cues of subjectivityCues summed in its order (so the score is the same number),
 * each cue also pushed to `hits` when given; with null nothing is allocated.
 */
function scoreCues(
  trie: TrieNode<SubjectivityCue>,
  t: Tokens,
  first: number,
  last: number,
  text: string,
  inQuote: Uint8Array,
  hits: CueHit[] | null,
  scratch: CueScratch,
): number {
  let score = 0;
  const { seen, negative } = scratch;
  if (seen.size) seen.clear();
  if (negative.size) negative.clear();
  const walk = cueWalk(t);
  for (let i = first; i < last; i++) {
    const found = longestMatch(trie, i, last, walk, scratch.path);
    if (!found) continue;
    const { node, end } = found;
    const start = i;
    i = end - 1;
    if (seen.has(node)) continue;
    seen.add(node);
    const e = node.entries![0]!;
    // "we", "you" in quotation marks are the speaker's; capitalized inside a sentence they are a name ("US", a title).
    if (WRITER_ONLY.has(e.kind) && (inQuote[start] || (start > first && t.cap[start] && t.value[start] !== 'I'))) continue;
    if (e.weight < 0) {
      if (negative.has(e.kind)) continue;
      negative.add(e.kind);
    }
    const weight = inQuote[start] ? e.weight * QUOTED_SHARE : e.weight;
    score += weight;
    if (hits) hits.push({ kind: e.kind, weight, first: start, last: end });
  }
  return shapeScore(t, first, last, text, inQuote, score, hits);
}

/** Stage: mark each sentence `subjective` when it evaluates, judges, predicts or advises (the voice stage reads it). */
export function subjectivity(a: Analysis): void {
  const t = a.tokens;
  const quoted = quotedTokens(t, a.text);
  const scratch = newCueScratch();
  for (const s of a.sentences) s.subjective = scoreCues(a.lexicon.subjectivity, t, s.first, s.last, a.text, quoted, null, scratch) >= SUBJECTIVE_AT;
}
