/** The DuckDB file as a Sink: documents, entities and events appended with DuckDB appenders, one transaction a batch. */
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Document, InputDoc } from '../document/types.js';
import { openWaiting, storeError } from './db.js';
import { appendRow, documentRow, entityRows, eventRows, type DocMeta } from './rows.js';
import { createSchema } from './schema.js';
import { articleKeys, headsOf, marks, type Coded, type Sink } from './sink.js';

type Apps = { documents: DuckDBAppender; entities: DuckDBAppender; events: DuckDBAppender };

export class DuckSink implements Sink {
  private apps: Apps | null = null;

  private constructor(
    readonly path: string,
    private instance: DuckDBInstance,
    private conn: DuckDBConnection,
  ) {}

  /**
   * Open for writing. While another process holds DuckDB's lock, try again for up to `waitS` seconds (saying so
   * once through `log`), then fail with StoreError 'locked'.
   */
  static async open(path: string, waitS = 0, log: (line: string) => void = () => undefined): Promise<DuckSink> {
    const { instance, conn } = await openWaiting(path, false, waitS * 1000, () =>
      log(`casus: ${path} is in use by another casus process; waiting up to ${waitS} s for it (--wait SECONDS)`),
    );
    const s = new DuckSink(path, instance, conn);
    try {
      await createSchema(conn);
    } catch (e) {
      s.close();
      throw storeError(e, path);
    }
    return s;
  }

  private async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw storeError(e, this.path);
    }
  }

  private async rows(sql: string, params: string[]): Promise<unknown[][]> {
    return this.guard(async () => (await this.conn.runAndReadAll(sql, params)).getRows() as unknown[][]);
  }

  async storedKeys(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    return new Set((await this.rows(`SELECT id FROM documents WHERE id IN (${marks(keys.length)})`, keys)).map(([id]) => String(id)));
  }

  async insert(coded: Coded[]): Promise<{ added: number; events: number }> {
    const stored = await this.storedKeys(coded.map((c) => c.key));
    const fresh = coded.filter((c) => !stored.has(c.key));
    if (!fresh.length) return { added: 0, events: 0 };
    return this.transaction(async (apps) => {
      const heads = headsOf(fresh);
      const existing = new Map<string, string>();
      if (heads.length) {
        const r = await this.conn.runAndReadAll(
          `SELECT head_hash, min(article) FROM documents WHERE head_hash IN (${marks(heads.length)}) GROUP BY head_hash`,
          heads,
        );
        for (const [h, a] of r.getRows()) existing.set(String(h), String(a));
      }
      const { metas, renames } = articleKeys(fresh, existing);
      for (const [old, now] of renames) {
        await this.conn.run('UPDATE documents SET article = $1 WHERE article = $2', [now, old]);
        await this.conn.run('UPDATE events SET article = $1 WHERE article = $2', [now, old]);
      }
      return { added: fresh.length, events: this.append(apps, fresh, metas, true) };
    });
  }

  async replace(coded: Coded[]): Promise<number> {
    const ids = coded.map((c) => c.key);
    return this.transaction(async (apps) => {
      const r = await this.conn.runAndReadAll(`SELECT id, article, text_hash, head_hash FROM documents WHERE id IN (${marks(ids.length)})`, ids);
      const byId = new Map(r.getRows().map(([id, art, t, h]) => [String(id), { article: String(art), t: t as string | null, h: h as string | null }]));
      const metas: DocMeta[] = coded.map((c) => {
        const m = byId.get(c.key);
        return { key: c.key, textHash: m?.t ?? null, headHash: m?.h ?? null, article: m?.article ?? c.key, html: c.html };
      });
      await this.conn.run(`DELETE FROM events WHERE doc_id IN (${marks(ids.length)})`, ids);
      await this.conn.run(`DELETE FROM entities WHERE doc_id IN (${marks(ids.length)})`, ids);
      for (const { doc, key } of coded) {
        await this.conn.run(
          `UPDATE documents SET doc = $1, casus_version = $2, dictionary_version = $3, n_events = $4, stored_at = current_timestamp WHERE id = $5`,
          [JSON.stringify(doc), doc.casusVersion, doc.dictionaryVersion, doc.events.length, key],
        );
      }
      return this.append(apps, coded, metas, false);
    });
  }

  private append(apps: Apps, coded: Coded[], metas: DocMeta[], documents: boolean): number {
    let events = 0;
    coded.forEach(({ doc, key }, i) => {
      const m = metas[i]!;
      if (documents) appendRow(apps.documents, documentRow(doc, m));
      for (const row of entityRows(doc, key)) appendRow(apps.entities, row);
      for (const row of eventRows(doc, m)) appendRow(apps.events, row);
      events += doc.events.length;
    });
    apps.documents.flushSync();
    apps.entities.flushSync();
    apps.events.flushSync();
    return events;
  }

  private async transaction<T>(f: (apps: Apps) => Promise<T>): Promise<T> {
    return this.guard(async () => {
      this.apps ??= {
        documents: await this.conn.createAppender('documents'),
        entities: await this.conn.createAppender('entities'),
        events: await this.conn.createAppender('events'),
      };
      await this.conn.run('BEGIN TRANSACTION');
      try {
        const r = await f(this.apps);
        await this.conn.run('COMMIT');
        return r;
      } catch (e) {
        this.apps = null;
        await this.conn.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  async staleIds(casusVersion: string, dictionaryVersion: string): Promise<string[]> {
    const r = await this.rows(`SELECT id FROM documents WHERE casus_version IS DISTINCT FROM $1 OR dictionary_version IS DISTINCT FROM $2 ORDER BY id`, [
      casusVersion,
      dictionaryVersion,
    ]);
    return r.map(([id]) => String(id));
  }

  async storedInputs(ids: string[]): Promise<{ input: InputDoc; html: string | null }[]> {
    const r = await this.rows(`SELECT id, doc, html FROM documents WHERE id IN (${marks(ids.length)})`, ids);
    return r.map(([id, json, html]) => storedInput(String(id), String(json), typeof html === 'string' ? html : null));
  }

  async finish(): Promise<void> {
    await this.guard(() => this.conn.run('CHECKPOINT'));
    this.close();
  }

  close(): void {
    try {
      for (const a of Object.values(this.apps ?? {})) a.closeSync();
    } catch {
      /* closing after a failed transaction */
    }
    this.apps = null;
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/** A stored document as the input to code it again: its text, or the HTML it came as. */
export function storedInput(id: string, json: string, html: string | null): { input: InputDoc; html: string | null } {
  const old = JSON.parse(json) as Document;
  const input: InputDoc = { id, date: old.date, title: old.title, url: old.url, source: old.source };
  if (html !== null) input.html = html;
  else input.text = old.text;
  return { input, html };
}
