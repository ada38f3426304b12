import { fstatSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Coder } from '../pipeline.js';
import { DictionaryError } from '../lexicon/jsonl.js';
import { inputTypeOf, readInput, type InputType, type ReadItem } from '../ingest/read.js';
import { normalizeDate } from '../document/dates.js';
import type { Ontology, ViewOptions } from '../output/rows.js';
import { UsageError, flag, oneOf, parseArgs, type Parsed } from './args.js';
import { FORMATS, codeOne, framing, type OutputOptions } from './coded.js';
import { codeOrdered, type Engine } from './ordered.js';
import { PoolInitError, WorkerPool } from './pool.js';
import { Progress, progressWanted } from './progress.js';
import { dictionaryPaths } from './config.js';

export { FORMATS, type Format } from './coded.js';

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
  /** `false` (as from a stream's write()) means: wait for drain() before writing more. */
  write(s: string): boolean | void;
  drain?(): Promise<void>;
}

/**
 * Without --workers, inputs smaller than this (bytes, when known) are coded in the main thread: each worker pays
 * its own start-up and V8 warm-up (seconds of CPU on fresh news), so on inputs of a few MB (the 4.4 MB fresh
 * corpus) two workers were slower than one thread.
 */
const SMALL_INPUT = 16 * 1024 * 1024;

/** Most workers --workers takes (each loads its own dictionaries). */
const MAX_WORKERS = 256;

function workersOf(args: Parsed): number {
  const v = flag(args, 'workers');
  if (v === undefined) return availableParallelism();
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_WORKERS) {
    throw new UsageError(`--workers must be a whole number from 1 to ${MAX_WORKERS} (got '${v}')`);
  }
  return Number(v);
}

/** Total bytes of the inputs, when all are files (or stdin redirected from a file); null when unknown. */
function totalBytes(files: string[]): number | null {
  let total = 0;
  for (const f of files) {
    try {
      const st = f === '-' ? fstatSync(0) : statSync(f);
      if (!st.isFile()) return null;
      total += st.size;
    } catch {
      if (f === '-') return null;
    }
  }
  return total;
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
  const workers = workersOf(args);
  const view: ViewOptions = { includeOpinion: args.flags.has('include-opinion'), ontology };
  const dict = dictionaryPaths(args.flags.get('dict'));
  const opts: OutputOptions = { format, view };
  const typeOf = (file: string): InputType => (forced !== 'auto' ? forced : file === '-' ? 'text' : (inputTypeOf(file) ?? 'text'));
  // A text or HTML input is one document: never start more workers than there are documents. By default, a small
  // input is coded in this thread too: starting workers (each loads its own dictionaries) would cost more than it saves.
  const known = files.every((f) => typeOf(f) !== 'jsonl') ? files.length : Infinity;
  const size = flag(args, 'workers') === undefined ? totalBytes(files) : null;
  const threads = size !== null && size < SMALL_INPUT ? 1 : Math.min(workers, known);
  let engine: Engine;
  let pool: WorkerPool | null = null;
  if (threads <= 1) {
    // Loaded here, not at the top: with workers, the main thread never needs the pipeline and its models.
    const { createCoder } = await import('../pipeline.js');
    let coder: Coder;
    try {
      coder = createCoder({ dict });
    } catch (e) {
      if (e instanceof DictionaryError) {
        err.write(`casus: dictionary error: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    engine = { run: (docs) => docs.map((d) => codeOne(coder, d, opts)), batchDocs: 1, batchChars: Infinity, maxBatches: 1 };
  } else {
    try {
      pool = await WorkerPool.start({ workers: threads, dict, ...opts });
    } catch (e) {
      if (e instanceof PoolInitError && e.dictionary) {
        err.write(`casus: dictionary error: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    const p = pool;
    engine = { run: (docs) => p.run(docs), ...POOL_BATCHING, maxBatches: threads * POOL_BATCHING.batchesPerWorker };
  }
  const progress = progressWanted() ? new Progress(process.stderr, totalBytes(files)) : null;
  async function* items(): AsyncGenerator<ReadItem> {
    for (const file of files) yield* readInput(file, { type: typeOf(file), date });
  }
  const frame = framing(format);
  try {
    if (frame.head) out.write(frame.head);
    const { failed, first } = await codeOrdered(
      items(),
      engine,
      {
        out: (s) => out.write(s),
        drain: out.drain ? () => out.drain!() : undefined,
        err: (s) => {
          progress?.clear();
          err.write(s);
        },
        progress: progress ? (events, chars) => progress.doc(events, chars) : undefined,
      },
      frame.before,
    );
    const tail = frame.tail(first);
    if (tail) out.write(tail);
    return failed ? 1 : 0;
  } finally {
    progress?.end();
    await pool?.close();
    if (process.env.CASUS_REPORT_RSS === '1') err.write(`casus: peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  }
}

/** Batches for the worker pool: small enough to keep every worker busy, big enough to cut messaging for short documents. */
export const POOL_BATCHING = { batchDocs: 16, batchChars: 64_000, batchesPerWorker: 3 };
