/**
 * Coding documents into the store. Documents are written in batches, each batch one transaction holding the
 * documents with their entities and events; progress is reported only after COMMIT, so a killed run loses nothing
 * it reported stored, and a rerun skips what is there (documents are keyed by id or text hash). The store (a Sink:
 * the DuckDB file or PostgreSQL) stores coded documents; the coder is the caller's.
 */
import type { Document, InputDoc } from '../document/types.js';
import type { Coder, InputError } from '../pipeline.js';
import { CASUS_VERSION } from '../version.js';
import { storeKey } from './keys.js';
import type { Coded, Sink } from './sink.js';

/** Documents added, already stored, recoded, failed; events written; `stale`: stored documents coded by another
 * casus or dictionary version (left as they are without --recode). */
export interface IngestSummary {
  added: number;
  already: number;
  recoded: number;
  events: number;
  failed: number;
  stale: number;
}

export interface WriterOptions {
  /** The coder, made by the caller (the CLI): the store stores coded documents and does not make a coder. */
  coder: Coder;
  /** Documents per transaction. */
  batch?: number;
  /** Also commit when this many ms have passed since the last commit (and a document is waiting). */
  commitMs?: number;
  /** Progress and problems, one line each (without newline). */
  log: (line: string) => void;
  /** Seconds to wait for a DuckDB file locked by another process (default 0: fail at once). */
  wait?: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

export class StoreWriter {
  readonly summary: IngestSummary = { added: 0, already: 0, recoded: 0, events: 0, failed: 0, stale: 0 };
  private pending: InputDoc[] = [];
  private pendingKeys = new Set<string>();
  private lastCommit = Date.now();

  private constructor(
    private sink: Sink,
    private opts: WriterOptions,
    private inputError: typeof InputError,
  ) {}

  get path(): string {
    return this.sink.path;
  }

  /** A writer to a store file (DuckDB) or a `postgres://` URL. */
  static async open(location: string, opts: WriterOptions): Promise<StoreWriter> {
    // The class of input errors, loaded here (writing codes documents anyway) so that queries need not load the coder.
    const { InputError: inputError } = await import('../pipeline.js');
    const { openSink } = await import('./open.js');
    return new StoreWriter(await openSink(location, opts.wait ?? 0, opts.log), opts, inputError);
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
    const stored = await this.sink.storedKeys(keys);
    const coded: Coded[] = [];
    inputs.forEach((input, i) => {
      const key = keys[i]!;
      if (stored.has(key)) {
        this.summary.already++;
        return;
      }
      const doc = this.code({ ...input, id: key });
      if (doc) coded.push({ doc, key, html: input.text === undefined ? (input.html ?? null) : null });
    });
    if (coded.length) {
      const { added, events } = await this.sink.insert(coded);
      this.summary.already += coded.length - added;
      this.summary.added += added;
      this.summary.events += events;
      this.opts.log(`stored ${fmt(this.summary.added)} documents (${fmt(this.summary.events)} events)`);
    }
    this.lastCommit = Date.now();
  }

  private code(input: InputDoc): Document | null {
    const where = input.origin ? `${input.origin.file}${input.origin.line ? `:${input.origin.line}` : ''}` : input.id;
    try {
      return this.opts.coder.code(input);
    } catch (e) {
      this.summary.failed++;
      if (e instanceof this.inputError) this.opts.log(`casus: ${where}: ${e.message}`);
      else this.opts.log(`casus: ${where}: internal error while coding (${(e as Error).message}); please report it`);
      return null;
    }
  }

  /** Stored documents coded with another casus or dictionary version than the coder's. */
  staleIds(): Promise<string[]> {
    return this.sink.staleIds(CASUS_VERSION, this.opts.coder.lexicon.version);
  }

  /** Recode every stale document from its stored text (or HTML), in batches. */
  async recode(): Promise<void> {
    const ids = await this.staleIds();
    for (let i = 0; i < ids.length; i += this.batchSize) {
      const coded: Coded[] = [];
      for (const { input, html } of await this.sink.storedInputs(ids.slice(i, i + this.batchSize))) {
        const doc = this.code(input);
        if (doc) coded.push({ doc, key: input.id, html });
      }
      if (!coded.length) continue;
      this.summary.events += await this.sink.replace(coded);
      this.summary.recoded += coded.length;
      this.opts.log(`recoded ${fmt(this.summary.recoded)} documents (${fmt(this.summary.events)} events)`);
    }
  }

  /** Write what is queued, count stale documents, flush and close. */
  async finish(): Promise<IngestSummary> {
    await this.flush();
    this.summary.stale = (await this.staleIds()).length;
    await this.sink.finish();
    return this.summary;
  }

  close(): void {
    void Promise.resolve(this.sink.close()).catch(() => undefined);
  }
}
