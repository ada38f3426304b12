/** Opening the DuckDB file, and turning DuckDB's errors into one-line messages a person can act on. */
import { existsSync, statSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** A problem with the store that the CLI prints on one line and the web server can show as is. */
export class StoreError extends Error {
  constructor(
    readonly code: 'locked' | 'read-only' | 'disk-full' | 'missing' | 'not-a-store' | 'io',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Map a DuckDB (or file system) error to a StoreError, or return the error unchanged. */
export function storeError(e: unknown, path: string, readOnly = false): unknown {
  if (e instanceof StoreError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/Could not set lock on file|Conflicting lock/i.test(msg)) {
    return readOnly
      ? new StoreError('locked', `${path}: the store is being written by another process (DuckDB lock); try again when it finishes`)
      : new StoreError('locked', `${path} is in use by another casus process (DuckDB lock); try again when it finishes`);
  }
  if (/No space left on device|ENOSPC|disk is full|Disk quota/i.test(msg)) {
    return new StoreError('disk-full', `${path}: the disk is full (no space left on device); documents reported stored before this are kept`);
  }
  if (/Read-only file system|Permission denied|EACCES|EROFS|attached in read-only mode/i.test(msg)) {
    return new StoreError('read-only', `${path}: cannot write the store (read-only file or folder: ${shortReason(msg)})`);
  }
  if (/database does not exist/i.test(msg)) return new StoreError('missing', `${path}: no such store (run 'casus ingest FILE --db ${path}' first)`);
  if (/not a valid DuckDB database file|Is a directory|The file is not a valid/i.test(msg)) {
    return new StoreError('not-a-store', `${path}: not a casus store (${shortReason(msg)})`);
  }
  if (/^IO Error/i.test(msg)) return new StoreError('io', `${path}: ${shortReason(msg)}`);
  return e;
}

function shortReason(msg: string): string {
  return msg
    .replace(/^[A-Za-z ]*Error: /, '')
    .replace(/\s+See also https?:\S+/, '')
    .replace(/\s+/g, ' ')
    .slice(0, 200);
}

export interface Opened {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
}

/** Open (or, for writing, create) the database file. Throws StoreError for the usual problems. */
export async function openDb(path: string, readOnly: boolean): Promise<Opened> {
  if (readOnly && !existsSync(path)) throw new StoreError('missing', `${path}: no such store (run 'casus ingest FILE --db ${path}' first)`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new StoreError('not-a-store', `${path}: is a folder, not a store file`);
  try {
    const instance = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
    const conn = await instance.connect();
    return { instance, conn };
  } catch (e) {
    throw storeError(e, path, readOnly);
  }
}

/** openDb, trying again every 100-500 ms while the file is locked by another process, for up to `waitMs`. */
export async function openWaiting(path: string, readOnly: boolean, waitMs: number, onWait: () => void = () => undefined): Promise<Opened> {
  const until = Date.now() + waitMs;
  for (let pause = 100, said = false; ; pause = Math.min(500, pause * 2)) {
    try {
      return await openDb(path, readOnly);
    } catch (e) {
      if (!(e instanceof StoreError) || e.code !== 'locked' || Date.now() + pause > until) throw e;
      if (!said) onWait();
      said = true;
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}

/** Quote a string as an SQL literal (for COPY targets, which cannot be parameters). */
export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Turn DuckDB values (BigInt, DATE objects) into plain JSON values. */
export function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) o[k] = plain(x);
    return o;
  }
  return v;
}
