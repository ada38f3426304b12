import type { Analysis, SentenceWork } from '../analysis.js';
import { findBlocks, type Block } from './sections.js';
import { tokenize } from './nlp.js';

/** Stage: paragraphs with their sections, tokens, and sentences that never cross a paragraph. */
export function segment(a: Analysis, hints: Block[] | null): void {
  a.blocks = hints && hints.length ? mergeHints(findBlocks(a.text, Boolean(a.input.title)), hints) : findBlocks(a.text, Boolean(a.input.title));
  const { tokens, sentences } = tokenize(a.text);
  a.tokens = tokens;
  a.mentionAt = new Int32Array(tokens.n).fill(-1);
  const out: SentenceWork[] = [];
  let b = 0;
  const blocks = a.blocks;
  for (const [first, last] of sentences) {
    let s = first;
    while (s < last) {
      while (b < blocks.length && blocks[b]!.end <= tokens.start[s]!) b++;
      const block = blocks[b];
      let e = s + 1;
      while (e < last && (!block || tokens.start[e]! < block.end)) e++;
      if (block && tokens.start[s]! >= block.start) {
        out.push({
          index: out.length, first: s, last: e, start: tokens.start[s]!, end: tokens.end[e - 1]!,
          section: block.section, kind: 'reported', subjective: false, speaker: null,
        });
      }
      s = e;
    }
  }
  for (const sent of out) tokens.sent.fill(sent.index, sent.first, sent.last);
  a.sentences = out;
}

/** Markup-given sections (an HTML h1, figcaption, blockquote) override the guessed ones. */
function mergeHints(blocks: Block[], hints: Block[]): Block[] {
  return blocks.map((b) => {
    const h = hints.find((x) => x.start <= b.start && x.end >= b.end);
    return h ? { ...b, section: h.section } : b.section === 'headline' ? { ...b, section: 'body' } : b;
  });
}
