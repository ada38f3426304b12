/** PostgreSQL connections: one pool per URL in a process, the schema created once, errors as StoreErrors. */
import pg from 'pg';
import { StoreError } from './db.js';
import { schemaSql } from './schema.js';

const pools = new Map<string, { pool: pg.Pool; ready: Promise<void> | null }>();

/** The URL without its password, for messages. */
export const shown = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

/** A PostgreSQL error (or a refused connection) as a StoreError a person can act on; others unchanged. */
export function pgError(e: unknown, url: string): unknown {
  if (e instanceof StoreError) return e;
  const err = e as { code?: string; message?: string };
  const msg = err?.message ?? String(e);
  if (
    err?.code === 'ECONNREFUSED' ||
    err?.code === 'ENOTFOUND' ||
    /terminating connection|Connection terminated|the database system is (starting|shutting)/i.test(msg)
  ) {
    return new StoreError('io', `${shown(url)}: PostgreSQL is not reachable (${msg.slice(0, 160)})`);
  }
  if (err?.code === '3D000') return new StoreError('missing', `${shown(url)}: no such database (${msg})`);
  if (err?.code === '53100') return new StoreError('disk-full', `${shown(url)}: PostgreSQL's disk is full`);
  return e;
}

/** The pool for a URL (idle connections do not keep the process alive). */
export function poolOf(url: string): pg.Pool {
  let p = pools.get(url);
  if (!p) {
    const pool = new pg.Pool({ connectionString: url, max: 4, allowExitOnIdle: true, connectionTimeoutMillis: 10_000 });
    // An idle client losing its server (a restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    p = { pool, ready: null };
    pools.set(url, p);
  }
  return p.pool;
}

/** Create the schema (once per process; concurrent processes serialise on an advisory lock). */
export async function ensureSchema(url: string): Promise<void> {
  poolOf(url);
  const p = pools.get(url)!;
  p.ready ??= (async () => {
    const c = await p.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(711017)');
      for (const sql of schemaSql('postgres')) await c.query(sql);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  })().catch((e) => {
    p.ready = null;
    throw pgError(e, url);
  });
  return p.ready;
}

/** Close the pool of a URL (at the end of a CLI command or test). */
export async function endPool(url: string): Promise<void> {
  const p = pools.get(url);
  pools.delete(url);
  await p?.pool.end().catch(() => undefined);
}

/** Run `f` in one transaction on one client; rolls back on error. */
export async function inTransaction<T>(url: string, f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  let c: pg.PoolClient;
  try {
    c = await poolOf(url).connect();
  } catch (e) {
    throw pgError(e, url);
  }
  try {
    await c.query('BEGIN');
    const r = await f(c);
    await c.query('COMMIT');
    return r;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw pgError(e, url);
  } finally {
    c.release();
  }
}
