/**
 * The queue benchmark: articles an hour through JetStream and PostgreSQL with 1 and 2 worker processes, against a
 * direct ingest (DuckDB and PostgreSQL), and the cost per article of each part: coding, PostgreSQL writes, DuckDB
 * writes, publishing to the queue. Articles are generated (news-like, ~8 sentences). Needs the machine's
 * PostgreSQL (127.0.0.1:5432) and NATS (127.0.0.1:4222); makes and drops its own database and streams.
 * Usage: node dist/bench/queue.js [--articles N]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect } from 'nats';
import { createCoder } from '../src/pipeline.js';
import { DuckSink } from '../src/store/duck-sink.js';
import { endPool } from '../src/store/pg.js';
import { PgSink } from '../src/store/pg-sink.js';
import type { Coded } from '../src/store/sink.js';
import { repoRoot } from './paths.js';

const PG = 'postgres://postgres@127.0.0.1:5432';
const NATS = 'nats://127.0.0.1:4222';
const BIN = path.join(repoRoot(), 'bin', 'casus.js');
const C = ['France', 'Germany', 'Japan', 'Brazil', 'India', 'Egypt', 'Turkey', 'Canada', 'Mexico', 'Kenya', 'Poland', 'Spain', 'Russia', 'China'];
const V = ['criticized', 'praised', 'met with', 'accused', 'threatened', 'thanked', 'signed an agreement with', 'condemned'];

function articles(n: number): { id: string; date: string; source: string; text: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const s = Array.from(
      { length: 8 },
      (_, j) => `${C[(i + j) % C.length]} ${V[(i * 3 + j) % V.length]} ${C[(i * 5 + j * 7 + 1) % C.length]} on Monday, officials said in report ${i}-${j}.`,
    );
    return { id: `q-${i}`, date: `2024-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`, source: `outlet${i % 20}`, text: s.join(' ') };
  });
}

const perHour = (n: number, ms: number): number => Math.round((n / ms) * 3_600_000);
const ms = (t0: number): number => performance.now() - t0;

async function db(name: string, drop = false): Promise<string> {
  const c = new pg.Client({ connectionString: `${PG}/postgres` });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (!drop) await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return `${PG}/${name}`;
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`casus ${args[0]}: ${err.slice(-400)}`))));
  });
}

async function dropStream(name: string): Promise<void> {
  const nc = await connect({ servers: NATS });
  const jsm = await nc.jetstreamManager();
  for (const s of [name, `${name}_dead`]) await jsm.streams.delete(s).catch(() => false);
  await nc.close();
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--articles');
  const n = i > 0 ? Number(process.argv[i + 1]) : 2000;
  const dir = mkdtempSync(path.join(tmpdir(), 'casus-qbench-'));
  const file = path.join(dir, 'articles.jsonl');
  const docs = articles(n);
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const rows: [string, string][] = [];
  const say = (k: string, v: string): void => {
    rows.push([k, v]);
    process.stdout.write(`${k}: ${v}\n`);
  };
  say('articles', `${n} generated, ${Math.round(docs.reduce((s, d) => s + d.text.length, 0) / n)} characters each on average`);

  // Parts, in process: coding, then writing the same coded batches to DuckDB and to PostgreSQL.
  const coder = createCoder();
  coder.code({ id: 'warm', text: docs[0]!.text });
  let t0 = performance.now();
  const coded: Coded[] = docs.map((d) => ({ doc: coder.code(d), key: d.id, html: null }));
  const codeMs = ms(t0);
  say('coding (1 thread)', `${(codeMs / n).toFixed(2)} ms/article`);
  const duck = await DuckSink.open(path.join(dir, 'parts.duckdb'));
  t0 = performance.now();
  for (let b = 0; b < n; b += 200) await duck.insert(coded.slice(b, b + 200));
  say('DuckDB writes (batches of 200)', `${(ms(t0) / n).toFixed(3)} ms/article`);
  await duck.finish();
  const partsUrl = await db('casus_bench_parts');
  const pgs = await PgSink.open(partsUrl);
  t0 = performance.now();
  for (let b = 0; b < n; b += 200) await pgs.insert(coded.slice(b, b + 200));
  say('PostgreSQL writes (batches of 200)', `${(ms(t0) / n).toFixed(3)} ms/article`);
  await pgs.close();
  await endPool(partsUrl);
  await db('casus_bench_parts', true);

  // Whole commands (each includes its start: loading the coder, about 1-3 s).
  t0 = performance.now();
  await run(['ingest', file, '--db', path.join(dir, 'direct.duckdb')]);
  let t = ms(t0);
  say('direct ingest, DuckDB', `${perHour(n, t).toLocaleString('en-US')} articles/hour (${(t / 1000).toFixed(1)} s)`);
  const direct = await db('casus_bench_direct');
  t0 = performance.now();
  await run(['ingest', file, '--store', direct]);
  t = ms(t0);
  say('direct ingest, PostgreSQL', `${perHour(n, t).toLocaleString('en-US')} articles/hour (${(t / 1000).toFixed(1)} s)`);
  await db('casus_bench_direct', true);

  for (const workers of [1, 2]) {
    const stream = `casus_bench_${process.pid}_${workers}`;
    const url = await db(`casus_bench_q${workers}`);
    t0 = performance.now();
    await run(['submit', file, '--queue', NATS, '--stream', stream]);
    const sub = ms(t0);
    if (workers === 1)
      say(
        'submit (publish with ack)',
        `${(sub / n).toFixed(3)} ms/article, ${perHour(n, sub).toLocaleString('en-US')} articles/hour (${(sub / 1000).toFixed(1)} s with start)`,
      );
    t0 = performance.now();
    await Promise.all(Array.from({ length: workers }, () => run(['worker', '--queue', NATS, '--store', url, '--stream', stream, '--exit-when-empty'])));
    t = ms(t0);
    say(
      `queue, ${workers} worker process${workers > 1 ? 'es' : ''} (1 thread each)`,
      `${perHour(n, t).toLocaleString('en-US')} articles/hour (${(t / 1000).toFixed(1)} s)`,
    );
    await dropStream(stream);
    await db(`casus_bench_q${workers}`, true);
  }
  rmSync(dir, { recursive: true, force: true });
}

await main();
