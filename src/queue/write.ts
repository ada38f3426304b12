/**
 * One batch from the queue into PostgreSQL, in one transaction: the new documents with their rows, and the
 * articles that failed for good in the `failures` table. Documents already stored (a batch delivered again, a
 * copy submitted twice) are skipped, so the write is idempotent.
 */
import { inTransaction } from '../store/pg.js';
import { articleMetas, writeBatch } from '../store/pg-sink.js';
import type { Coded } from '../store/sink.js';

export interface Failure {
  id: string;
  error: string;
  deliveries: number;
  input: string;
}

/** Test hook only: hold the transaction open after its writes, before COMMIT, so a test can kill the worker there. */
const HOLD = 'CASUS_TEST_QUEUE_HOLD';

export async function writeQueued(
  url: string,
  coded: Coded[],
  failures: Failure[],
  log: (s: string) => void,
): Promise<{ added: number; already: number; events: number }> {
  return inTransaction(url, async (c) => {
    const stored = new Set((await c.query('SELECT id FROM documents WHERE id = ANY($1)', [coded.map((x) => x.key)])).rows.map((r: { id: string }) => r.id));
    const fresh = coded.filter((x) => !stored.has(x.key));
    const added = fresh.length ? await writeBatch(c, fresh, await articleMetas(c, fresh)) : new Set<string>();
    if (added.size) await c.query('DELETE FROM failures WHERE id = ANY($1)', [[...added]]);
    for (const f of failures) {
      await c.query(
        `INSERT INTO failures (id, error, deliveries, input) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET error = excluded.error, deliveries = excluded.deliveries, input = excluded.input, failed_at = current_timestamp`,
        [f.id, f.error, f.deliveries, f.input],
      );
    }
    if (process.env[HOLD] && added.size) {
      log('worker: holding the batch before COMMIT (test hook)');
      await new Promise(() => undefined);
    }
    const events = fresh.filter((x) => added.has(x.key)).reduce((n, x) => n + x.doc.events.length, 0);
    return { added: added.size, already: coded.length - added.size, events };
  });
}
