/**
 * A coding worker of `casus serve` (started by workers.ts): loads the dictionaries once, then codes one article per
 * message, HTML extraction included, and answers with the Document's JSON text or an API error.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { InputDoc } from '../document/types.js';
import { DictionaryError } from '../lexicon/jsonl.js';
import { createCoder, type Coder } from '../pipeline.js';
import { codeChecked, type CodeAnswer } from './code.js';

export type ToCodeWorker = { id: number; doc: InputDoc };
export type FromCodeWorker =
  | { type: 'ready' }
  | { type: 'init-error'; message: string; dictionary?: { file: string; line: number; reason: string } }
  | ({ type: 'done'; id: number } & CodeAnswer);

const port = parentPort;
if (!port) throw new Error('server/code-worker.js must run as a worker thread');
const { dict } = workerData as { dict: string[] };

// Coding runs at a lower priority than the request thread (on Linux, a thread's nice value is its own), so that a
// busy machine still answers requests at once while articles wait for the coder.
try {
  setPriority(10);
} catch {
  /* not allowed here: keep the default priority */
}

let coder: Coder | null = null;
try {
  coder = createCoder({ dict });
  // The first article pays for lazy tables (gazetteer, models): pay it now, not on the first request.
  coder.code({ id: 'warm-up', text: 'Greek officials met Turkish diplomats in Ankara on Monday.', date: '2021-03-08' });
  port.postMessage({ type: 'ready' } satisfies FromCodeWorker);
} catch (e) {
  const d = e instanceof DictionaryError ? { file: e.file, line: e.line, reason: e.reason } : undefined;
  port.postMessage({ type: 'init-error', message: (e as Error).message, dictionary: d } satisfies FromCodeWorker);
  port.close();
}

if (coder) {
  const c = coder;
  const encoder = new TextEncoder();
  port.on('message', (m: ToCodeWorker) => {
    const a = codeChecked(c, m.doc);
    if (!('json' in a)) return port.postMessage({ type: 'done', id: m.id, ...a } satisfies FromCodeWorker);
    // The JSON goes back as bytes whose memory is handed over, not copied: the request thread's heap stays small.
    const bytes = encoder.encode(a.json as string);
    port.postMessage({ type: 'done', id: m.id, json: bytes } satisfies FromCodeWorker, [bytes.buffer]);
  });
}
