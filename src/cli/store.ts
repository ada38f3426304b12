/** `casus ingest`, `casus query`, `casus export`: the embedded event store (src/store). */
import { normalizeDate } from '../document/dates.js';
import { inputTypeOf, readInput, type InputType } from '../ingest/read.js';
import { isPostgres, openStore, StoreError, StoreWriter, type Filters, type Period } from '../store/index.js';
import { UsageError, flag, oneOf, parseArgs, type Parsed } from './args.js';
import type { Out } from './code.js';
import { dictionaryPaths } from './config.js';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** The store: `--db PATH` (the DuckDB file) or `--store postgres://...` (PostgreSQL). */
export function db(args: Parsed): string {
  const p = flag(args, 'db');
  const url = flag(args, 'store');
  if (p && url) throw new UsageError('give --db PATH or --store URL, not both');
  if (url) {
    if (!isPostgres(url)) throw new UsageError(`--store must be a postgres:// URL (got '${url}'); use --db PATH for a store file`);
    return url;
  }
  if (!p) throw new UsageError('--db PATH (the store file) or --store postgres://... is required');
  return p;
}

function dateFlag(args: Parsed, name: string): string | undefined {
  const raw = flag(args, name);
  if (raw === undefined) return undefined;
  const d = normalizeDate(raw);
  if (d.error || !d.date) throw new UsageError(`--${name}: ${d.error ?? 'not a date'}`);
  return d.date;
}

function int(args: Parsed, name: string): number | undefined {
  const raw = flag(args, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number (got '${raw}')`);
  return Number(raw);
}

/** Exit code of a DuckDB store that stayed locked by another process (not the 1 of unreadable input). */
export const EXIT_LOCKED = 3;

/** A StoreError is one line and exit 1 (3 for a lock never released); anything else goes up to main. */
function storeFailure(e: unknown, err: Out): number {
  if (e instanceof StoreError) {
    err.write(`casus: ${e.message}\n`);
    return e.code === 'locked' ? EXIT_LOCKED : 1;
  }
  throw e;
}

export const INGEST_FLAGS = {
  db: { value: true },
  store: { value: true },
  date: { value: true },
  dict: { value: true, repeat: true },
  recode: {},
  'include-opinion': {},
  input: { value: true },
  batch: { value: true },
  wait: { value: true },
};

export async function runIngest(argv: string[], out: Out, err: Out): Promise<number> {
  const args = parseArgs(argv, INGEST_FLAGS);
  const path = db(args);
  const date = dateFlag(args, 'date') ?? null;
  const forced = oneOf<InputType | 'auto'>(args, 'input', ['text', 'html', 'jsonl', 'auto'], 'auto');
  const batch = int(args, 'batch');
  const wait = int(args, 'wait') ?? 60;
  if (batch === 0) throw new UsageError('--batch must be at least 1');
  const recode = args.flags.has('recode');
  const files = args.positionals.length || recode ? args.positionals : ['-'];
  const { createCoder } = await import('../pipeline.js');
  const coder = createCoder({ dict: dictionaryPaths(args.flags.get('dict')) });
  let failed = false;
  let writer: StoreWriter | null = null;
  try {
    writer = await StoreWriter.open(path, { coder, batch, wait, log: (s) => err.write(`${s}\n`) });
    for (const file of files) {
      const type: InputType = forced !== 'auto' ? forced : file === '-' ? 'text' : (inputTypeOf(file) ?? 'text');
      for await (const item of readInput(file, { type, date })) {
        if ('error' in item) {
          err.write(`casus: ${item.error}\n`);
          failed = true;
        } else await writer.add(item.doc);
      }
    }
    await writer.flush();
    if (recode) await writer.recode();
    const s = await writer.finish();
    writer = null;
    if (s.failed) failed = true;
    out.write(`${fmt(s.added)} added, ${fmt(s.already)} already stored${recode ? `, ${fmt(s.recoded)} recoded` : ''} (${fmt(s.events)} events written)\n`);
    if (s.stale && !recode) {
      err.write(
        `casus: ${fmt(s.stale)} stored documents were coded with another casus or dictionary version; run 'casus ingest --db ${path} --recode' to recode them\n`,
      );
    }
    return failed ? 1 : 0;
  } catch (e) {
    writer?.close();
    return storeFailure(e, err);
  }
}

export const QUERY_FLAGS = {
  db: { value: true },
  store: { value: true },
  source: { value: true },
  target: { value: true },
  root: { value: true },
  from: { value: true },
  to: { value: true },
  by: { value: true },
  format: { value: true },
  limit: { value: true },
  'include-opinion': {},
};

function filters(args: Parsed): Filters {
  const root = flag(args, 'root');
  if (root !== undefined && !/^\d{1,2}$/.test(root)) throw new UsageError(`--root must be a CAMEO root code such as 19 (got '${root}')`);
  const f: Filters = { by: oneOf<Period>(args, 'by', ['day', 'week', 'month'], 'week'), includeOpinion: args.flags.has('include-opinion') };
  const source = flag(args, 'source'),
    target = flag(args, 'target'),
    from = dateFlag(args, 'from'),
    to = dateFlag(args, 'to'),
    limit = int(args, 'limit');
  if (source) f.source = source.toUpperCase();
  if (target) f.target = target.toUpperCase();
  if (root) f.root = root.padStart(2, '0');
  if (from) f.from = from;
  if (to) f.to = to;
  if (limit !== undefined) f.limit = limit;
  return f;
}

const EVENT_COLUMNS = ['date', 'source', 'target', 'code', 'name', 'goldstein', 'quad', 'mentions', 'sources', 'articles'];

export async function runQuery(argv: string[], out: Out, err: Out): Promise<number> {
  const [what, ...rest] = argv;
  if (what !== 'events' && what !== 'dyads' && what !== 'actors') throw new UsageError(`casus query needs events, dyads or actors (got '${what ?? ''}')`);
  const args = parseArgs(rest, QUERY_FLAGS);
  const path = db(args);
  const format = oneOf(args, 'format', ['table', 'json', 'csv'] as const, 'table');
  const f = filters(args);
  if (what === 'events') f.limit ??= 100;
  try {
    const store = await openStore(path, { readOnly: true });
    try {
      let rows: Record<string, unknown>[];
      if (what === 'events') rows = (await store.events({ ...f, reports: format === 'json' })) as unknown as Record<string, unknown>[];
      else if (what === 'dyads') rows = (await store.dyads(f)) as unknown as Record<string, unknown>[];
      else rows = (await store.actors(f)) as unknown as Record<string, unknown>[];
      if (format === 'json') out.write(`${JSON.stringify({ [what]: rows }, null, 1)}\n`);
      else {
        const cols = what === 'events' ? EVENT_COLUMNS : rows[0] ? Object.keys(rows[0]) : [];
        out.write(format === 'csv' ? toCsv(rows, cols) : toTable(rows, cols));
      }
    } finally {
      store.close();
    }
    return 0;
  } catch (e) {
    return storeFailure(e, err);
  }
}

const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function toCsv(rows: Record<string, unknown>[], cols: string[]): string {
  const q = (v: unknown): string => {
    const s = cell(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => q(r[c])).join(','))].join('\n') + '\n';
}

function toTable(rows: Record<string, unknown>[], cols: string[]): string {
  if (!rows.length) return '(no events)\n';
  const cells = rows.map((r) => cols.map((c) => (r[c] === null || r[c] === undefined ? '-' : String(r[c]))));
  const w = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => Math.min(r[i]!.length, 40))));
  const num = cols.map((c) => rows.every((r) => r[c] === null || typeof r[c] === 'number'));
  const line = (r: string[]): string =>
    r
      .map((v, i) => (v.length > 40 ? `${v.slice(0, 39)}…` : v)[num[i] ? 'padStart' : 'padEnd'](w[i]!))
      .join('  ')
      .trimEnd();
  return [line(cols), ...cells.map(line)].join('\n') + '\n';
}

export const EXPORT_FLAGS = { db: { value: true }, store: { value: true }, format: { value: true }, out: { value: true }, reports: {}, 'include-opinion': {} };

export async function runExport(argv: string[], out: Out, err: Out): Promise<number> {
  const args = parseArgs(argv, EXPORT_FLAGS);
  if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
  const path = db(args);
  const format = oneOf(args, 'format', ['csv', 'parquet'] as const, 'csv');
  const file = flag(args, 'out');
  if (!file) throw new UsageError('--out FILE is required');
  try {
    const store = await openStore(path, { readOnly: true });
    try {
      const reports = args.flags.has('reports');
      await store.export(file, format, { reports, ...(args.flags.has('include-opinion') ? { filters: { includeOpinion: true } } : {}) });
      out.write(`wrote ${file} (${reports ? 'single reports' : 'merged events'}, ${format})\n`);
    } finally {
      store.close();
    }
    return 0;
  } catch (e) {
    return storeFailure(e, err);
  }
}
