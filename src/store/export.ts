/** `casus export`: the merged events (or every single report) to CSV or Parquet with DuckDB's COPY. */
import { mergedSql, reportWhere } from './schema.js';
import { sqlString } from './db.js';
import type { Filters } from './query.js';

export type ExportFormat = 'csv' | 'parquet';

/** The COPY statement; `reports` exports the events table (one row per report) instead of merged events. */
export function exportSql(out: string, format: ExportFormat, opts: { reports?: boolean; filters?: Filters } = {}): { sql: string; params: string[] } {
  const params: string[] = [];
  const w = reportWhere(opts.filters ?? {}, params as unknown[]);
  const options = format === 'csv' ? '(FORMAT csv, HEADER true)' : '(FORMAT parquet)';
  // CSV has no nested values: the reports of a merged event go there as a JSON array.
  const select = opts.reports
    ? `SELECT doc_id AS doc, event_id AS event, sentence, sentence_text, strftime(date, '%Y-%m-%d') AS date, date_precision, code, root, name, quad, penta, goldstein,
        source_code AS source, source_name, target_code AS target, target_name, reciprocal, negated, opinion, modality, place, country, lat, lon,
        confidence, outlet, article FROM events WHERE ${opts.filters ? w : 'true'} ORDER BY date, doc_id, event_id`
    : `SELECT strftime(date, '%Y-%m-%d') AS date, source, target, code, root, name, round(goldstein, 2) AS goldstein, quad, place, country,
        source_name, target_name, mentions, sources, articles, ${format === 'csv' ? 'to_json(reports)::VARCHAR' : 'reports'} AS reports
        FROM (${mergedSql(w, 'reports')}) ORDER BY date, source, target, code`;
  return { sql: `COPY (${select}) TO ${sqlString(out)} ${options}`, params: opts.reports && !opts.filters ? [] : params };
}
