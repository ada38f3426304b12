import type { Tokens } from '../language/tokens.js';
import { DAY_WORDS } from '../syntax/np-words.js';

/** What actor recognition reads of a chunk: whether its head can be an actor, its name and its key. */
export { chunksOf } from '../syntax/chunks.js';
export { gluedHyphen } from '../syntax/np-words.js';

/** Heads of noun phrases that name a time or an amount, never an actor ("last week", "3 million euros"). */
export const NOT_ACTOR_HEADS = new Set([
  ...DAY_WORDS, 'may', 'day', 'days', 'weeks', 'months', 'years', 'time', 'times', 'hour', 'hours', 'minute', 'minutes',
  'decade', 'decades', 'century', 'percent', 'period', 'moment', 'date', 'euro', 'euros', 'dollar', 'dollars', 'pound',
  'pounds', 'yuan', 'yen', 'rupee', 'rupees', 'franc', 'francs', 'rouble', 'roubles', 'ruble', 'rubles', 'shekel',
  'shekels', 'naira', 'peso', 'pesos', 'riyal', 'riyals', 'dinar', 'dinars', 'lira', 'cent', 'cents', 'million',
  'millions', 'billion', 'billions', 'trillion', 'ton', 'tons', 'tonne', 'tonnes', 'barrel', 'barrels', 'kilometre',
  'kilometres', 'kilometer', 'kilometers', 'mile', 'miles', 'metre', 'metres', 'meter', 'meters', 'kilogram',
  'kilograms', 'per',
]);

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
