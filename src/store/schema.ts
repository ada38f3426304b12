/**
 * The store's tables. `documents` keeps each coded document (its JSON, so it can be shown and recoded),
 * `entities` its actors, `events` every single report of an event (one row per event of a document).
 * `article` (on documents and events) groups reprints: documents whose normalised text has the same hash of
 * its first ~2,000 characters share the article key of the first one stored. `outlet` is the document's `source`.
 * `merged_events` aggregates reports into events (GDELT-like mentions / sources / articles).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export const SCHEMA_VERSION = '1';

export const DDL = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    text_hash VARCHAR,
    head_hash VARCHAR,
    article VARCHAR,
    outlet VARCHAR,
    url VARCHAR,
    title VARCHAR,
    date DATE,
    casus_version VARCHAR,
    dictionary_version VARCHAR,
    html VARCHAR,
    doc VARCHAR,
    n_events INTEGER,
    stored_at TIMESTAMP DEFAULT current_timestamp
  )`,
  `CREATE TABLE IF NOT EXISTS entities (
    doc_id VARCHAR, entity_id VARCHAR, name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, mentions INTEGER
  )`,
  `CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR,
    event_id VARCHAR,
    sentence INTEGER,
    sentence_text VARCHAR,
    date DATE,
    date_precision VARCHAR,
    code VARCHAR,
    root VARCHAR,
    name VARCHAR,
    quad TINYINT,
    penta TINYINT,
    goldstein DOUBLE,
    source_code VARCHAR,
    source_name VARCHAR,
    target_code VARCHAR,
    target_name VARCHAR,
    reciprocal BOOLEAN,
    negated BOOLEAN,
    opinion BOOLEAN,
    modality VARCHAR,
    place VARCHAR,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    confidence DOUBLE,
    outlet VARCHAR,
    article VARCHAR
  )`,
];

/** Column order of the appenders (must match the DDL above). */
export const EVENT_COLUMNS = 27;
export const ENTITY_COLUMNS = 7;

export interface ReportFilter {
  source?: string;
  target?: string;
  root?: string;
  from?: string;
  to?: string;
  includeOpinion?: boolean;
}

/** The WHERE clause over `events` for a filter, with its parameters ($1, $2, ...). */
export function reportWhere(f: ReportFilter, params: unknown[]): string {
  const w = ['NOT negated'];
  if (!f.includeOpinion) w.push('NOT opinion');
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.source) w.push(`starts_with(source_code, ${p(f.source)})`);
  if (f.target) w.push(`starts_with(target_code, ${p(f.target)})`);
  if (f.root) w.push(`root = ${p(f.root.padStart(2, '0'))}`);
  if (f.from) w.push(`date >= ${p(f.from)}::DATE`);
  if (f.to) w.push(`date <= ${p(f.to)}::DATE`);
  return w.join(' AND ');
}

/** The SQL dialect of a store: the embedded DuckDB file or a PostgreSQL server. The queries are the same. */
export type Dialect = 'duckdb' | 'postgres';

/** What a merged-event query needs: `full` (names, outlets, reports: event lists, export) or `lean` (counts: dyads, actors). */
export type MergedDetail = 'full' | 'reports' | 'lean';

/** The few expressions that are spelled differently in the two dialects. */
export const sqlOf = {
  /** A date as YYYY-MM-DD text. */
  day: (d: Dialect, col: string): string => (d === 'duckdb' ? `strftime(${col}, '%Y-%m-%d')` : `to_char(${col}, 'YYYY-MM-DD')`),
  /** A double rounded to 2 decimals. */
  round2: (d: Dialect, x: string): string => (d === 'duckdb' ? `round(${x}, 2)` : `round((${x})::numeric, 2)::float8`),
  /** The country of the report with the greatest place. */
  country: (d: Dialect): string =>
    d === 'duckdb' ? 'arg_max(country, place)' : '(array_agg(country ORDER BY place DESC) FILTER (WHERE place IS NOT NULL))[1]',
  /** The single reports of a merged event, sorted. */
  reports: (d: Dialect): string =>
    d === 'duckdb'
      ? 'list({doc: doc_id, event: event_id, sentence: sentence, text: sentence_text} ORDER BY doc_id, event_id, sentence, sentence_text)'
      : `json_agg(json_build_object('doc', doc_id, 'event', event_id, 'sentence', sentence, 'text', sentence_text) ORDER BY doc_id, event_id, sentence, sentence_text)`,
};

/**
 * Merged events. First, the reports of one article (reprints included) with the same date, dyad and code are one
 * event told several times (headline and body): their place is the place the article gives (the greatest, when it
 * gives several). Then reports with the same date, dyad, code and article place merge across articles: mentions
 * (reports), sources (distinct outlets), articles (distinct article keys). Every pick is deterministic (min, max),
 * so both stores and any order of ingest give the same answers.
 */
export function mergedSql(where: string, detail: MergedDetail | boolean = 'full', d: Dialect = 'duckdb'): string {
  const m: MergedDetail = detail === true ? 'reports' : detail === false ? 'lean' : detail;
  const full = m !== 'lean';
  return `WITH r AS (
    SELECT *, max(place) OVER (PARTITION BY date, source_code, target_code, code, article) AS aplace FROM events WHERE ${where}
  )
  SELECT date, source_code AS source, target_code AS target, code, min(root) AS root, avg(goldstein) AS goldstein,
    min(quad) AS quad, aplace AS place, count(*)::INTEGER AS mentions, count(DISTINCT article)::INTEGER AS articles,
    min(source_name) AS source_name, min(target_name) AS target_name
    ${full ? `, min(name) AS name, ${sqlOf.country(d)} AS country, count(DISTINCT outlet)::INTEGER AS sources` : ''}
    ${m === 'reports' ? `, ${sqlOf.reports(d)} AS reports` : ''}
  FROM r GROUP BY date, source_code, target_code, code, aplace`;
}

/** The statements that create the tables, the merged view, and record the schema version, in a dialect. */
export function schemaSql(d: Dialect): string[] {
  const ddl = d === 'duckdb' ? DDL : DDL.map(pgType);
  const view = `CREATE OR REPLACE VIEW merged_events AS ${mergedSql(reportWhere({}, []), 'reports', d)}`;
  if (d === 'duckdb') return [...ddl, view, `INSERT OR IGNORE INTO meta VALUES ('schemaVersion', '${SCHEMA_VERSION}')`];
  return [...ddl, ...PG_EXTRA, view, `INSERT INTO meta VALUES ('schemaVersion', '${SCHEMA_VERSION}') ON CONFLICT (key) DO NOTHING`];
}

/** The DuckDB column types in PostgreSQL; text compares byte by byte (collation "C"), as in DuckDB. */
function pgType(sql: string): string {
  return sql
    .replace(/\bVARCHAR\b/g, 'TEXT COLLATE "C"')
    .replace(/\bTINYINT\b/g, 'SMALLINT')
    .replace(/\bDOUBLE\b/g, 'DOUBLE PRECISION');
}

/** PostgreSQL only: indexes for the writers' lookups, and the articles that failed in the queue. */
const PG_EXTRA = [
  'CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)',
  'CREATE INDEX IF NOT EXISTS events_article ON events (article)',
  'CREATE INDEX IF NOT EXISTS entities_doc ON entities (doc_id)',
  'CREATE INDEX IF NOT EXISTS documents_head ON documents (head_hash)',
  `CREATE TABLE IF NOT EXISTS failures (
    id TEXT COLLATE "C" PRIMARY KEY, error TEXT, deliveries INTEGER, input TEXT, failed_at TIMESTAMP DEFAULT current_timestamp
  )`,
];

/** Column names of the tables (in DDL order), for writers that insert rows by name. */
export function columnsOf(table: 'documents' | 'entities' | 'events'): string[] {
  const ddl = DDL.find((s) => s.includes(`EXISTS ${table} (`))!;
  return ddl
    .slice(ddl.indexOf('(') + 1, ddl.lastIndexOf(')'))
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0]!);
}

/** Create the tables, the merged view, and record the schema version (DuckDB). */
export async function createSchema(conn: DuckDBConnection): Promise<void> {
  for (const sql of schemaSql('duckdb')) await conn.run(sql);
}
