import type { SectionKind } from '../document/types.js';
import type { SentenceSpan, Tokens } from './tokens.js';
import { findBlocks, type Block } from './sections.js';
import { tokenize } from './nlp.js';

/** A sentence as segmentation finds it: its span, tokens and section. */
export interface SegmentedSentence extends SentenceSpan {
  section: SectionKind;
}

/** A run-on sentence split at punctuation: how many tokens it had, and its span. */
export interface LongSplit {
  tokens: number;
  start: number;
  end: number;
}

export interface Segmented {
  blocks: Block[];
  tokens: Tokens;
  sentences: SegmentedSentence[];
  /** The first sentence too long to keep whole, or null. */
  split: LongSplit | null;
}

/** Paragraphs with their sections, tokens, and sentences that never cross a paragraph. */
export function segmentText(text: string, hasTitle: boolean, hints: Block[] | null): Segmented {
  const blocks = hints && hints.length ? mergeHints(findBlocks(text, hasTitle), hints) : findBlocks(text, hasTitle);
  const { tokens, sentences } = tokenize(text);
  const out: SegmentedSentence[] = [];
  let b = 0;
  const { pieces, split } = splitLong(sentences, tokens);
  for (const [first, last] of pieces) {
    let s = first;
    while (s < last) {
      while (b < blocks.length && blocks[b]!.end <= tokens.start[s]!) b++;
      const block = blocks[b];
      let e = s + 1;
      while (e < last && (!block || tokens.start[e]! < block.end)) e++;
      if (block && tokens.start[s]! >= block.start) {
        out.push({ first: s, last: e, start: tokens.start[s]!, end: tokens.end[e - 1]!, section: block.section });
      }
      s = e;
    }
  }
  out.forEach((sent, index) => tokens.sent.fill(index, sent.first, sent.last));
  return { blocks, tokens, sentences: out, split };
}

/** Most tokens a sentence keeps whole. */
export const MAX_SENTENCE_TOKENS = 120;

/** Break run-on "sentences" (a 3 MB line with no full stop) at punctuation so later stages stay linear. */
function splitLong(sentences: Array<[number, number]>, t: Tokens): { pieces: Array<[number, number]>; split: LongSplit | null } {
  const out: Array<[number, number]> = [];
  let split: LongSplit | null = null;
  for (const [first, last] of sentences) {
    if (last - first <= MAX_SENTENCE_TOKENS) {
      out.push([first, last]);
      continue;
    }
    split ??= { tokens: last - first, start: t.start[first]!, end: t.end[last - 1]! };
    let s = first;
    while (s < last) {
      let e = Math.min(last, s + MAX_SENTENCE_TOKENS);
      if (e < last) {
        let k = e - 1;
        while (k > s + MAX_SENTENCE_TOKENS / 2 && !/^[,;:—–)]$/.test(t.lower[k]!)) k--;
        if (k > s + MAX_SENTENCE_TOKENS / 2) e = k + 1;
      }
      out.push([s, e]);
      s = e;
    }
  }
  return { pieces: out, split };
}

/** Markup-given sections (an HTML h1, figcaption, blockquote) override the guessed ones. */
function mergeHints(blocks: Block[], hints: Block[]): Block[] {
  return blocks.map((b) => {
    const h = hints.find((x) => x.start <= b.start && x.end >= b.end);
    return h ? { ...b, section: h.section } : b.section === 'headline' ? { ...b, section: 'body' } : b;
  });
}
