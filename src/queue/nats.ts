/**
 * The queue of articles: a JetStream work-queue stream (`STREAM`, subject `STREAM.articles`) read by one durable
 * pull consumer that every worker shares, and a dead-letter stream (`STREAM_dead`) for articles that failed too
 * many deliveries. Each message is one input document (JSON) with the document's store key as its Nats-Msg-Id.
 */
import { AckPolicy, connect, nanos, RetentionPolicy, StorageType, type JetStreamManager, type NatsConnection } from 'nats';

export const DEFAULT_STREAM = 'casus';
export const CONSUMER = 'workers';

export interface QueueNames {
  stream: string;
  subject: string;
  dead: string;
  deadSubject: string;
}

export function namesOf(stream: string): QueueNames {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream)) throw new Error(`stream name '${stream}' must be letters, digits, _ or - (up to 64)`);
  return { stream, subject: `${stream}.articles`, dead: `${stream}_dead`, deadSubject: `${stream}_dead.articles` };
}

/** A problem with the queue server that the CLI prints on one line. */
export class QueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueError';
  }
}

/** Connect to `nats://HOST:PORT`; reconnects for ever after a lost connection (a restarted server). */
export async function connectQueue(url: string, name: string): Promise<NatsConnection> {
  if (!/^nats:\/\/[^\s/]+$/.test(url)) throw new QueueError(`--queue must be nats://HOST:PORT (got '${url}')`);
  try {
    return await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: false });
  } catch (e) {
    throw new QueueError(`${url}: cannot reach NATS (${(e as Error).message})`);
  }
}

/** Create the streams and the shared consumer if they are missing (idempotent, any process may do it). */
export async function ensureQueue(nc: NatsConnection, names: QueueNames, ackWaitMs = 60_000): Promise<JetStreamManager> {
  const jsm = await nc.jetstreamManager();
  const exists = async (s: string): Promise<boolean> =>
    jsm.streams.info(s).then(
      () => true,
      () => false,
    );
  if (!(await exists(names.stream))) {
    await jsm.streams.add({
      name: names.stream,
      subjects: [names.subject],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      duplicate_window: nanos(120_000),
    });
  }
  if (!(await exists(names.dead))) {
    await jsm.streams.add({ name: names.dead, subjects: [names.deadSubject], retention: RetentionPolicy.Limits, storage: StorageType.File });
  }
  const consumer = await jsm.consumers.info(names.stream, CONSUMER).catch(() => null);
  if (!consumer) {
    await jsm.consumers.add(names.stream, {
      durable_name: CONSUMER,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(ackWaitMs),
      max_ack_pending: 10_000,
    });
  }
  return jsm;
}

/** Pending (not yet delivered), in flight (delivered, not acknowledged) and dead-lettered articles. */
export async function queueCounts(jsm: JetStreamManager, names: QueueNames): Promise<{ pending: number; inFlight: number; failed: number; stored: number }> {
  const c = await jsm.consumers.info(names.stream, CONSUMER);
  const s = await jsm.streams.info(names.stream);
  const d = await jsm.streams.info(names.dead);
  return { pending: c.num_pending, inFlight: c.num_ack_pending, failed: d.state.messages, stored: s.state.messages };
}
