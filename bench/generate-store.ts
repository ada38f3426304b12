/**
 * A synthetic event store for query benchmarks, generated with DuckDB bulk SQL (`INSERT ... SELECT ... FROM range(N)`):
 * Zipf-like actor codes over the ~250 countries of data/actors/countries.jsonl (major ones first) x sectors, CAMEO codes
 * weighted toward roots 01, 04 and 19 (with each code's Goldstein value), dates over 10 years, ~5 events per document,
 * 500 outlets, a few reprints. Usage: node dist/bench/generate-store.js [--events N] [--out FILE]
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { createSchema } from '../src/store/schema.js';
import { repoRoot } from './paths.js';

/** Share of events per CAMEO root (01..20), roughly as in GDELT: statements, consultations and force dominate. */
const ROOT_WEIGHTS = [22, 4, 6, 18, 5, 2, 3, 2, 1, 2, 6, 3, 3, 2, 1, 2, 5, 4, 8, 1];
const MAJOR = ['USA', 'CHN', 'RUS', 'GBR', 'FRA', 'DEU', 'ISR', 'IRN', 'UKR', 'IND', 'PAK', 'TUR', 'SYR', 'IRQ', 'AFG', 'JPN', 'PRK', 'KOR', 'SAU', 'EGY'];
const SECTORS = ['', '', '', '', 'GOV', 'GOV', 'MIL', 'BUS', 'OPP', 'REB', 'CVL', 'MED', 'JUD', 'LEG', 'COP', 'EDU'];

interface CameoLine {
  code: string;
  name: string;
  goldstein: number;
}

function jsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => JSON.parse(l) as T);
}

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const list = (xs: string[]): string => `[${xs.map(lit).join(', ')}]`;

/** Generate a store of `n` events at `file` (replaced). Returns the seconds taken. */
export async function generateStore(file: string, n: number, log: (s: string) => void = () => undefined): Promise<number> {
  const t0 = performance.now();
  const root = repoRoot();
  const countries = jsonl<{ code: string }>(path.join(root, 'data/actors/countries.jsonl')).map((c) => c.code);
  const order = [...MAJOR, ...countries.filter((c) => !MAJOR.includes(c))];
  const cameo = jsonl<CameoLine>(path.join(root, 'data/ontology/cameo.jsonl')).filter((c) => c.code.length >= 3);
  // A pick list of codes: each root's weight spread over its codes.
  const picks: string[] = [];
  ROOT_WEIGHTS.forEach((w, i) => {
    const r = String(i + 1).padStart(2, '0');
    const codes = cameo.filter((c) => c.code.startsWith(r));
    for (let k = 0; k < w * 10; k++) picks.push(codes[k % codes.length]!.code);
  });
  const tmp = `${file}.tmp`;
  for (const f of [tmp, `${tmp}.wal`]) rmSync(f, { force: true });
  const db = await DuckDBInstance.create(tmp);
  const c = await db.connect();
  await createSchema(c);
  await c.run(
    `CREATE TEMP TABLE cameo AS SELECT * FROM (VALUES ${cameo.map((x) => `(${lit(x.code)}, ${lit(x.name)}, ${x.goldstein})`).join(', ')}) t(code, name, goldstein)`,
  );
  const quad = `CASE WHEN root <= '05' THEN 1 WHEN root <= '08' THEN 2 WHEN root <= '13' THEN 3 ELSE 4 END`;
  const penta = `CASE WHEN root <= '02' THEN 0 WHEN root <= '05' THEN 1 WHEN root <= '08' THEN 2 WHEN root <= '13' THEN 3 ELSE 4 END`;
  // Zipf-like country rank: log-uniform over 1..#countries (P(rank k) ~ 1/k).
  const zipf = `(floor(exp(random() * ln(${order.length + 1})))::INTEGER)`;
  log(`  store: generating ${n.toLocaleString('en-US')} events ...`);
  await c.run(`INSERT INTO events
    WITH g AS (
      SELECT range AS i, ${list(order)}[${zipf}] AS sc, ${list(order)}[${zipf}] AS tc,
        ${list(SECTORS)}[1 + floor(random() * ${SECTORS.length})::INTEGER] AS ss, ${list(SECTORS)}[1 + floor(random() * ${SECTORS.length})::INTEGER] AS ts,
        ${list(picks)}[1 + floor(random() * ${picks.length})::INTEGER] AS code,
        DATE '2015-01-01' + floor(random() * 3653)::INTEGER AS date, random() AS u
      FROM range(${n})
    )
    SELECT 'g' || (i // 5) AS doc_id, 'g' || (i // 5) || '#' || (i % 5 + 1) AS event_id, (i % 5)::INTEGER AS sentence, NULL AS sentence_text,
      date, 'day', g.code, left(g.code, 2) AS root, cameo.name, ${quad.replace(/root/g, 'left(g.code, 2)')}, ${penta.replace(/root/g, 'left(g.code, 2)')}, cameo.goldstein,
      sc || ss, NULL, CASE WHEN tc = sc THEN NULL ELSE tc || ts END, NULL, false, u < 0.03 AS negated, u > 0.96 AS opinion, 'asserted',
      CASE WHEN u < 0.4 THEN tc END AS place, CASE WHEN u < 0.4 THEN tc END, NULL, NULL, 0.8, 'outlet' || floor(pow(random(), 2) * 500)::INTEGER,
      'g' || (CASE WHEN u BETWEEN 0.5 AND 0.55 THEN (i // 5) - 1 ELSE i // 5 END)
    FROM g JOIN cameo USING (code)`);
  await c.run(`INSERT INTO documents (id, article, outlet, date, casus_version, dictionary_version, n_events)
    SELECT doc_id, any_value(article), any_value(outlet), min(date), 'synthetic', 'synthetic', count(*) FROM events GROUP BY doc_id`);
  await c.run('CHECKPOINT');
  c.closeSync();
  db.closeSync();
  renameSync(tmp, file);
  return (performance.now() - t0) / 1000;
}

/** The cached store of `n` events in the temp folder, generated when missing. */
export async function cachedStore(n: number, log: (s: string) => void = () => undefined): Promise<{ file: string; seconds: number | null }> {
  const file = path.join(tmpdir(), `casus-bench-store-${n}.duckdb`);
  if (existsSync(file)) return { file, seconds: null };
  return { file, seconds: await generateStore(file, n, log) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = (f: string): string | undefined => (args.includes(f) ? args[args.indexOf(f) + 1] : undefined);
  const n = Number(at('--events') ?? 10_000_000);
  const out = at('--out') ?? path.join(tmpdir(), `casus-bench-store-${n}.duckdb`);
  generateStore(out, n, (s) => process.stderr.write(`${s}\n`)).then(
    (s) => process.stderr.write(`wrote ${out}: ${n.toLocaleString('en-US')} events in ${s.toFixed(1)} s\n`),
    (e) => {
      process.stderr.write(`generate-store: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
