/**
 * Coding one document for `casus code` and formatting it, shared by the in-thread path and the workers,
 * so that both print exactly the same bytes and the same error lines.
 */
import type { Document, InputDoc } from '../document/types.js';
import type { Coder } from '../pipeline.js';
import { InputError } from '../document/errors.js';
import { countedEvents, type ViewOptions } from '../output/rows.js';
import { formatTable } from '../output/table.js';
import { formatTsv, tsvHeader } from '../output/tsv.js';

export const FORMATS = ['table', 'json', 'documents', 'jsonl', 'tsv'] as const;
export type Format = (typeof FORMATS)[number];

/** One document's result: its formatted output (without the separator), or its error line (with "casus: " and "\n"). */
export type Coded = { out: string; events: number } | { err: string };

export interface OutputOptions {
  format: Format;
  view: ViewOptions;
}

/** Where a document came from, as error lines name it: FILE:LINE, FILE, or the id. */
export function whereOf(doc: InputDoc): string {
  return doc.origin ? `${doc.origin.file}${doc.origin.line ? `:${doc.origin.line}` : ''}` : doc.id;
}

/** The document's output in `format`, without the separator that goes before it. */
export function formatDoc(doc: Document, { format, view }: OutputOptions): string {
  switch (format) {
    case 'json':
      return JSON.stringify(doc);
    case 'documents':
      return `${JSON.stringify(doc)}\n`;
    case 'jsonl': {
      let s = '';
      for (const e of doc.events) s += `${JSON.stringify(e)}\n`;
      return s;
    }
    case 'tsv':
      return formatTsv(doc, countedEvents(doc, view), view);
    case 'table':
      return formatTable(
        doc,
        countedEvents(doc, view)
          .concat(doc.events.filter((e) => e.negated && (view.includeOpinion || e.attribution.kind !== 'opinion')))
          .sort((x, y) => x.verb.start - y.verb.start),
        view,
      );
  }
}

/** Code and format one document; an input problem or a bug becomes a one-line error, never a throw. */
export function codeOne(coder: Coder, input: InputDoc, opts: OutputOptions): Coded {
  let doc: Document;
  let out: string;
  try {
    doc = coder.code(input);
    // HTML with no readable text (no body, only markup) is reported like an empty text file, not coded as nothing.
    if (input.html !== undefined && !doc.text.trim()) return { err: `casus: ${whereOf(input)}: empty input (the HTML has no text)\n` };
    // Formatting inside the guard too: a document too large to print is reported like any other failure.
    out = formatDoc(doc, opts);
  } catch (e) {
    const where = whereOf(input);
    // InputError has a module of its own: the main thread recognises it without loading the pipeline and its models.
    if (e instanceof InputError) return { err: `casus: ${where}: ${e.message}\n` };
    // A bug in casus must not lose the rest of the run: report it on one line and go on.
    let err = `casus: ${where}: internal error while coding (${(e as Error).message}); please report it\n`;
    if (process.env.CASUS_DEBUG) err += `${(e as Error).stack}\n`;
    return { err };
  }
  return { out, events: doc.events.length };
}

/** What goes around the documents: a head, a separator before each document but the first, a tail. */
export interface Framing {
  head: string;
  before(first: boolean): string;
  tail(first: boolean): string;
}

export function framing(format: Format): Framing {
  switch (format) {
    case 'json':
      return { head: '{"documents":[', before: (first) => (first ? '\n' : ',\n'), tail: (first) => `${first ? '' : '\n'}]}\n` };
    case 'tsv':
      return { head: tsvHeader(), before: () => '', tail: () => '' };
    case 'table':
      return { head: '', before: (first) => (first ? '' : '\n'), tail: () => '' };
    default:
      return { head: '', before: () => '', tail: () => '' };
  }
}
