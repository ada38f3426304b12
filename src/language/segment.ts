import type { Analysis, SentenceWork } from '../analysis.js';
import { message } from '../analysis.js';
import type { Tokens } from './tokens.js';
import { findBlocks, type Block } from './sections.js';
import { tokenize } from './nlp.js';

/** Stage: paragraphs with their sections, tokens, and sentences that never cross a paragraph. */
export function segment(a: Analysis, hints: Block[] | null): void {
  a.blocks = hints && hints.length ? mergeHints(findBlocks(a.text, Boolean(a.input.title)), hints) : findBlocks(a.text, Boolean(a.input.title));
  const { tokens, sentences } = tokenize(a.text);
  a.tokens = tokens;
  const out: SentenceWork[] = [];
  let b = 0;
  const blocks = a.blocks;
  for (const [first, last] of splitLong(sentences, tokens, a)) {
    let s = first;
    while (s < last) {
      while (b < blocks.length && blocks[b]!.end <= tokens.start[s]!) b++;
      const block = blocks[b];
      let e = s + 1;
      while (e < last && (!block || tokens.start[e]! < block.end)) e++;
      if (block && tokens.start[s]! >= block.start) {
        out.push({
          index: out.length, first: s, last: e, start: tokens.start[s]!, end: tokens.end[e - 1]!,
          section: block.section, kind: 'reported', subjective: false,
        });
      }
      s = e;
    }
  }
  for (const sent of out) tokens.sent.fill(sent.index, sent.first, sent.last);
  a.sentences = out;
}

const MAX_SENTENCE_TOKENS = 120;

/** Break run-on "sentences" (a 3 MB line with no full stop) at punctuation so later stages stay linear. */
function splitLong(sentences: Array<[number, number]>, t: Tokens, a: Analysis): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let warned = false;
  for (const [first, last] of sentences) {
    if (last - first <= MAX_SENTENCE_TOKENS) {
      out.push([first, last]);
      continue;
    }
    if (!warned) {
      message(a, { level: 'info', code: 'sentence-split', text: `a sentence of ${last - first} tokens was split at punctuation into pieces of at most ${MAX_SENTENCE_TOKENS}`, start: t.start[first]!, end: t.end[last - 1]!, stage: 'segment' });
      warned = true;
    }
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
  return out;
}

/** Markup-given sections (an HTML h1, figcaption, blockquote) override the guessed ones. */
function mergeHints(blocks: Block[], hints: Block[]): Block[] {
  return blocks.map((b) => {
    const h = hints.find((x) => x.start <= b.start && x.end >= b.end);
    return h ? { ...b, section: h.section } : b.section === 'headline' ? { ...b, section: 'body' } : b;
  });
}
