import type { Analysis } from '../analysis.js';
import { message } from '../analysis.js';

export interface QuoteSpan {
  /** Offsets of the quoted content, marks excluded. */
  start: number;
  end: number;
  /** Offsets including the marks. */
  outerStart: number;
  outerEnd: number;
}

/**
 * Find direct quotations: curly and straight double quotes, quotes running over several
 * paragraphs (the classic open-without-close convention), and quotes that never close
 * (kept up to the paragraph end, with a warning).
 */
/** A straight mark in closing position (after a word or punctuation, before a space or punctuation) closes a curly quote too. */
function closing(text: string, i: number): boolean {
  return i > 0 && !/\s/.test(text[i - 1]!) && (i + 1 >= text.length || /[\s.,;:!?)]/.test(text[i + 1]!));
}

export function findQuoteSpans(a: Analysis): QuoteSpan[] {
  const text = a.text;
  const out: QuoteSpan[] = [];
  let open = -1;
  let openMark = '';
  const blocks = a.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const blk = blocks[b]!;
    for (let i = blk.start; i < blk.end; i++) {
      // Only quotation marks matter: every other character is passed over at once.
      const code = text.charCodeAt(i);
      if (code !== 0x22 && code !== 0x27 && code !== 0x201c && code !== 0x201d) continue;
      const c = text[i]!;
      // Two apostrophes stand for a straight double quote in some wire and newspaper copy: ''We will,'' she said.
      const twin = c === "'" && text[i + 1] === "'" && text[i + 2] !== "'" && text[i - 1] !== "'";
      if (twin) {
        if (open < 0) {
          open = i;
          openMark = "''";
        } else if (openMark === "''") {
          if (i > open + 2) out.push({ start: open + 2, end: i, outerStart: open, outerEnd: i + 2 });
          open = -1;
        }
        i++;
        continue;
      }
      if (c === '“' || (c === '"' && open < 0)) {
        if (open >= 0 && openMark === '“') {
          message(a, {
            level: 'warning',
            code: 'quote-nested-open',
            text: 'an opening quotation mark inside an open quotation; the first one was closed here',
            start: open,
            end: i,
            stage: 'quotes',
          });
          out.push({ start: open + 1, end: i, outerStart: open, outerEnd: i });
        }
        if (open >= 0 && openMark === "''") continue;
        open = i;
        openMark = c;
      } else if ((c === '”' && open >= 0 && openMark !== "''") || (c === '"' && open >= 0 && (openMark === '"' || closing(text, i)))) {
        if (i > open + 1) out.push({ start: open + 1, end: i, outerStart: open, outerEnd: i + 1 });
        open = -1;
      } else if (c === '”' && open < 0) {
        message(a, { level: 'warning', code: 'quote-unopened', text: 'a closing quotation mark with no opening one', start: i, end: i + 1, stage: 'quotes' });
      }
    }
    if (open >= 0) {
      const len = openMark.length;
      const next = blocks[b + 1];
      const continues = next && (text[next.start] === '“' || text[next.start] === '"' || text.startsWith("''", next.start));
      if (continues) {
        // Multi-paragraph quote: this paragraph's part ends here, the next paragraph reopens it.
        out.push({ start: open + len, end: blk.end, outerStart: open, outerEnd: blk.end });
        open = -1;
        continue;
      }
      message(a, {
        level: 'warning',
        code: 'quote-unclosed',
        text: 'a quotation that never closes; it was ended at the paragraph end',
        start: open,
        end: blk.end,
        stage: 'quotes',
      });
      if (blk.end > open + len) out.push({ start: open + len, end: blk.end, outerStart: open, outerEnd: blk.end });
      open = -1;
    }
  }
  return out;
}
