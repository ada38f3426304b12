import type { Analysis } from './analysis.js';
import { message } from './analysis.js';
import type { Block } from './language/sections.js';
import { MAX_SENTENCE_TOKENS, segmentText } from './language/segment.js';
import { documentSyntax } from './syntax/document.js';

/** Stage: paragraphs with their sections, tokens, sentences that never cross a paragraph, and their syntax (made on first use). */
export function segment(a: Analysis, hints: Block[] | null): void {
  const { blocks, tokens, sentences, split } = segmentText(a.text, Boolean(a.input.title), hints);
  a.blocks = blocks;
  a.tokens = tokens;
  if (split) {
    const text = `a sentence of ${split.tokens} tokens was split at punctuation into pieces of at most ${MAX_SENTENCE_TOKENS}`;
    message(a, { level: 'info', code: 'sentence-split', text, start: split.start, end: split.end, stage: 'segment' });
  }
  a.sentences = sentences.map((s, index) => ({ index, ...s, kind: 'reported', subjective: false }));
  a.syntax = documentSyntax(tokens, a.sentences);
}
