/** `casus submit`, `casus worker`, `casus queue status|failures`: the queue of articles (src/queue) and PostgreSQL. */
import { inputTypeOf, readInput, type InputType } from '../ingest/read.js';
import type { InputDoc } from '../document/types.js';
import { connectQueue, DEFAULT_STREAM, ensureQueue, namesOf, queueCounts, QueueError } from '../queue/nats.js';
import { StoreError, isPostgres } from '../store/index.js';
import { UsageError, flag, oneOf, parseArgs, type Parsed } from './args.js';
import type { Out } from './code.js';

const fmt = (n: number): string => n.toLocaleString('en-US');

function queueUrl(args: Parsed): string {
  const q = flag(args, 'queue');
  if (!q) throw new UsageError('--queue nats://HOST:PORT is required');
  return q;
}

function storeUrl(args: Parsed, required: boolean): string | null {
  const s = flag(args, 'store');
  if (!s) {
    if (required) throw new UsageError('--store postgres://... is required (workers share a PostgreSQL store)');
    return null;
  }
  if (!isPostgres(s)) throw new UsageError(`--store must be a postgres:// URL (got '${s}')`);
  return s;
}

function whole(args: Parsed, name: string, fallback: number): number {
  const raw = flag(args, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--${name} must be a whole number of at least 1 (got '${raw}')`);
  return Number(raw);
}

function names(args: Parsed): ReturnType<typeof namesOf> {
  try {
    return namesOf(flag(args, 'stream') ?? DEFAULT_STREAM);
  } catch (e) {
    throw new UsageError(`--stream: ${(e as Error).message}`);
  }
}

/** Queue and store problems are one line and exit 1. */
function failure(e: unknown, err: Out): number {
  if (e instanceof QueueError || e instanceof StoreError) {
    err.write(`casus: ${e.message}\n`);
    return 1;
  }
  throw e;
}

export async function runSubmit(argv: string[], out: Out, err: Out): Promise<number> {
  const args = parseArgs(argv, { queue: { value: true }, stream: { value: true }, input: { value: true } });
  const url = queueUrl(args);
  const n = names(args);
  const forced = oneOf<InputType | 'auto'>(args, 'input', ['text', 'html', 'jsonl', 'auto'], 'auto');
  const files = args.positionals.length ? args.positionals : ['-'];
  let bad = false;
  async function* docs(): AsyncGenerator<InputDoc> {
    for (const file of files) {
      const type: InputType = forced !== 'auto' ? forced : file === '-' ? 'text' : (inputTypeOf(file) ?? 'text');
      for await (const item of readInput(file, { type, date: null })) {
        if ('error' in item) {
          err.write(`casus: ${item.error}\n`);
          bad = true;
        } else yield item.doc;
      }
    }
  }
  try {
    const nc = await connectQueue(url, 'casus submit');
    try {
      await ensureQueue(nc, n);
      const { publishAll } = await import('../queue/submit.js');
      const s = await publishAll(nc, n, docs());
      out.write(`${fmt(s.published)} submitted to ${n.stream}, ${fmt(s.duplicates)} duplicates dropped\n`);
    } finally {
      await nc.drain();
    }
    return bad ? 1 : 0;
  } catch (e) {
    return failure(e, err);
  }
}

export async function runWorkerCommand(argv: string[], out: Out, err: Out): Promise<number> {
  const args = parseArgs(argv, {
    queue: { value: true },
    store: { value: true },
    stream: { value: true },
    batch: { value: true },
    workers: { value: true },
    'max-deliver': { value: true },
    'ack-wait': { value: true },
    'exit-when-empty': {},
    dict: { value: true, repeat: true },
  });
  const url = queueUrl(args);
  const store = storeUrl(args, true)!;
  const n = names(args);
  const threads = whole(args, 'workers', 1);
  const opts = {
    store,
    names: n,
    batch: whole(args, 'batch', 200),
    maxDeliver: whole(args, 'max-deliver', 3),
    exitWhenEmpty: args.flags.has('exit-when-empty'),
    log: (s: string) => err.write(`${s}\n`),
    stop: { requested: false },
  };
  const onSignal = (): void => {
    opts.stop.requested = true;
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const { ensureSchema, endPool } = await import('../store/pg.js');
    await ensureSchema(store);
    const nc = await connectQueue(url, 'casus worker');
    await ensureQueue(nc, n, whole(args, 'ack-wait', 60) * 1000);
    const { startCoder } = await import('../queue/coding.js');
    const coder = await startCoder(threads, args.flags.get('dict') ?? []);
    try {
      const { runWorker } = await import('../queue/worker.js');
      const s = await runWorker(nc, coder, opts);
      out.write(`${fmt(s.added)} stored, ${fmt(s.already)} already stored, ${fmt(s.failed)} failed (${fmt(s.events)} events written)\n`);
    } finally {
      await coder.close();
      await nc.drain().catch(() => undefined);
      await endPool(store);
    }
    return 0;
  } catch (e) {
    return failure(e, err);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

export async function runQueue(argv: string[], out: Out, err: Out): Promise<number> {
  const [what, ...rest] = argv;
  if (what !== 'status' && what !== 'failures' && what !== 'retry') throw new UsageError(`casus queue needs status, failures or retry (got '${what ?? ''}')`);
  const args = parseArgs(rest, { queue: { value: true }, store: { value: true }, stream: { value: true } });
  const store = storeUrl(args, what !== 'status');
  try {
    if (what === 'retry') return await retryFailures(queueUrl(args), names(args), store!, out);
    if (what === 'failures') {
      const { poolOf, endPool, pgError } = await import('../store/pg.js');
      try {
        const r = await poolOf(store!)
          .query('SELECT input FROM failures ORDER BY id')
          .catch((e) => Promise.reject(pgError(e, store!)));
        for (const row of r.rows as { input: string }[]) out.write(`${row.input}\n`);
      } finally {
        await endPool(store!);
      }
      return 0;
    }
    const n = names(args);
    const nc = await connectQueue(queueUrl(args), 'casus queue status');
    try {
      const c = await queueCounts(await ensureQueue(nc, n), n);
      out.write(`${n.stream}: ${fmt(c.pending)} pending, ${fmt(c.inFlight)} in flight, ${fmt(c.failed)} failed (dead-letter stream ${n.dead})\n`);
    } finally {
      await nc.drain();
    }
    if (store) {
      const { poolOf, endPool, ensureSchema } = await import('../store/pg.js');
      await ensureSchema(store);
      const r = await poolOf(store).query('SELECT (SELECT count(*) FROM documents)::int AS docs, (SELECT count(*) FROM failures)::int AS failures');
      await endPool(store);
      out.write(`store: ${fmt(r.rows[0].docs)} documents, ${fmt(r.rows[0].failures)} failures (casus queue failures --store URL lists their inputs)\n`);
    }
    return 0;
  } catch (e) {
    return failure(e, err);
  }
}

/** `casus queue retry`: submit the articles of the failures table again (each stays there until it is stored). */
async function retryFailures(url: string, n: ReturnType<typeof namesOf>, store: string, out: Out): Promise<number> {
  const { poolOf, endPool, pgError, ensureSchema } = await import('../store/pg.js');
  let inputs: string[];
  try {
    await ensureSchema(store);
    inputs = (
      await poolOf(store)
        .query('SELECT input FROM failures ORDER BY id')
        .catch((e) => Promise.reject(pgError(e, store)))
    ).rows.map((r: { input: string }) => r.input);
  } finally {
    await endPool(store);
  }
  async function* docs(): AsyncGenerator<InputDoc> {
    for (const s of inputs) {
      try {
        yield JSON.parse(s) as InputDoc;
      } catch {
        /* not a document: it stays in the failures table */
      }
    }
  }
  const nc = await connectQueue(url, 'casus queue retry');
  try {
    await ensureQueue(nc, n);
    const { publishAll } = await import('../queue/submit.js');
    const s = await publishAll(nc, n, docs(), { again: true });
    out.write(`${fmt(s.published)} failed articles submitted again to ${n.stream}\n`);
  } finally {
    await nc.drain();
  }
  return 0;
}
