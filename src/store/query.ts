/** The store's queries: merged events, dyad time series by QuadClass, actors. Rows are plain JSON objects. */
import { mergedSql, reportWhere, sqlOf, type Dialect } from './schema.js';

export type Period = 'day' | 'week' | 'month';

export interface Filters {
  /** Source actor code prefix ('USA' matches 'USAGOV'). */
  source?: string;
  /** Target actor code prefix. */
  target?: string;
  /** CAMEO root code, e.g. '19'. */
  root?: string;
  /** First and last event date, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  /** Period of the dyad time series (default week). */
  by?: Period;
  limit?: number;
  /** Count opinion events too (negated events are never counted). */
  includeOpinion?: boolean;
  /** events(): include the list of single reports of each merged event (default true). */
  reports?: boolean;
}

export interface Report {
  doc: string;
  event: string;
  sentence: number;
  text: string | null;
}

export interface EventRow {
  date: string | null;
  source: string | null;
  target: string | null;
  code: string;
  root: string;
  name: string;
  goldstein: number;
  quad: number;
  place: string | null;
  country: string | null;
  sourceName: string | null;
  targetName: string | null;
  mentions: number;
  sources: number;
  articles: number;
  reports?: Report[];
}

export interface DyadRow {
  period: string | null;
  source: string | null;
  target: string | null;
  events: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  goldstein: number;
  mentions: number;
  articles: number;
}

export interface ActorRow {
  code: string;
  name: string | null;
  asSource: number;
  asTarget: number;
  total: number;
}

export interface Sql {
  sql: string;
  params: string[];
}

export const PERIODS: readonly Period[] = ['day', 'week', 'month'];

const limitSql = (n: number | undefined): string => (n !== undefined && Number.isFinite(n) && n >= 0 ? ` LIMIT ${Math.floor(n)}` : '');

function where(f: Filters): { where: string; params: string[] } {
  const params: string[] = [];
  const w = reportWhere(f, params as unknown[]);
  return { where: w, params };
}

/** Merged events, newest first, then most mentioned. */
export function eventsSql(f: Filters, d: Dialect = 'duckdb'): Sql {
  const { where: w, params } = where(f);
  const reports = f.reports !== false;
  return {
    sql: `SELECT ${sqlOf.day(d, 'date')} AS date, source, target, code, root, name, ${sqlOf.round2(d, 'goldstein')} AS goldstein, quad::INTEGER AS quad,
      place, country, source_name AS "sourceName", target_name AS "targetName", mentions, sources, articles${reports ? ', reports' : ''}
      FROM (${mergedSql(w, reports ? 'reports' : 'full', d)}) m ORDER BY date DESC NULLS LAST, mentions DESC, source, target, code${limitSql(f.limit ?? 1000)}`,
    params,
  };
}

/** Per period and dyad (full source and target codes): merged events per QuadClass and their mean Goldstein score. */
export function dyadsSql(f: Filters, d: Dialect = 'duckdb'): Sql {
  const { where: w, params } = where(f);
  const by = f.by ?? 'week';
  if (!PERIODS.includes(by)) throw new Error(`by must be one of ${PERIODS.join(', ')}`);
  return {
    sql: `SELECT ${sqlOf.day(d, `date_trunc('${by}', date)`)} AS period, source, target, count(*)::INTEGER AS events,
      count(*) FILTER (WHERE quad = 1)::INTEGER AS q1, count(*) FILTER (WHERE quad = 2)::INTEGER AS q2,
      count(*) FILTER (WHERE quad = 3)::INTEGER AS q3, count(*) FILTER (WHERE quad = 4)::INTEGER AS q4,
      ${sqlOf.round2(d, 'avg(goldstein)')} AS goldstein, sum(mentions)::INTEGER AS mentions, sum(articles)::INTEGER AS articles
      FROM (${mergedSql(w, false, d)}) m GROUP BY 1, 2, 3 ORDER BY period NULLS LAST, source, target${limitSql(f.limit)}`,
    params,
  };
}

/** Actor codes with the number of merged events they are the source and the target of. */
export function actorsSql(f: Filters, d: Dialect = 'duckdb'): Sql {
  const { where: w, params } = where(f);
  return {
    sql: `WITH m AS (${mergedSql(w, false, d)}),
      s AS (SELECT source AS code, min(source_name) AS name, count(*) AS n FROM m WHERE source IS NOT NULL GROUP BY source),
      t AS (SELECT target AS code, min(target_name) AS name, count(*) AS n FROM m WHERE target IS NOT NULL GROUP BY target)
      SELECT code, coalesce(s.name, t.name) AS name, coalesce(s.n, 0)::INTEGER AS "asSource", coalesce(t.n, 0)::INTEGER AS "asTarget",
        (coalesce(s.n, 0) + coalesce(t.n, 0))::INTEGER AS total
      FROM s FULL OUTER JOIN t USING (code) ORDER BY total DESC, code${limitSql(f.limit)}`,
    params,
  };
}

/** The store's counts and publication range; the same SQL for DuckDB and PostgreSQL. */
export const STATS_SQL: Sql = {
  sql: `SELECT (SELECT count(*) FROM documents)::INTEGER AS documents, (SELECT count(*) FROM events)::INTEGER AS reports,
    (SELECT count(*) FROM events WHERE negated OR opinion)::INTEGER AS flagged,
    (SELECT min(date)::TEXT FROM documents) AS "firstDate", (SELECT max(date)::TEXT FROM documents) AS "lastDate"`,
  params: [],
};
