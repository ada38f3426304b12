/**
 * The streaming core of `casus code`: documents go to an engine (the worker pool, or the coder in this thread)
 * in small batches, results are written strictly in input order, and both ends have backpressure:
 * at most `maxBatches` batches are in flight (the reader waits), and a full output waits for 'drain'.
 */
import type { InputDoc } from '../document/types.js';
import type { ReadItem } from '../ingest/read.js';
import type { Coded } from './coded.js';

export interface Engine {
  run(docs: InputDoc[]): Promise<Coded[]> | Coded[];
  /** Largest batch, in documents and in characters of text. */
  batchDocs: number;
  batchChars: number;
  /** Batches sent and not yet written. */
  maxBatches: number;
}

export interface Sink {
  /** Write a document's output; `false` means: wait for drain() before writing more. */
  out(s: string): boolean | void;
  drain?(): Promise<void>;
  /** Write an error line (already formatted). */
  err(s: string): void;
  /** Called for each document written (null for an error), with its input's size in characters. */
  progress?(events: number | null, chars: number): void;
}

/** A batch's entries: documents (sent to the engine) and input errors (written in their place). */
type Entry = { doc: InputDoc; chars: number } | { error: string };
interface Batch {
  entries: Entry[];
  results: Promise<Coded[]> | Coded[];
}

const TICK = Symbol('tick');
const tick = (): Promise<typeof TICK> => new Promise((r) => setImmediate(() => r(TICK)));

export const sizeOf = (d: InputDoc): number => (d.text?.length ?? 0) + (d.html?.length ?? 0);

/**
 * Code everything `items` yields and write it in order through `sink`. `before(first)` is the separator written
 * before a document's output. Returns whether any document or input failed.
 */
export async function codeOrdered(
  items: AsyncIterable<ReadItem>,
  engine: Engine,
  sink: Sink,
  before: (first: boolean) => string,
): Promise<{ failed: boolean; first: boolean }> {
  let failed = false;
  let first = true;
  const queue: Batch[] = [];
  const waiting: Record<'reader' | 'writer', (() => void) | null> = { reader: null, writer: null };
  const wake = (who: 'reader' | 'writer'): void => {
    const w = waiting[who];
    waiting[who] = null;
    w?.();
  };
  let readerDone = false;
  let writerError: unknown = null;

  // The writer: waits for the oldest batch, writes it, frees its place.
  const writer = (async () => {
    for (;;) {
      const batch = queue[0];
      if (!batch) {
        if (readerDone) return;
        await new Promise<void>((r) => (waiting.writer = r));
        continue;
      }
      const results = await batch.results;
      let k = 0;
      for (const e of batch.entries) {
        if ('error' in e) {
          sink.err(`casus: ${e.error}\n`);
          failed = true;
          sink.progress?.(null, 0);
          continue;
        }
        const r = results[k++]!;
        if ('err' in r) {
          sink.err(r.err);
          failed = true;
          sink.progress?.(null, e.chars);
          continue;
        }
        const sep = before(first);
        first = false;
        const ok = sink.out(sep ? sep + r.out : r.out);
        sink.progress?.(r.events, e.chars);
        if (ok === false && sink.drain) await sink.drain();
      }
      queue.shift();
      wake('reader');
    }
  })().catch((e) => {
    writerError = e;
    wake('reader');
  });

  let entries: Entry[] = [];
  let docs: InputDoc[] = [];
  let chars = 0;
  const send = async (): Promise<void> => {
    if (!entries.length) return;
    queue.push({ entries, results: docs.length ? engine.run(docs) : [] });
    entries = [];
    docs = [];
    chars = 0;
    wake('writer');
    while (queue.length >= engine.maxBatches && writerError === null) await new Promise<void>((r) => (waiting.reader = r));
    if (writerError !== null) throw writerError;
  };

  const it = items[Symbol.asyncIterator]();
  let done = false;
  try {
    let next = it.next();
    for (;;) {
      // Take what the reader already has; when it has to wait for input, send the partial batch first.
      const r = entries.length ? await Promise.race([next, tick()]) : await next;
      if (r === TICK) {
        await send();
        continue;
      }
      if (r.done) break;
      next = it.next();
      const item = r.value;
      if ('error' in item) entries.push({ error: item.error });
      else {
        const n = sizeOf(item.doc);
        entries.push({ doc: item.doc, chars: n });
        docs.push(item.doc);
        chars += n;
      }
      if (entries.length >= engine.batchDocs || chars >= engine.batchChars) await send();
    }
    await send();
    done = true;
  } finally {
    if (!done) void it.return?.(undefined)?.catch(() => undefined);
    readerDone = true;
    wake('writer');
  }
  await writer;
  if (writerError !== null) throw writerError;
  return { failed, first };
}
