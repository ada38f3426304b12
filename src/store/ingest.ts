/**
 * Coding documents into the store. Documents are written in batches, each batch one transaction holding the
 * documents with their entities and events; progress is reported only after COMMIT, so a killed run loses nothing
 * it reported stored, and a rerun skips what is there (documents are keyed by id or text hash).
 */
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Document, InputDoc } from '../document/types.js';
import type { Coder, InputError } from '../pipeline.js';
import { CASUS_VERSION } from '../version.js';
import { openDb, storeError } from './db.js';
import { storeKey, textHashes } from './keys.js';
import { appendRow, documentRow, entityRows, eventRows, type DocMeta } from './rows.js';
import { createSchema } from './schema.js';

/** Documents added, already stored, recoded, failed; events written; `stale`: stored documents coded by another
 * casus or dictionary version (left as they are without --recode). */
export interface IngestSummary { added: number; already: number; recoded: number; events: number; failed: number; stale: number }

export interface WriterOptions {
  /** The coder, made by the caller (the CLI): the store stores coded documents and does not make a coder. */
  coder: Coder;
  /** Documents per transaction. */
  batch?: number;
  /** Also commit when this many ms have passed since the last commit (and a document is waiting). */
  commitMs?: number;
  /** Progress and problems, one line each (without newline). */
  log: (line: string) => void;
}

interface Coded { doc: Document; key: string; html: string | null }

const fmt = (n: number): string => n.toLocaleString('en-US');
const marks = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');

export class StoreWriter {
  readonly summary: IngestSummary = { added: 0, already: 0, recoded: 0, events: 0, failed: 0, stale: 0 };
  private pending: InputDoc[] = [];
  private pendingKeys = new Set<string>();
  private lastCommit = Date.now();
  private apps: { documents: DuckDBAppender; entities: DuckDBAppender; events: DuckDBAppender } | null = null;

  private constructor(
    readonly path: string,
    private instance: DuckDBInstance,
    private conn: DuckDBConnection,
    private opts: WriterOptions,
    private inputError: typeof InputError,
  ) {}

  static async open(path: string, opts: WriterOptions): Promise<StoreWriter> {
    // The class of input errors, loaded here (writing codes documents anyway) so that queries need not load the coder.
    const { InputError: inputError } = await import('../pipeline.js');
    const { instance, conn } = await openDb(path, false);
    const w = new StoreWriter(path, instance, conn, opts, inputError);
    await w.guard(() => createSchema(conn));
    return w;
  }

  private async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw storeError(e, this.path);
    }
  }

  private get batchSize(): number {
    return this.opts.batch ?? 500;
  }

  /** Queue one input document; writes a batch when it is full (or old). */
  async add(input: InputDoc): Promise<void> {
    const key = storeKey(input);
    if (this.pendingKeys.has(key)) {
      this.summary.already++;
      return;
    }
    this.pendingKeys.add(key);
    this.pending.push(input);
    if (this.pending.length >= this.batchSize || Date.now() - this.lastCommit >= (this.opts.commitMs ?? 5000)) await this.flush();
  }

  /** Code and store the queued documents that are not stored yet, in one transaction. */
  async flush(): Promise<void> {
    const inputs = this.pending;
    this.pending = [];
    this.pendingKeys = new Set();
    if (!inputs.length) return;
    const keys = inputs.map(storeKey);
    const stored = new Set<string>();
    const found = await this.guard(() => this.conn.runAndReadAll(`SELECT id FROM documents WHERE id IN (${marks(keys.length)})`, keys));
    for (const [id] of found.getRows()) stored.add(String(id));
    const coded: Coded[] = [];
    inputs.forEach((input, i) => {
      const key = keys[i]!;
      if (stored.has(key)) {
        this.summary.already++;
        return;
      }
      const doc = this.code({ ...input, id: key });
      if (doc) coded.push({ doc, key, html: input.text === undefined ? input.html ?? null : null });
    });
    if (coded.length) await this.write(coded, false);
    this.lastCommit = Date.now();
  }

  private code(input: InputDoc): Document | null {
    const where = input.origin ? `${input.origin.file}${input.origin.line ? `:${input.origin.line}` : ''}` : input.id;
    try {
      return this.opts.coder.code(input);
    } catch (e) {
      this.summary.failed++;
      if (e instanceof this.inputError) this.opts.log(`casus: ${where}: ${(e as Error).message}`);
      else this.opts.log(`casus: ${where}: internal error while coding (${(e as Error).message}); please report it`);
      return null;
    }
  }

  private async appenders(): Promise<NonNullable<StoreWriter['apps']>> {
    this.apps ??= {
      documents: await this.conn.createAppender('documents'),
      entities: await this.conn.createAppender('entities'),
      events: await this.conn.createAppender('events'),
    };
    return this.apps;
  }

  /** One transaction: the documents (new, or recoded in place), their entities and their events. */
  private async write(coded: Coded[], recode: boolean): Promise<void> {
    const conn = this.conn;
    let events = 0;
    await this.guard(async () => {
      const apps = await this.appenders();
      await conn.run('BEGIN TRANSACTION');
      try {
        const metas = recode ? await this.recodeMetas(coded) : await this.newMetas(coded);
        if (recode) {
          const ids = coded.map((c) => c.key);
          await conn.run(`DELETE FROM events WHERE doc_id IN (${marks(ids.length)})`, ids);
          await conn.run(`DELETE FROM entities WHERE doc_id IN (${marks(ids.length)})`, ids);
          for (const { doc, key } of coded) {
            await conn.run(
              `UPDATE documents SET doc = $1, casus_version = $2, dictionary_version = $3, n_events = $4, stored_at = current_timestamp WHERE id = $5`,
              [JSON.stringify(doc), doc.casusVersion, doc.dictionaryVersion, doc.events.length, key],
            );
          }
        }
        coded.forEach(({ doc, key }, i) => {
          const m = metas[i]!;
          if (!recode) appendRow(apps.documents, documentRow(doc, m));
          for (const row of entityRows(doc, key)) appendRow(apps.entities, row);
          for (const row of eventRows(doc, m)) appendRow(apps.events, row);
          events += doc.events.length;
        });
        apps.documents.flushSync();
        apps.entities.flushSync();
        apps.events.flushSync();
        await conn.run('COMMIT');
      } catch (e) {
        this.apps = null;
        await conn.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
    this.summary.events += events;
    if (recode) {
      this.summary.recoded += coded.length;
      this.opts.log(`recoded ${fmt(this.summary.recoded)} documents (${fmt(this.summary.events)} events)`);
    } else {
      this.summary.added += coded.length;
      this.opts.log(`stored ${fmt(this.summary.added)} documents (${fmt(this.summary.events)} events)`);
    }
  }

  /** Hashes and article keys of new documents: a reprint takes the article key of the first copy stored. */
  private async newMetas(coded: Coded[]): Promise<DocMeta[]> {
    const hashes = coded.map((c) => textHashes(c.doc.text));
    const heads = [...new Set(hashes.map((h) => h.head).filter((h): h is string => h !== null))];
    const article = new Map<string, string>();
    if (heads.length) {
      const r = await this.conn.runAndReadAll(`SELECT head_hash, min(article) FROM documents WHERE head_hash IN (${marks(heads.length)}) GROUP BY head_hash`, heads);
      for (const [h, a] of r.getRows()) article.set(String(h), String(a));
    }
    return coded.map((c, i) => {
      const h = hashes[i]!;
      let art = c.key;
      if (h.head) {
        art = article.get(h.head) ?? c.key;
        article.set(h.head, art);
      }
      return { key: c.key, textHash: h.text, headHash: h.head, article: art, html: c.html };
    });
  }

  private async recodeMetas(coded: Coded[]): Promise<DocMeta[]> {
    const keys = coded.map((c) => c.key);
    const r = await this.conn.runAndReadAll(`SELECT id, article, text_hash, head_hash FROM documents WHERE id IN (${marks(keys.length)})`, keys);
    const byId = new Map(r.getRows().map(([id, art, t, h]) => [String(id), { article: String(art), t: t as string | null, h: h as string | null }]));
    return coded.map((c) => {
      const m = byId.get(c.key);
      return { key: c.key, textHash: m?.t ?? null, headHash: m?.h ?? null, article: m?.article ?? c.key, html: c.html };
    });
  }

  /** Stored documents coded with another casus or dictionary version than the coder's. */
  async staleIds(): Promise<string[]> {
    const r = await this.guard(() =>
      this.conn.runAndReadAll(`SELECT id FROM documents WHERE casus_version IS DISTINCT FROM $1 OR dictionary_version IS DISTINCT FROM $2 ORDER BY id`, [
        CASUS_VERSION,
        this.opts.coder.lexicon.version,
      ]),
    );
    return r.getRows().map(([id]) => String(id));
  }

  /** Recode every stale document from its stored text (or HTML), in batches. */
  async recode(): Promise<void> {
    const ids = await this.staleIds();
    for (let i = 0; i < ids.length; i += this.batchSize) {
      const chunk = ids.slice(i, i + this.batchSize);
      const r = await this.guard(() => this.conn.runAndReadAll(`SELECT id, doc, html FROM documents WHERE id IN (${marks(chunk.length)})`, chunk));
      const coded: Coded[] = [];
      for (const [id, json, html] of r.getRows()) {
        const old = JSON.parse(String(json)) as Document;
        const input: InputDoc = { id: String(id), date: old.date, title: old.title, url: old.url, source: old.source };
        if (typeof html === 'string') input.html = html;
        else input.text = old.text;
        const doc = this.code(input);
        if (doc) coded.push({ doc, key: String(id), html: typeof html === 'string' ? html : null });
      }
      if (coded.length) await this.write(coded, true);
    }
  }

  /** Write what is queued, count stale documents, checkpoint and close. */
  async finish(): Promise<IngestSummary> {
    await this.flush();
    this.summary.stale = (await this.staleIds()).length;
    await this.guard(() => this.conn.run('CHECKPOINT'));
    this.close();
    return this.summary;
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
