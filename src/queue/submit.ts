/**
 * `casus submit`: publish documents to the queue, each with its store key as the message id, so that JetStream
 * drops a copy published again within its duplicate window (two minutes); the store's keys drop later copies.
 */
import type { NatsConnection } from 'nats';
import type { InputDoc } from '../document/types.js';
import { storeKey } from '../store/keys.js';
import type { QueueNames } from './nats.js';

export interface SubmitSummary {
  published: number;
  duplicates: number;
}

/**
 * Publish documents, up to `window` awaiting their acknowledgement at a time. `again` (re-running failures) gives
 * each message an id of its own, so that JetStream's duplicate window does not drop an article submitted before.
 */
export async function publishAll(
  nc: NatsConnection,
  names: QueueNames,
  docs: AsyncIterable<InputDoc>,
  { window = 256, again = false }: { window?: number; again?: boolean } = {},
): Promise<SubmitSummary> {
  const js = nc.jetstream();
  const summary: SubmitSummary = { published: 0, duplicates: 0 };
  const enc = new TextEncoder();
  let inFlight: Promise<void>[] = [];
  for await (const doc of docs) {
    const id = storeKey(doc);
    const p = js.publish(names.subject, enc.encode(JSON.stringify({ ...doc, id })), { msgID: again ? `${id}#again-${Date.now()}` : id }).then((ack) => {
      if (ack.duplicate) summary.duplicates++;
      else summary.published++;
    });
    inFlight.push(p);
    if (inFlight.length >= window) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  return summary;
}
