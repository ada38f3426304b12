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

/** What a merged-event query needs: `full` (names, outlets, reports: event lists, export) or `lean` (counts: dyads, actors). */
export type MergedDetail = 'full' | 'reports' | 'lean';

/**
 * Merged events. First, the reports of one article (reprints included) with the same date, dyad and code are one
 * event told several times (headline and body): they count as mentions of one article event, whose place is the
 * place the article gives (the greatest, when it gives several). Then article events with the same date, dyad,
 * code and place merge across articles: mentions (reports), sources (distinct outlets), articles.
 */
export function mergedSql(where: string, detail: MergedDetail | boolean = 'full'): string {
  const d: MergedDetail = detail === true ? 'reports' : detail === false ? 'lean' : detail;
  const full = d !== 'lean';
  const reports = d === 'reports';
  return `WITH a AS (
    SELECT date, source_code, target_code, code, article, max(place) AS place, count(*) AS mentions,
      any_value(root) AS root, avg(goldstein) AS goldstein, any_value(quad) AS quad,
      any_value(source_name) AS source_name, any_value(target_name) AS target_name
      ${full ? `, arg_max(country, place) AS country, list(DISTINCT outlet) FILTER (WHERE outlet IS NOT NULL) AS outlets,
        any_value(name) AS name` : ''}
      ${reports ? `, list({doc: doc_id, event: event_id, sentence: sentence, text: sentence_text}) AS reports` : ''}
    FROM events WHERE ${where} GROUP BY date, source_code, target_code, code, article
  )
  SELECT date, source_code AS source, target_code AS target, code, any_value(root) AS root, avg(goldstein) AS goldstein,
    any_value(quad) AS quad, place, sum(mentions)::INTEGER AS mentions, count(*)::INTEGER AS articles,
    any_value(source_name) AS source_name, any_value(target_name) AS target_name
    ${full ? `, any_value(name) AS name, any_value(country) AS country,
      length(list_distinct(flatten(list(outlets))))::INTEGER AS sources` : ''}
    ${reports ? `, list_sort(flatten(list(reports))) AS reports` : ''}
  FROM a GROUP BY date, source_code, target_code, code, place`;
}

/** Create the tables, the merged view, and record the schema version. */
export async function createSchema(conn: DuckDBConnection): Promise<void> {
  for (const sql of DDL) await conn.run(sql);
  await conn.run(`CREATE OR REPLACE VIEW merged_events AS ${mergedSql(reportWhere({}, []), 'reports')}`);
  await conn.run(`INSERT OR IGNORE INTO meta VALUES ('schemaVersion', '${SCHEMA_VERSION}')`);
}
