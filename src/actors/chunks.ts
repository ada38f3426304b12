import type { Tokens } from '../language/tokens.js';

/** What actor recognition reads of a chunk: whether its head can be an actor, its name and its key. */
export { chunksOf } from '../syntax/chunks.js';
export { gluedHyphen } from '../syntax/np-words.js';

export function nameOf(text: string, t: Tokens, first: number, last: number): string {
  return text.slice(t.start[first]!, t.end[last - 1]!);
}

/** The lower-cased words of tokens [first, last) joined by spaces, hyphens left out. */
export function keyOf(t: Tokens, first: number, last: number): string {
  let key = '';
  let any = false;
  for (let j = first; j < last; j++) {
    const w = t.lower[j]!;
    if (w === '-') continue;
    key = any ? `${key} ${w}` : w;
    any = true;
  }
  return key;
}
