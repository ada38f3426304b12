import type { Document } from '../document/types.js';
import { InputError, createCoder } from '../pipeline.js';
import { DictionaryError } from '../lexicon/jsonl.js';
import { inputTypeOf, readInput, type InputType } from '../ingest/read.js';
import { normalizeDate } from '../document/dates.js';
import { countedEvents, type Ontology, type ViewOptions } from '../output/rows.js';
import { formatTable } from '../output/table.js';
import { formatTsv, tsvHeader } from '../output/tsv.js';
import { UsageError, flag, oneOf, parseArgs } from './args.js';

export const FORMATS = ['table', 'json', 'documents', 'jsonl', 'tsv'] as const;
export type Format = (typeof FORMATS)[number];

export const CODE_FLAGS = {
  input: { value: true },
  date: { value: true },
  format: { value: true },
  dict: { value: true, repeat: true },
  'include-opinion': {},
  ontology: { value: true },
  workers: { value: true },
};

export interface Out {
  write(s: string): void;
}

/** `casus code`: read inputs, code each document, print in the chosen format. Returns the exit code. */
export async function runCode(argv: string[], out: Out, err: Out): Promise<number> {
  const args = parseArgs(argv, CODE_FLAGS);
  const format = oneOf(args, 'format', FORMATS, 'table');
  const forced = oneOf<InputType | 'auto'>(args, 'input', ['text', 'html', 'jsonl', 'auto'], 'auto');
  const ontology = oneOf<Ontology>(args, 'ontology', ['cameo', 'plover'], 'cameo');
  const rawDate = flag(args, 'date');
  let date: string | null = null;
  if (rawDate !== undefined) {
    const d = normalizeDate(rawDate);
    if (d.error) throw new UsageError(`--date: ${d.error}`);
    date = d.date;
  }
  const files = args.positionals.length ? args.positionals : ['-'];
  const view: ViewOptions = { includeOpinion: args.flags.has('include-opinion'), ontology };
  let coder;
  try {
    coder = createCoder({ dict: args.flags.get('dict') ?? [] });
  } catch (e) {
    if (e instanceof DictionaryError) {
      err.write(`casus: dictionary error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let failed = false;
  let first = true;
  if (format === 'json') out.write('{"documents":[');
  if (format === 'tsv') out.write(tsvHeader());
  const emit = (doc: Document): void => {
    switch (format) {
      case 'json':
        out.write(`${first ? '\n' : ',\n'}${JSON.stringify(doc)}`);
        break;
      case 'documents':
        out.write(`${JSON.stringify(doc)}\n`);
        break;
      case 'jsonl':
        for (const e of doc.events) out.write(`${JSON.stringify(e)}\n`);
        break;
      case 'tsv':
        out.write(formatTsv(doc, countedEvents(doc, view), view));
        break;
      case 'table':
        out.write(`${first ? '' : '\n'}${formatTable(doc, countedEvents(doc, view).concat(doc.events.filter((e) => e.negated && (view.includeOpinion || e.attribution.kind !== 'opinion'))).sort((x, y) => x.verb.start - y.verb.start), view)}`);
        break;
    }
    first = false;
  };
  for (const file of files) {
    const type: InputType = forced !== 'auto' ? forced : file === '-' ? 'text' : inputTypeOf(file) ?? 'text';
    for await (const item of readInput(file, { type, date })) {
      if ('error' in item) {
        err.write(`casus: ${item.error}\n`);
        failed = true;
        continue;
      }
      const where = item.doc.origin ? `${item.doc.origin.file}${item.doc.origin.line ? `:${item.doc.origin.line}` : ''}` : item.doc.id;
      let doc: Document;
      try {
        doc = coder.code(item.doc);
      } catch (e) {
        if (e instanceof InputError) {
          err.write(`casus: ${where}: ${e.message}\n`);
          failed = true;
          continue;
        }
        // A bug in casus must not lose the rest of the run: report it on one line and go on.
        err.write(`casus: ${where}: internal error while coding (${(e as Error).message}); please report it\n`);
        if (process.env.CASUS_DEBUG) err.write(`${(e as Error).stack}\n`);
        failed = true;
        continue;
      }
      emit(doc);
    }
  }
  if (format === 'json') out.write(`${first ? '' : '\n'}]}\n`);
  return failed ? 1 : 0;
}
