import type { Analysis, StageTimes } from './analysis.js';
import { message } from './analysis.js';
import { normalizeDate } from './document/dates.js';
import { InputError } from './document/errors.js';
import type { Document, InputDoc } from './document/types.js';
import { extractHtml } from './ingest/html.js';
import type { Block } from './language/sections.js';
import type { Tokens } from './language/tokens.js';
import { segment } from './segment.js';
import { documentSyntax } from './syntax/document.js';
import type { Lexicon } from './lexicon/lexicon.js';
import { loadLexicon } from './lexicon/load.js';
import { checkStages, STAGES, type Stage } from './stages.js';
import { toDocument } from './to-document.js';

export interface CoderOptions {
  /** Extra dictionary files or folders, in the project's format, applied after the project's own. */
  dict?: string[];
  /** A lexicon already loaded (shared between coders). */
  lexicon?: Lexicon;
  /** Accumulate time per stage (ms) into `coder.times`. */
  timing?: boolean;
  /** The stages to run, in order (the project's own by default); their reads and writes are checked here. */
  stages?: readonly Stage[];
}

export { STAGES, type Stage } from './stages.js';

export { InputError };

const MAX_CHARS = 5_000_000;

export interface Coder {
  lexicon: Lexicon;
  times: StageTimes;
  code(input: InputDoc): Document;
  /** Code one document and keep the working analysis (tokens, mentions); `trace` collects explanations. */
  analyze(input: InputDoc, trace?: string[]): { doc: Document; analysis: Analysis };
}

export function createCoder({ dict = [], lexicon, timing = false, stages = STAGES }: CoderOptions = {}): Coder {
  checkStages(stages);
  const lex = lexicon ?? loadLexicon(dict);
  const times: StageTimes = {};
  const clock = (name: string, t0: number): void => {
    if (timing) times[name] = (times[name] ?? 0) + performance.now() - t0;
  };
  return {
    lexicon: lex,
    times,
    code(input: InputDoc): Document {
      return this.analyze(input).doc;
    },
    analyze(input: InputDoc, trace?: string[]): { doc: Document; analysis: Analysis } {
      let t0 = performance.now();
      const a = prepare(input, lex);
      if (trace) a.trace = trace;
      clock('read', t0);
      t0 = performance.now();
      segment(a, a.blocks.length ? a.blocks : null);
      clock('segment', t0);
      for (const stage of stages) {
        t0 = performance.now();
        stage.run(a);
        clock(stage.name, t0);
      }
      t0 = performance.now();
      const doc = toDocument(a);
      clock('output', t0);
      return { doc, analysis: a };
    },
  };
}

/** The tokens of a document not yet segmented: none. */
function noTokens(): Tokens {
  return {
    n: 0,
    start: new Int32Array(0),
    end: new Int32Array(0),
    pos: new Uint8Array(0),
    cap: new Uint8Array(0),
    value: [],
    lower: [],
    lemma: [],
    sent: new Int32Array(0),
  };
}

function prepare(input: InputDoc, lexicon: Lexicon): Analysis {
  const messages: Analysis['messages'] = [];
  let text = input.text ?? '';
  let title = input.title ?? null;
  let url = input.url ?? null;
  let source = input.source ?? null;
  let rawDate: unknown = input.date;
  let hints: Block[] = [];
  if (input.html !== undefined && input.text === undefined) {
    if (typeof input.html !== 'string') throw new InputError('input-html-type', '"html" must be a string');
    const art = extractHtml(input.html);
    text = art.text;
    title ??= art.title;
    url ??= art.url;
    source ??= art.source;
    if (rawDate === undefined || rawDate === null || rawDate === '') rawDate = art.date;
    hints = art.hints;
  }
  if (typeof text !== 'string') throw new InputError('input-text-type', '"text" must be a string');
  if (text.length > MAX_CHARS) throw new InputError('input-too-large', `article of ${text.length} characters is over the limit of ${MAX_CHARS}`);
  const { date, error } = normalizeDate(rawDate);
  if (error) throw new InputError('input-bad-date', error);
  const tokens = noTokens();
  const a: Analysis = {
    input,
    id: input.id,
    text,
    date,
    title,
    url,
    source,
    lexicon,
    messages,
    blocks: hints,
    tokens,
    sentences: [],
    syntax: documentSyntax(tokens, []),
    mentions: [],
    mentionAt: new Int32Array(0),
    entities: [],
    mainCountry: null,
    quotes: [],
    speechCues: [],
    events: [],
  };
  if (!text.trim()) message(a, { level: 'warning', code: 'empty-text', text: 'the article has no text', stage: 'read' });
  return a;
}
