/**
 * A pool of `casus code` worker threads (code-worker.ts), each with its own coder.
 * `run(docs)` codes a batch on the least busy worker and resolves with one result per document, in order.
 * A worker that dies is replaced; the document it was coding is reported as an internal error and the
 * rest of its work is given to the other workers, so a crash never hangs or loses the run.
 *
 * Memory: each worker's V8 heap is capped (WORKER_HEAP). Left alone, V8 lets every isolate grow to several times
 * its live data (about 75 MB: dictionaries, models, gazetteer) when memory is plentiful, so two workers took over
 * 600 MB on a long input. A document too large for a capped worker (one of several MB of text) does not fail:
 * it is coded again in a spare worker without a cap, started for it and stopped when it is done.
 */
import { Worker } from 'node:worker_threads';
import type { InputDoc } from '../document/types.js';
import { whereOf, type Coded, type OutputOptions } from './coded.js';
import { sizeOf } from './ordered.js';
import type { FromWorker, ToWorker, WorkerInit } from './code-worker.js';

const WORKER_URL = new URL('./code-worker.js', import.meta.url);
/** After this many crashes in one run, dead workers are no longer replaced. */
const MAX_CRASHES = 8;

/**
 * Heap limits of a worker (MB): room for the ~75 MB of live data plus a document's working set (an article of
 * 1 million characters fits). The young generation is V8's default (16 MB semi-spaces): smaller ones made
 * scavenges far more frequent, larger ones cost memory for little gain.
 */
export const WORKER_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 48 } as const;
/** Documents longer than this (characters) go straight to the uncapped spare worker: a capped one would fill its heap. */
export const ROOMY_CHARS = 1_000_000;

export interface PoolOptions extends OutputOptions {
  workers: number;
  dict: string[];
  /** Heap limits of each worker; null: none (V8's defaults). Default WORKER_HEAP. */
  heap?: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } | null;
}

/** A worker could not start (its dictionaries failed to load, or it died while loading). */
export class PoolInitError extends Error {
  constructor(
    message: string,
    readonly dictionary: boolean,
  ) {
    super(message);
    this.name = 'PoolInitError';
  }
}

interface Task {
  id: number;
  docs: InputDoc[];
  resolve(results: Coded[]): void;
}

interface Slot {
  worker: Worker;
  state: Int32Array;
  /** Batches sent and not answered yet, in the order sent (the worker codes them in that order). */
  tasks: Map<number, Task>;
  dead: boolean;
}

const crashed = (doc: InputDoc, why: string): Coded => ({ err: `casus: ${whereOf(doc)}: internal error while coding (${why}); please report it\n` });

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private crashes = 0;
  private closing = false;
  /** The uncapped worker that codes documents too large for a capped one (started on demand). */
  private spare: { pool: Promise<WorkerPool>; pending: number } | null = null;

  private constructor(private readonly opts: PoolOptions) {}

  /** Start `opts.workers` workers and wait until every one has loaded its dictionaries. */
  static async start(opts: PoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(opts);
    const ready: Promise<void>[] = [];
    for (let i = 0; i < opts.workers; i++) ready.push(pool.spawn(i));
    try {
      await Promise.all(ready);
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Code a batch; never rejects (problems come back as error lines). */
  run(docs: InputDoc[]): Promise<Coded[]> {
    if (!docs.length) return Promise.resolve([]);
    const large = this.opts.heap === null ? -1 : docs.findIndex((d) => sizeOf(d) > ROOMY_CHARS);
    if (large >= 0) {
      return Promise.all([this.run(docs.slice(0, large)), this.roomy(docs[large]!, 'no worker could start'), this.run(docs.slice(large + 1))]).then(
        ([before, r, after]) => [...before, r, ...after],
      );
    }
    let best: Slot | null = null;
    for (const s of this.slots) if (!s.dead && (!best || s.tasks.size < best.tasks.size)) best = s;
    if (!best) return Promise.resolve(docs.map((d) => crashed(d, 'no worker left after repeated crashes')));
    const slot = best;
    const id = this.nextId++;
    return new Promise<Coded[]>((resolve) => {
      slot.tasks.set(id, { id, docs, resolve });
      slot.worker.postMessage({ id, docs } satisfies ToWorker);
    });
  }

  /** Stop every worker (waits until they are gone). */
  async close(): Promise<void> {
    this.closing = true;
    const spare = this.spare;
    this.spare = null;
    await Promise.all([...this.slots.map((s) => s.worker.terminate().catch(() => 0)), spare?.pool.then((p) => p.close()).catch(() => undefined)]);
  }

  /** Time each worker spent coding and waiting for work since it started (ms), for the benchmark. */
  utilization(): { active: number; idle: number }[] {
    return this.slots.map((s) => {
      const u = s.worker.performance.eventLoopUtilization();
      return { active: u.active, idle: u.idle };
    });
  }

  /** Code one document in the spare, uncapped worker (it is very long, or it ran out of memory in a capped one). */
  private async roomy(doc: InputDoc, why: string): Promise<Coded> {
    if (this.closing) return crashed(doc, why);
    this.spare ??= { pool: WorkerPool.start({ ...this.opts, workers: 1, heap: null }), pending: 0 };
    const spare = this.spare;
    spare.pending++;
    try {
      const [r] = await (await spare.pool).run([doc]);
      return r ?? crashed(doc, why);
    } catch {
      return crashed(doc, why);
    } finally {
      if (--spare.pending === 0 && this.spare === spare) {
        this.spare = null;
        void spare.pool.then((p) => p.close()).catch(() => undefined);
      }
    }
  }

  private spawn(index: number): Promise<void> {
    const sab = new SharedArrayBuffer(8);
    const heap = this.opts.heap === undefined ? WORKER_HEAP : this.opts.heap;
    const init: WorkerInit = { format: this.opts.format, view: this.opts.view, dict: this.opts.dict, state: sab, capped: heap !== null };
    const worker = new Worker(WORKER_URL, { workerData: init, resourceLimits: heap ?? {} });
    const slot: Slot = { worker, state: new Int32Array(sab), tasks: new Map(), dead: false };
    this.slots[index] = slot;
    let ready = false;
    let lastError: string | null = null;
    let outOfMemory = false;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'done') {
          const task = slot.tasks.get(m.id);
          slot.tasks.delete(m.id);
          task?.resolve(m.results);
        } else if (m.type === 'ready') {
          ready = true;
          resolve();
        } else {
          lastError = m.message;
          if (!ready) reject(new PoolInitError(m.message, m.dictionary));
        }
      });
      worker.on('error', (e) => {
        lastError = e.message;
        if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') outOfMemory = true;
      });
      worker.on('exit', (code) => {
        slot.dead = true;
        if (this.closing) return;
        const why = lastError ?? `exit code ${code}`;
        if (!ready) reject(new PoolInitError(`a worker stopped while loading (${why})`, false));
        this.crashed(index, slot, why, outOfMemory && heap !== null);
      });
    });
  }

  /**
   * A worker died: blame the document it was coding (or, when a capped worker ran out of memory, code that
   * document again without a cap), give the rest of its batches to the others.
   */
  private crashed(index: number, slot: Slot, why: string, outOfMemory: boolean): void {
    this.crashes++;
    if (this.crashes <= MAX_CRASHES) this.spawn(index).catch(() => undefined);
    const tasks = [...slot.tasks.values()];
    slot.tasks.clear();
    const busyId = Atomics.load(slot.state, 0);
    const at = Atomics.load(slot.state, 1);
    for (const task of tasks) {
      if (task.id !== busyId) {
        void this.run(task.docs).then(task.resolve);
        continue;
      }
      const doc = task.docs[at]!;
      const culprit = outOfMemory ? this.roomy(doc, `the worker stopped: ${why}`) : crashed(doc, `the worker stopped: ${why}`);
      void Promise.all([this.run(task.docs.slice(0, at)), culprit, this.run(task.docs.slice(at + 1))]).then(([before, c, after]) =>
        task.resolve([...before, c, ...after]),
      );
    }
  }
}
