/**
 * PostgreSQL as a Store for queries: the same SQL as DuckDB's (schema.ts, query.ts, in the postgres dialect).
 * `export` copies the single reports into an in-memory DuckDB and writes the file there with DuckDB's COPY, so
 * CSV and Parquet files are the same as from a DuckDB store.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { Document } from '../document/types.js';
import { StoreError } from './db.js';
import { exportSql, type ExportFormat } from './export.js';
import type { Store, StoreStats } from './index.js';
import { endPool, ensureSchema, pgError, poolOf } from './pg.js';
import { actorsSql, dyadsSql, eventsSql, STATS_SQL, type ActorRow, type DyadRow, type EventRow, type Filters, type Sql } from './query.js';
import { appendRow, type Cell } from './rows.js';
import { columnsOf, createSchema } from './schema.js';

/** Cell kinds of the events table, in column order (as rows.ts appends them). */
const EVENT_KINDS = [
  's',
  's',
  'i',
  's',
  'date',
  's',
  's',
  's',
  's',
  'i',
  'i',
  'd',
  's',
  's',
  's',
  's',
  'b',
  'b',
  'b',
  's',
  's',
  's',
  'd',
  'd',
  'd',
  's',
  's',
] as const;

export async function openPgStore(url: string): Promise<Store> {
  await ensureSchema(url);
  return new PgStore(url);
}

class PgStore implements Store {
  readonly readOnly = true;
  constructor(readonly path: string) {}

  private async rows<T>({ sql, params }: Sql): Promise<T[]> {
    try {
      return (await poolOf(this.path).query(sql, params)).rows as T[];
    } catch (e) {
      throw pgError(e, this.path);
    }
  }

  events(filters: Filters = {}): Promise<EventRow[]> {
    return this.rows<EventRow>(eventsSql(filters, 'postgres'));
  }

  dyads(filters: Filters = {}): Promise<DyadRow[]> {
    return this.rows<DyadRow>(dyadsSql(filters, 'postgres'));
  }

  actors(filters: Filters = {}): Promise<ActorRow[]> {
    return this.rows<ActorRow>(actorsSql(filters, 'postgres'));
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
    const cols = columnsOf('events');
    const select = cols.map((c) => (c === 'date' ? 'date::text AS date' : c)).join(', ');
    const rows = await this.rows<Record<string, string | number | boolean | null>>({ sql: `SELECT ${select} FROM events`, params: [] });
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      await createSchema(conn);
      const ap = await conn.createAppender('events');
      for (const r of rows)
        appendRow(
          ap,
          cols.map((c, i): Cell => [EVENT_KINDS[i]!, r[c] ?? null]),
        );
      ap.closeSync();
      const { sql, params } = exportSql(out, format, opts);
      await conn.run(sql, params);
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError('io', `${out}: ${(e as Error).message}`);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  }

  close(): void {
    void endPool(this.path);
  }
}
