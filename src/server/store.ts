/**
 * The corpus side of the server: opens the event store (src/store, loaded only when --db is given) for each query,
 * read-only, and closes it after, so that `casus ingest` can take the DuckDB write lock between requests.
 */
import { ApiError, STORE_BUSY } from './errors.js';

export type By = 'day' | 'week' | 'month';

export interface StoreFilters {
  source?: string;
  target?: string;
  root?: string;
  from?: string;
  to?: string;
  by?: By;
  limit?: number;
  includeOpinion?: boolean;
}

/** The part of the store's interface (src/store/index.ts) that the server uses. */
export interface Store {
  events(f: StoreFilters): Promise<unknown> | unknown;
  dyads(f: StoreFilters): Promise<unknown> | unknown;
  actors(f: StoreFilters): Promise<unknown> | unknown;
  document(id: string): Promise<unknown> | unknown;
  /** Counts and the publication range ({documents, firstDate, lastDate, ...}). */
  stats(): Promise<unknown> | unknown;
  close(): Promise<void> | void;
}

/** Opens a store for one request. */
export type StoreOpener = () => Promise<Store>;

/** The opener for a store file: the store module is imported lazily, so the server runs without it. */
export function fileStore(path: string): StoreOpener {
  let mod: Promise<{ openStore(p: string, o: { readOnly: boolean }): Promise<Store> }> | null = null;
  return async () => {
    const spec = '../store/index.js';
    mod ??= import(spec);
    const { openStore } = await mod;
    return openStore(path, { readOnly: true });
  };
}

/** Whether an error from DuckDB (or the store) means another process holds the write lock. */
export function isBusy(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (e.code === 'store-busy' || e.code === 'locked') return true;
  return typeof e.message === 'string' && /could not set lock|conflicting lock|lock on file|database is locked/i.test(e.message);
}

/** Runs `fn` on a freshly opened store within `timeoutMs`; maps lock errors to 503 and time-outs to 504. */
export async function withStore<T>(open: StoreOpener, timeoutMs: number, fn: (s: Store) => Promise<T> | T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let store: Store | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError(504, 'timeout', `the store did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const work = (async () => {
    store = await open();
    return await fn(store);
  })();
  try {
    return await Promise.race([work, timeout]);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (isBusy(err)) throw STORE_BUSY;
    const code = (err as { code?: unknown })?.code;
    if (code === 'missing' || code === 'not-a-store') throw new ApiError(503, `store-${code}`, (err as Error).message);
    throw new ApiError(500, 'store-error', `the store could not answer: ${(err as Error)?.message ?? String(err)}`);
  } finally {
    clearTimeout(timer);
    // Close when the work settles (even after a time-out), never leaving the file open.
    work.then(
      () => closeQuietly(store),
      () => closeQuietly(store),
    );
  }
}

function closeQuietly(s: Store | null): void {
  if (!s) return;
  try {
    Promise.resolve(s.close()).catch(() => {});
  } catch {
    /* already closed */
  }
}

const CODE = /^[A-Za-z0-9]{1,15}$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Reads the filters of `casus query` from URL query parameters (every value of each); throws a 400 ApiError on bad
 * values, and on a parameter given more than once (which value was meant cannot be told).
 */
export function parseFilters(all: Record<string, string[]>): StoreFilters {
  const f: StoreFilters = {};
  const bad = (name: string, why: string): never => {
    throw new ApiError(400, 'bad-parameter', `parameter '${name}' ${why}`);
  };
  const q: Record<string, string> = {};
  for (const [k, values] of Object.entries(all)) {
    if (values.length > 1) bad(k, `is given ${values.length} times; give it once`);
    q[k] = values[0] ?? '';
  }
  for (const name of ['source', 'target', 'root'] as const) {
    const v = q[name];
    if (v === undefined || v === '') continue;
    if (!CODE.test(v)) bad(name, 'must be a code (letters and digits, up to 15)');
    f[name] = name === 'root' ? v : v.toUpperCase();
  }
  for (const name of ['from', 'to'] as const) {
    const v = q[name];
    if (v === undefined || v === '') continue;
    if (!DATE.test(v) || Number.isNaN(Date.parse(v))) bad(name, 'must be a date YYYY-MM-DD');
    f[name] = v;
  }
  if (q.by) {
    if (q.by !== 'day' && q.by !== 'week' && q.by !== 'month') bad('by', 'must be day, week or month');
    f.by = q.by as By;
  }
  if (q.limit) {
    const n = Number(q.limit);
    if (!Number.isInteger(n) || n < 1 || n > 100_000) bad('limit', 'must be an integer from 1 to 100000');
    f.limit = n;
  }
  if (q.includeOpinion) f.includeOpinion = q.includeOpinion === 'true' || q.includeOpinion === '1';
  const known = new Set(['source', 'target', 'root', 'from', 'to', 'by', 'limit', 'includeOpinion']);
  for (const k of Object.keys(q)) if (!known.has(k)) bad(k, 'is not known (source, target, root, from, to, by, limit, includeOpinion)');
  return f;
}
