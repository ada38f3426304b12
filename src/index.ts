/** casus: explainable event coding of English political news. */
import type { Document, InputDoc } from './document/types.js';
import { createCoder, type Coder, type CoderOptions } from './pipeline.js';

export type * from './document/types.js';
export { createCoder, STAGES } from './pipeline.js';
export { InputError } from './document/errors.js';
export type { Coder, CoderOptions, Stage } from './pipeline.js';
export { loadLexicon } from './lexicon/load.js';
export { DictionaryError } from './lexicon/jsonl.js';

let shared: Coder | null = null;

/**
 * Code one article or many. Text input is `{id, text}`; HTML `{id, html}`; a bare string is an article's text.
 * Returns one Document per input, as the CLI prints them.
 */
export function code(input: string | InputDoc | InputDoc[], options: CoderOptions & { date?: string } = {}): Document[] {
  const coder = options.dict?.length || options.lexicon ? createCoder(options) : (shared ??= createCoder());
  const list: InputDoc[] = typeof input === 'string' ? [{ id: 'doc1', text: input }] : Array.isArray(input) ? input : [input];
  return list.map((d, i) => coder.code({ ...d, id: d.id ?? `doc${i + 1}`, date: d.date ?? options.date ?? null }));
}
