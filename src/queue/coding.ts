/**
 * How a worker codes a batch: on its own thread (1 thread) or on a pool of coding threads (src/cli/pool.ts).
 * A result is a Document, or an error that is final (bad input) or may pass on another delivery (a crash).
 */
import type { Document, InputDoc } from '../document/types.js';

export type Result = { doc: Document } | { error: string; retry: boolean };

export interface BatchCoder {
  code(docs: InputDoc[]): Promise<Result[]>;
  /** The dictionary version of the coder (what the store records). */
  close(): Promise<void>;
}

/** Test hook only: a document with this id fails as a crash would, on every delivery (a poison article). */
const poison = (): string | null => process.env.CASUS_TEST_QUEUE_POISON || null;

export async function startCoder(threads: number, dict: string[]): Promise<BatchCoder> {
  if (threads <= 1) {
    const { createCoder, InputError } = await import('../pipeline.js');
    const coder = createCoder({ dict });
    return {
      async code(docs) {
        return docs.map((d): Result => {
          if (d.id === poison()) return { error: 'internal error while coding (test poison article)', retry: true };
          try {
            return { doc: coder.code(d) };
          } catch (e) {
            return { error: (e as Error).message, retry: !(e instanceof InputError) };
          }
        });
      },
      async close() {},
    };
  }
  const { WorkerPool } = await import('../cli/pool.js');
  const pool = await WorkerPool.start({ workers: threads, dict, format: 'documents', view: { includeOpinion: false, ontology: 'cameo' } });
  return {
    async code(docs) {
      const out = await pool.run(docs);
      return out.map((r, i): Result => {
        if (docs[i]!.id === poison()) return { error: 'internal error while coding (test poison article)', retry: true };
        if ('out' in r) return { doc: JSON.parse(r.out) as Document };
        const msg = r.err.replace(/^casus: /, '').trim();
        return { error: msg, retry: /internal error/.test(msg) };
      });
    },
    close: () => pool.close(),
  };
}
