/**
 * The embedded event store (DuckDB): `openStore(path)` for queries (the web server, `casus query`, `casus export`),
 * `StoreWriter` for `casus ingest`. See schema.ts for the tables and how reports merge into events.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Document } from '../document/types.js';
import { openWaiting, plain, storeError, StoreError } from './db.js';
import { exportSql, type ExportFormat } from './export.js';
import { actorsSql, dyadsSql, eventsSql, STATS_SQL, type ActorRow, type DyadRow, type EventRow, type Filters, type Sql } from './query.js';
import { createSchema } from './schema.js';
import { isPostgres } from './open.js';

export { StoreError } from './db.js';
export { isPostgres } from './open.js';
export { StoreWriter, type IngestSummary, type WriterOptions } from './ingest.js';
export type { ActorRow, DyadRow, EventRow, Filters, Period, Report } from './query.js';
export type { ExportFormat } from './export.js';

/** Cheap counts (merging events over a whole large store is not: use events() with filters). */
export interface StoreStats {
  documents: number;
  /** Single reports (rows of `events`), counted or not. */
  reports: number;
  /** Reports flagged negated or opinion. */
  flagged: number;
  /** The publication dates of the first and the last dated document (YYYY-MM-DD), null when none is dated. */
  firstDate: string | null;
  lastDate: string | null;
}

export interface Store {
  readonly path: string;
  readonly readOnly: boolean;
  events(filters?: Filters): Promise<EventRow[]>;
  dyads(filters?: Filters): Promise<DyadRow[]>;
  actors(filters?: Filters): Promise<ActorRow[]>;
  /** The stored Document JSON, by id (or `text:HASH` key for documents without one), or null. */
  document(id: string): Promise<Document | null>;
  stats(): Promise<StoreStats>;
  /** The keys of the stored documents, sorted. */
  keys(): Promise<string[]>;
  export(out: string, format: ExportFormat, opts?: { reports?: boolean; filters?: Filters }): Promise<void>;
  close(): void;
}

/** How long a reader (the web server, `casus query`) tries again while `casus ingest` holds the DuckDB lock. */
export const READ_WAIT_MS = 3000;

/**
 * Open a store: a DuckDB file, or PostgreSQL for a `postgres://` URL. Read-only opening fails with a StoreError (code 'locked', "the store is being written by another
 * process") while `casus ingest` writes it, and with code 'missing' when there is no such file.
 */
export async function openStore(
  path: string,
  { readOnly = false, waitMs = readOnly ? READ_WAIT_MS : 0 }: { readOnly?: boolean; waitMs?: number } = {},
): Promise<Store> {
  if (isPostgres(path)) return (await import('./pg-store.js')).openPgStore(path);
  const { instance, conn } = await openWaiting(path, readOnly, waitMs);
  try {
    if (readOnly) {
      const r = await conn.runAndReadAll(`SELECT count(*) FROM information_schema.tables WHERE table_name IN ('documents', 'events', 'entities')`);
      if (Number(r.getRows()[0]?.[0]) < 3) throw new StoreError('not-a-store', `${path}: not a casus store (no events table)`);
    } else await createSchema(conn);
  } catch (e) {
    conn.closeSync();
    instance.closeSync();
    throw storeError(e, path, readOnly);
  }
  conn.closeSync();
  return new DuckStore(path, readOnly, instance);
}

class DuckStore implements Store {
  private closed = false;
  constructor(
    readonly path: string,
    readonly readOnly: boolean,
    private instance: DuckDBInstance,
  ) {}

  /** Each query on its own connection, so that concurrent calls (a web server) do not share one. */
  private async with<T>(f: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreError('io', `${this.path}: the store is closed`);
    const conn = await this.instance.connect();
    try {
      return await f(conn);
    } catch (e) {
      throw storeError(e, this.path, this.readOnly);
    } finally {
      conn.closeSync();
    }
  }

  private rows<T>({ sql, params }: Sql): Promise<T[]> {
    return this.with(async (conn) => (await conn.runAndReadAll(sql, params)).getRowObjectsJS().map((r) => plain(r) as T));
  }

  events(filters: Filters = {}): Promise<EventRow[]> {
    return this.rows<EventRow>(eventsSql(filters));
  }

  dyads(filters: Filters = {}): Promise<DyadRow[]> {
    return this.rows<DyadRow>(dyadsSql(filters));
  }

  actors(filters: Filters = {}): Promise<ActorRow[]> {
    return this.rows<ActorRow>(actorsSql(filters));
  }

  async document(id: string): Promise<Document | null> {
    const [row] = await this.rows<{ doc: string }>({ sql: 'SELECT doc FROM documents WHERE id = $1', params: [id] });
    return row ? (JSON.parse(row.doc) as Document) : null;
  }

  async keys(): Promise<string[]> {
    return (await this.rows<{ id: string }>({ sql: 'SELECT id FROM documents ORDER BY id', params: [] })).map((r) => r.id);
  }

  async stats(): Promise<StoreStats> {
    const [row] = await this.rows<StoreStats>(STATS_SQL);
    return row!;
  }

  async export(out: string, format: ExportFormat, opts: { reports?: boolean; filters?: Filters } = {}): Promise<void> {
    const { sql, params } = exportSql(out, format, opts);
    await this.with((conn) => conn.run(sql, params));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.instance.closeSync();
  }
}
