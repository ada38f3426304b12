/**
 * `casus worker`: pull batches from the queue, code them, write each batch to PostgreSQL in one transaction, and
 * acknowledge the messages only after COMMIT. A worker killed anywhere before the acknowledgement loses nothing
 * (JetStream delivers the batch again after the ack wait) and duplicates nothing (writeQueued skips stored keys).
 * An article that fails `maxDeliver` deliveries (or cannot be coded at all) goes to the dead-letter stream and the
 * `failures` table and is acknowledged, so it is never retried for ever.
 */
import type { JsMsg, NatsConnection } from 'nats';
import type { InputDoc } from '../document/types.js';
import { StoreError } from '../store/db.js';
import type { Coded } from '../store/sink.js';
import type { BatchCoder } from './coding.js';
import { CONSUMER, queueCounts, type QueueNames } from './nats.js';
import { writeQueued, type Failure } from './write.js';

export interface WorkerOptions {
  store: string;
  names: QueueNames;
  batch: number;
  maxDeliver: number;
  /** Stop when the queue has nothing pending or in flight (tests, benchmarks, one-off runs). */
  exitWhenEmpty: boolean;
  log: (line: string) => void;
  /** Set to stop after the current batch. */
  stop?: { requested: boolean };
}

export interface WorkerSummary {
  added: number;
  already: number;
  failed: number;
  events: number;
  batches: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number): string => n.toLocaleString('en-US');

export async function runWorker(nc: NatsConnection, coder: BatchCoder, o: WorkerOptions): Promise<WorkerSummary> {
  const sum: WorkerSummary = { added: 0, already: 0, failed: 0, events: 0, batches: 0 };
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  let t0 = 0;
  let shown = 0;
  const progress = (force = false): void => {
    if (!force && Date.now() - shown < 1000) return;
    shown = Date.now();
    const rate = (sum.added + sum.already) / Math.max(0.001, (Date.now() - (t0 || Date.now())) / 3_600_000);
    o.log(`worker: ${fmt(sum.added)} stored, ${fmt(sum.already)} already stored, ${fmt(sum.failed)} failed (${fmt(Math.round(rate))} articles/hour)`);
  };
  let trouble = '';
  const warn = (s: string): void => {
    if (s !== trouble) o.log(`worker: ${s}; retrying`);
    trouble = s;
  };
  o.log(`worker: waiting for articles on ${o.names.stream}`);
  // Test hook only: a pause after each batch, so that tests can stop a service in the middle of a run.
  const pause = Number(process.env.CASUS_TEST_QUEUE_PAUSE_MS) || 0;
  while (!o.stop?.requested) {
    const msgs: JsMsg[] = [];
    try {
      const consumer = await js.consumers.get(o.names.stream, CONSUMER);
      for await (const m of await consumer.fetch({ max_messages: o.batch, expires: 1000 })) msgs.push(m);
    } catch (e) {
      warn(`the queue is not reachable (${(e as Error).message})`);
      await sleep(500);
      continue;
    }
    if (msgs.length && !t0) t0 = Date.now();
    if (!msgs.length) {
      if (o.exitWhenEmpty) {
        const c = await queueCounts(jsm, o.names).catch(() => null);
        if (c && c.pending === 0 && c.inFlight === 0) break;
      }
      continue;
    }
    await handle(msgs, coder, o, sum, warn, js);
    trouble = '';
    sum.batches++;
    progress();
    if (pause) await sleep(pause);
  }
  progress(true);
  return sum;
}

/** Code, write in one transaction (retried while PostgreSQL is away), dead-letter, then acknowledge. */
async function handle(
  msgs: JsMsg[],
  coder: BatchCoder,
  o: WorkerOptions,
  sum: WorkerSummary,
  warn: (s: string) => void,
  js: ReturnType<NatsConnection['jetstream']>,
): Promise<void> {
  const inputs: { m: JsMsg; doc: InputDoc }[] = [];
  const failures: Failure[] = [];
  const dead = (m: JsMsg, id: string, error: string): void => {
    failures.push({ id, error, deliveries: m.info.redeliveryCount, input: new TextDecoder().decode(m.data) });
  };
  for (const m of msgs) {
    try {
      const doc = m.json<InputDoc>();
      if (!doc || typeof doc.id !== 'string') throw new Error('no document id');
      inputs.push({ m, doc });
    } catch (e) {
      dead(m, `seq:${m.seq}`, `not a queued document (${(e as Error).message})`);
    }
  }
  const results = await coder.code(inputs.map((x) => x.doc));
  const coded: Coded[] = [];
  const later: JsMsg[] = [];
  results.forEach((r, i) => {
    const { m, doc } = inputs[i]!;
    if ('doc' in r) coded.push({ doc: r.doc, key: doc.id, html: doc.text === undefined ? (doc.html ?? null) : null });
    else if (r.retry && m.info.redeliveryCount < o.maxDeliver) later.push(m);
    else dead(m, doc.id, r.error);
  });
  coded.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (;;) {
    try {
      const w = await writeQueued(o.store, coded, failures, o.log);
      sum.added += w.added;
      sum.already += w.already;
      sum.events += w.events;
      break;
    } catch (e) {
      // PostgreSQL away (restarting, stopped) or a deadlock with another worker: the same batch is written again.
      const code = (e as { code?: string }).code;
      if (!(e instanceof StoreError) && code !== '40P01' && code !== '40001') throw e;
      warn((e as Error).message);
      for (const m of msgs) m.working();
      await sleep(1000);
    }
  }
  sum.failed += failures.length;
  const enc = new TextEncoder();
  for (const f of failures) {
    await js.publish(o.names.deadSubject, enc.encode(JSON.stringify(f)), { msgID: `dead:${f.id}` }).catch(() => undefined);
  }
  for (const m of later) m.nak(1000);
  await Promise.all(msgs.filter((m) => !later.includes(m)).map((m) => m.ackAck().catch(() => false)));
}
