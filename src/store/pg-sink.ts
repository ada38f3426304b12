/**
 * PostgreSQL as a Sink. Rows go in as one JSON array per table (json_populate_recordset), documents with
 * ON CONFLICT DO NOTHING: only the documents this transaction inserted get entities and events, so two workers
 * writing the same document (a batch delivered again) store it once. Reprints lock their head hash
 * (an advisory lock) while the article key is chosen.
 */
import type { InputDoc } from '../document/types.js';
import { storedInput } from './duck-sink.js';
import { ensureSchema, endPool, inTransaction, pgError, poolOf } from './pg.js';
import { documentRow, entityRows, eventRows, type Cell, type DocMeta } from './rows.js';
import { columnsOf } from './schema.js';
import { articleKeys, headsOf, type Coded, type Sink } from './sink.js';
import type pg from 'pg';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A row of cells as an object by column name (what json_populate_recordset reads). */
function record(cols: string[], cells: Cell[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  cells.forEach(([kind, v], i) => {
    if (kind === 'default') return;
    let x = v;
    if (typeof x === 'number' && !Number.isFinite(x)) x = null;
    if (kind === 'date' && (typeof x !== 'string' || !DAY.test(x) || Number.isNaN(Date.parse(x)))) x = null;
    o[cols[i]!] = typeof x === 'string' ? x.replaceAll('\0', '') : x;
  });
  return o;
}

const COLS = { documents: columnsOf('documents'), entities: columnsOf('entities'), events: columnsOf('events') };
const DOC_COLS = COLS.documents.filter((c) => c !== 'stored_at');

async function insertRows(c: pg.PoolClient, table: 'entities' | 'events', rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const cols = COLS[table].join(', ');
  await c.query(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${table}, $1::json)`, [JSON.stringify(rows)]);
}

/** Insert the documents and their rows; returns the keys this transaction inserted. */
export async function writeBatch(c: pg.PoolClient, coded: Coded[], metas: DocMeta[]): Promise<Set<string>> {
  const docs = coded.map(({ doc }, i) => record(COLS.documents, documentRow(doc, metas[i]!)));
  const cols = DOC_COLS.join(', ');
  const r = await c.query(
    `INSERT INTO documents (${cols}) SELECT ${cols} FROM json_populate_recordset(null::documents, $1::json) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(docs)],
  );
  const added = new Set(r.rows.map((x: { id: string }) => x.id));
  const mine = coded.map((x, i) => [x, metas[i]!] as const).filter(([x]) => added.has(x.key));
  await insertRows(
    c,
    'entities',
    mine.flatMap(([x]) => entityRows(x.doc, x.key).map((row) => record(COLS.entities, row))),
  );
  await insertRows(
    c,
    'events',
    mine.flatMap(([x, m]) => eventRows(x.doc, m).map((row) => record(COLS.events, row))),
  );
  return added;
}

/** Choose article keys under head-hash locks, renaming stored rows when a smaller key arrives. */
export async function articleMetas(c: pg.PoolClient, coded: Coded[]): Promise<DocMeta[]> {
  const heads = headsOf(coded);
  for (const h of heads) await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 17))', [h]);
  const existing = new Map<string, string>();
  if (heads.length) {
    const r = await c.query('SELECT head_hash, min(article) AS a FROM documents WHERE head_hash = ANY($1) GROUP BY head_hash', [heads]);
    for (const row of r.rows as { head_hash: string; a: string }[]) existing.set(row.head_hash, row.a);
  }
  const { metas, renames } = articleKeys(coded, existing);
  for (const [old, now] of renames) {
    await c.query('UPDATE documents SET article = $1 WHERE article = $2', [now, old]);
    await c.query('UPDATE events SET article = $1 WHERE article = $2', [now, old]);
  }
  return metas;
}

export class PgSink implements Sink {
  private constructor(readonly path: string) {}

  static async open(url: string): Promise<PgSink> {
    await ensureSchema(url);
    return new PgSink(url);
  }

  private async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    try {
      return (await poolOf(this.path).query(sql, params)).rows as T[];
    } catch (e) {
      throw pgError(e, this.path);
    }
  }

  async storedKeys(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    return new Set((await this.rows<{ id: string }>('SELECT id FROM documents WHERE id = ANY($1)', [keys])).map((r) => r.id));
  }

  async insert(coded: Coded[]): Promise<{ added: number; events: number }> {
    return inTransaction(this.path, async (c) => {
      const stored = new Set((await c.query('SELECT id FROM documents WHERE id = ANY($1)', [coded.map((x) => x.key)])).rows.map((r: { id: string }) => r.id));
      const fresh = coded.filter((x) => !stored.has(x.key));
      if (!fresh.length) return { added: 0, events: 0 };
      const added = await writeBatch(c, fresh, await articleMetas(c, fresh));
      return { added: added.size, events: fresh.filter((x) => added.has(x.key)).reduce((n, x) => n + x.doc.events.length, 0) };
    });
  }

  async replace(coded: Coded[]): Promise<number> {
    const ids = coded.map((x) => x.key);
    return inTransaction(this.path, async (c) => {
      const r = await c.query('SELECT id, article, text_hash, head_hash FROM documents WHERE id = ANY($1)', [ids]);
      const byId = new Map((r.rows as { id: string; article: string; text_hash: string | null; head_hash: string | null }[]).map((x) => [x.id, x]));
      const metas: DocMeta[] = coded.map((x) => {
        const m = byId.get(x.key);
        return { key: x.key, textHash: m?.text_hash ?? null, headHash: m?.head_hash ?? null, article: m?.article ?? x.key, html: x.html };
      });
      for (const t of ['events', 'entities', 'documents']) await c.query(`DELETE FROM ${t} WHERE ${t === 'documents' ? 'id' : 'doc_id'} = ANY($1)`, [ids]);
      await writeBatch(c, coded, metas);
      return coded.reduce((n, x) => n + x.doc.events.length, 0);
    });
  }

  async staleIds(casusVersion: string, dictionaryVersion: string): Promise<string[]> {
    const r = await this.rows<{ id: string }>(
      'SELECT id FROM documents WHERE casus_version IS DISTINCT FROM $1 OR dictionary_version IS DISTINCT FROM $2 ORDER BY id',
      [casusVersion, dictionaryVersion],
    );
    return r.map((x) => x.id);
  }

  async storedInputs(ids: string[]): Promise<{ input: InputDoc; html: string | null }[]> {
    const r = await this.rows<{ id: string; doc: string; html: string | null }>('SELECT id, doc, html FROM documents WHERE id = ANY($1)', [ids]);
    return r.map((x) => storedInput(x.id, x.doc, x.html));
  }

  async finish(): Promise<void> {
    await endPool(this.path);
  }

  async close(): Promise<void> {
    await endPool(this.path);
  }
}
