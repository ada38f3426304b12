import type { Tokens } from '../language/tokens.js';

/**
 * For each token of the document, 1 when it lies inside quotation marks: curly marks and guillemets
 * open and close (single curly ones too), a straight double mark toggles, a line break ends any open quote. A closing mark (or a
 * straight one right after a word) with no opening one (a quote whose start lies before the text, or a
 * paragraph that continues a quote) makes everything from the start of its line quoted.
 */
export function quotedTokens(t: Tokens, text: string): Uint8Array {
  const out = new Uint8Array(t.n);
  let inside = false;
  // Single curly marks: ‘ opens at the start of a word; ’ closes such a quote unless a letter follows (an apostrophe).
  let single = false;
  let lineFirst = 0;
  let pos = 0;
  for (let i = 0; i < t.n; i++) {
    const at = t.start[i]!;
    for (; pos < at; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 0x0a) {
        inside = false;
        single = false;
        lineFirst = i;
      } else if (c === 0x201c || c === 0xab)
        inside = true; // “ «
      else if (c === 0x201d || c === 0xbb) {
        // ” »
        if (!inside) out.fill(1, lineFirst, i);
        inside = false;
      } else if (c === 0x2018 && (pos === 0 || !/\w/.test(text[pos - 1]!))) single = true;
      else if (c === 0x2019 && single && !/\w/.test(text[pos + 1] ?? ' ')) single = false;
      else if (c === 0x22) {
        // " toggles, but one that ends a word and opens nothing closes a quote begun earlier
        if (!inside && pos > 0 && !/\s/.test(text[pos - 1]!) && (pos + 1 >= text.length || /[\s.,;:!?)]/.test(text[pos + 1]!))) out.fill(1, lineFirst, i);
        else inside = !inside;
      }
    }
    // The mark's own token is outside; the words after an opening mark are inside.
    const c0 = text.charCodeAt(at);
    if (c0 === 0x201d || c0 === 0xbb) {
      if (!inside) out.fill(1, lineFirst, i);
      out[i] = 1;
      inside = false;
      pos = at + 1;
      continue;
    }
    out[i] = inside || single ? 1 : 0;
  }
  return out;
}
