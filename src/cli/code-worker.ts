/**
 * A `casus code` worker thread (started by pool.ts): loads the dictionaries once, then codes batches of documents
 * and answers each batch with the already formatted output (cheaper to send than the Documents).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { InputDoc } from '../document/types.js';
import { DictionaryError } from '../lexicon/jsonl.js';
import { createCoder, type Coder } from '../pipeline.js';
import { codeOne, type Coded, type OutputOptions } from './coded.js';

export interface WorkerInit extends OutputOptions {
  dict: string[];
  /** Shared with the pool: [0] = id of the batch being coded, [1] = index of the document in it (tells which one crashed). */
  state: SharedArrayBuffer;
  /** The worker's heap is capped (pool.ts WORKER_HEAP). */
  capped: boolean;
}

export type ToWorker = { id: number; docs: InputDoc[] };
export type FromWorker = { type: 'ready' } | { type: 'init-error'; dictionary: boolean; message: string } | { type: 'done'; id: number; results: Coded[] };

const port = parentPort;
if (!port) throw new Error('code-worker.js must run as a worker thread');
const init = workerData as WorkerInit;
const state = new Int32Array(init.state);
// Test hook only: a document with this id makes the worker exit, so that tests can check that a crash is reported.
const crashOn = process.env.CASUS_TEST_WORKER_CRASH || null;
// Test hook only: a document with this id fills a capped worker's heap, so that tests can check the retry without a cap.
const oomOn = (init.capped && process.env.CASUS_TEST_WORKER_OOM) || null;

let coder: Coder | null = null;
try {
  coder = createCoder({ dict: init.dict });
  warmUp(coder);
  port.postMessage({ type: 'ready' } satisfies FromWorker);
} catch (e) {
  port.postMessage({ type: 'init-error', dictionary: e instanceof DictionaryError, message: (e as Error).message } satisfies FromWorker);
  port.close();
}

if (coder) {
  const c = coder;
  port.on('message', (m: ToWorker) => {
    const results: Coded[] = new Array(m.docs.length);
    Atomics.store(state, 0, m.id);
    for (let i = 0; i < m.docs.length; i++) {
      Atomics.store(state, 1, i);
      const doc = m.docs[i]!;
      if (crashOn !== null && doc.id === crashOn) process.exit(70);
      if (oomOn !== null && doc.id === oomOn) fillHeap();
      results[i] = codeOne(c, doc, init);
    }
    port.postMessage({ type: 'done', id: m.id, results } satisfies FromWorker);
  });
}

function fillHeap(): never {
  const keep: number[][] = [];
  for (;;) keep.push(new Array(1 << 16).fill(keep.length));
}

/**
 * Code a few sentences before reporting ready, so that each worker compiles its hot paths and loads the
 * gazetteer once at start-up rather than in the middle of the first batch.
 */
function warmUp(c: Coder): void {
  const text =
    'Turkish Foreign Minister Ayse Demir met Greek officials in Athens on Monday. "We will talk," she said.\n\n' +
    'Syrian rebels attacked an army post near Idlib, and Russian jets struck rebel positions in Aleppo province. ' +
    'Kenya condemned the strikes and called for a ceasefire, according to the foreign ministry.';
  for (let i = 0; i < 30; i++) c.code({ id: 'warm-up', text, date: '2021-03-08' });
}
