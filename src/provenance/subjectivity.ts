import type { Analysis } from '../analysis.js';
import type { Tokens } from '../language/tokens.js';
import type { SubjectivityCue } from '../lexicon/lexicon.js';
import type { TrieNode } from '../lexicon/trie.js';

/** A sentence scoring this much or more is subjective. */
export const SUBJECTIVE_AT = 2;

/** Sum the weights of the evaluative cues in tokens [first, last): each distinct cue once. */
export function subjectivityScore(trie: TrieNode<SubjectivityCue>, t: Tokens, first: number, last: number, text: string): number {
  let score = 0;
  // Each distinct cue counts once: the trie node that ended the match identifies it.
  let seen: Set<TrieNode<SubjectivityCue>> | null = null;
  for (let i = first; i < last; i++) {
    let node = trie;
    let best: TrieNode<SubjectivityCue> | null = null;
    let bestEnd = i;
    for (let j = i; j < last && node.next; j++) {
      const child = node.next.get(t.lower[j]!) ?? node.next.get(t.lemma[j]!);
      if (!child) break;
      node = child;
      if (node.entries) {
        best = node;
        bestEnd = j + 1;
      }
    }
    if (best) {
      seen ??= new Set();
      if (!seen.has(best)) score += best.entries![0]!.weight;
      seen.add(best);
      i = bestEnd - 1;
    }
  }
  const s = text.slice(t.start[first] ?? 0, t.end[last - 1] ?? 0);
  if (s.includes('!')) score += 1;
  // Scare quotes: a single quoted word or two ("equity").
  if (/[“"][A-Za-z-]+(?: [A-Za-z-]+)?[.,]?[”"]/.test(s)) score += 1;
  // A question the writer asks.
  if (/\?\s*$/.test(s)) score += 1;
  return score;
}

/**
 * Stage: mark each sentence `subjective` when it evaluates, judges, predicts or advises, and give the
 * outlet's own such sentences (not quoted, not attributed) the voice `opinion`; their events follow.
 */
export function subjectivity(a: Analysis): void {
  const t = a.tokens;
  for (const s of a.sentences) {
    const score = subjectivityScore(a.lexicon.subjectivity, t, s.first, s.last, a.text);
    s.subjective = score >= SUBJECTIVE_AT;
    if (s.subjective && s.kind === 'reported' && (s.section === 'body' || s.section === 'headline')) s.kind = 'opinion';
  }
  for (const e of a.events) {
    const s = a.sentences[e.sentence]!;
    if (s.kind === 'opinion') {
      e.attribution.kind = 'opinion';
      e.attribution.speaker = null;
    }
  }
}
