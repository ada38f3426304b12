/**
 * The coding workers of `casus serve`: articles are coded (HTML extraction included) on worker threads, never on the
 * request thread, so that a long article does not hold up other requests. Each article goes to the worker with the
 * fewest waiting; past `maxWaiting` articles in all, the server answers 503 at once. A worker that dies is replaced
 * and the articles it held are answered 500, never left hanging.
 */
import { Worker } from 'node:worker_threads';
import type { InputDoc } from '../document/types.js';
import { answerJson, codeChecked, type CodeAnswer } from './code.js';
import type { FromCodeWorker, ToCodeWorker } from './code-worker.js';
import { ApiError } from './errors.js';
import { DictionaryError } from '../lexicon/jsonl.js';
import type { Coder } from '../pipeline.js';

const WORKER_URL = new URL('./code-worker.js', import.meta.url);
/**
 * Heap limits of a coding worker (MB): the ~75 MB of dictionaries and models plus one article of the largest size the
 * API takes (200,000 characters, or 2 MiB of HTML), with room to spare. Without them V8 lets each heap grow to several
 * times its live data under load, and the server's memory kept growing.
 */
export const SERVER_WORKER_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 } as const;

/** Codes one validated article into its Document's JSON (text, or UTF-8 bytes from a worker); throws ApiError. */
export interface CodeRunner {
  code(input: InputDoc): Promise<string | Uint8Array>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  pending: Map<number, (a: CodeAnswer) => void>;
  dead: boolean;
}

const busy = (n: number) => new ApiError(503, 'busy', `${n} articles are waiting to be coded; try again shortly`);

export class CodingWorkers implements CodeRunner {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private waiting = 0;
  private closing = false;
  private crashes = 0;

  private constructor(
    private readonly dict: string[],
    private readonly maxWaiting: number,
  ) {}

  /** Starts `n` workers and waits until each has loaded its dictionaries (rejects with the first load error). */
  static async start(n: number, dict: string[] = [], maxWaiting = 512): Promise<CodingWorkers> {
    const pool = new CodingWorkers(dict, maxWaiting);
    try {
      await Promise.all(Array.from({ length: Math.max(1, n) }, (_, i) => pool.spawn(i)));
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  async code(input: InputDoc): Promise<string | Uint8Array> {
    let best: Slot | null = null;
    for (const s of this.slots) if (!s.dead && (!best || s.pending.size < best.pending.size)) best = s;
    if (!best) throw new ApiError(503, 'no-worker', 'no coding worker is running; restart the server');
    if (this.waiting >= this.maxWaiting) throw busy(this.waiting);
    const slot = best;
    const id = this.nextId++;
    this.waiting++;
    try {
      const answer = await new Promise<CodeAnswer>((resolve) => {
        slot.pending.set(id, resolve);
        slot.worker.postMessage({ id, doc: input } satisfies ToCodeWorker);
      });
      return answerJson(answer);
    } finally {
      this.waiting--;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate().catch(() => 0)));
  }

  private spawn(index: number): Promise<void> {
    const worker = new Worker(WORKER_URL, { workerData: { dict: this.dict }, resourceLimits: SERVER_WORKER_HEAP });
    const slot: Slot = { worker, pending: new Map(), dead: false };
    this.slots[index] = slot;
    let ready = false;
    let lastError = '';
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromCodeWorker) => {
        if (m.type === 'ready') {
          ready = true;
          resolve();
        } else if (m.type === 'init-error') {
          const d = m.dictionary;
          reject(d ? new DictionaryError(d.file, d.line, d.reason) : new Error(m.message));
        } else {
          const done = slot.pending.get(m.id);
          slot.pending.delete(m.id);
          done?.(m);
        }
      });
      worker.on('error', (e) => (lastError = e.message));
      worker.on('exit', (code) => {
        slot.dead = true;
        if (!ready) reject(new Error(`a coding worker stopped while loading (${lastError || `exit code ${code}`})`));
        const message = `the coding worker stopped (${lastError || `exit code ${code}`}); please report it`;
        for (const done of slot.pending.values()) done({ error: { status: 500, code: 'internal', message } });
        slot.pending.clear();
        if (!this.closing && ready && ++this.crashes <= 16) this.spawn(index).catch(() => undefined);
      });
    });
  }
}

/**
 * Codes on the calling thread, one article per turn of the event loop (for tests and embedding, where no worker
 * is wanted); past `maxWaiting` queued articles it answers 503.
 */
export function inThread(coder: Coder, maxWaiting = 256): CodeRunner {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  return {
    code(input) {
      if (waiting >= maxWaiting) return Promise.reject(busy(waiting));
      waiting++;
      const next = tail.then(
        () =>
          new Promise<string | Uint8Array>((resolve, reject) =>
            setImmediate(() => {
              waiting--;
              try {
                resolve(answerJson(codeChecked(coder, input)));
              } catch (e) {
                reject(e);
              }
            }),
          ),
      );
      tail = next.catch(() => {});
      return next;
    },
    close: () => Promise.resolve(),
  };
}
