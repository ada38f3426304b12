/**
 * throughput: articles per hour on all cores, through the same worker pool and ordered writer as `casus code --workers N`,
 * beside the coder in this thread and the single-core wink-nlp baseline (each codes the corpus twice; figures from the
 * second pass), with the workers' idle share and the main thread's CPU; with --big, peak memory of
 * `casus code BIG.jsonl --format jsonl` on a ~1 GB input (size: CASUS_BENCH_BIG_MB, default 1000).
 */
import { fork, spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeOne, framing, type OutputOptions } from '../src/cli/coded.js';
import { POOL_BATCHING } from '../src/cli/code.js';
import { codeOrdered, type Engine } from '../src/cli/ordered.js';
import { WORKER_HEAP, WorkerPool } from '../src/cli/pool.js';
import { readInput } from '../src/ingest/read.js';
import { createCoder } from '../src/index.js';
import { dec, int, num, ratio } from './metrics.js';
import { dataPath, repoRoot } from './paths.js';
import { missing, type SectionResult } from './report.js';
import { buildSpeedCorpus, WARMUP_ARTICLES, type SpeedArticle } from './speed-corpus.js';
import type { WorkerResult } from './speed-worker.js';

export const TARGET_PER_HOUR = 2_000_000;
export const TARGET_BIG_RSS_MB = 500;
const OPTS: OutputOptions = { format: 'jsonl', view: { includeOpinion: false, ontology: 'cameo' } };

interface Run {
  label: string;
  threads: number;
  ms: number;
  cpuMs: number;
  /** CPU of the main thread alone (Linux; null elsewhere). */
  mainCpuMs: number | null;
  /** Share of the workers' time spent waiting for work (pool runs only). */
  workerIdle: number | null;
  outBytes: number;
  events: number;
  failed: boolean;
}

const jsonl = (articles: SpeedArticle[], suffix = ''): string => articles.map((a) => JSON.stringify({ id: a.id + suffix, text: a.text })).join('\n') + '\n';

/** CPU time of this process's main thread (ms), from /proc on Linux; null elsewhere. */
function mainThreadCpuMs(): number | null {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** Code the corpus file through `engine` exactly as `casus code FILE --format jsonl` does, output discarded. */
async function timed(label: string, threads: number, file: string, engine: Engine, pool?: WorkerPool): Promise<Run> {
  let outBytes = 0;
  let events = 0;
  const u0 = pool?.utilization();
  const main0 = mainThreadCpuMs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { failed } = await codeOrdered(
    readInput(file, { type: 'jsonl', date: null }),
    engine,
    {
      out: (s) => void (outBytes += s.length),
      err: () => undefined,
      progress: (e) => void (events += e ?? 0),
    },
    framing(OPTS.format).before,
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const main1 = mainThreadCpuMs();
  let workerIdle: number | null = null;
  if (pool && u0) {
    let idle = 0;
    let all = 0;
    pool.utilization().forEach((u, i) => {
      idle += u.idle - u0[i]!.idle;
      all += u.idle - u0[i]!.idle + u.active - u0[i]!.active;
    });
    workerIdle = all > 0 ? idle / all : null;
  }
  const mainCpuMs = main0 !== null && main1 !== null ? main1 - main0 : null;
  return { label, threads, ms, cpuMs: (cpu.user + cpu.system) / 1000, mainCpuMs, workerIdle, outBytes, events, failed };
}

function wink(): Promise<WorkerResult> {
  const script = fileURLToPath(new URL('./speed-worker.js', import.meta.url));
  return new Promise((resolve, reject) => {
    let result: WorkerResult | null = null;
    const child = fork(script, ['wink'], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => (result = m as WorkerResult));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`wink-nlp baseline exited with code ${code}`))));
  });
}

/** Write a JSONL file of at least `mb` MB by repeating the corpus with new ids; returns its articles and bytes. */
function writeBig(file: string, articles: SpeedArticle[], mb: number): { articles: number; bytes: number } {
  const fd = openSync(file, 'w');
  let bytes = 0;
  let n = 0;
  try {
    for (let round = 1; bytes < mb * 1e6; round++) {
      const chunk = Buffer.from(jsonl(articles, `@big${round}`));
      writeSync(fd, chunk);
      bytes += chunk.length;
      n += articles.length;
    }
  } finally {
    closeSync(fd);
  }
  return { articles: n, bytes };
}

/** Run `casus code BIG --format jsonl > /dev/null` with the default workers; peak RSS of the process (main + worker threads). */
function bigRun(file: string): Promise<{ maxRssMB: number; ms: number; code: number | null; stderr: string }> {
  const bin = path.join(repoRoot(), 'bin', 'casus.js');
  const gnuTime = existsSync('/usr/bin/time');
  const cmd = gnuTime ? '/usr/bin/time' : process.execPath;
  const args = gnuTime ? ['-f', 'casus-max-rss-kb %M', process.execPath, bin, 'code', file, '--format', 'jsonl'] : [bin, 'code', file, '--format', 'jsonl'];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let stderr = '';
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CASUS_REPORT_RSS: '1', CI: '1' } });
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      const kb = /casus-max-rss-kb (\d+)/.exec(stderr)?.[1];
      const mb = /casus: peak RSS (\d+) MB/.exec(stderr)?.[1];
      resolve({ maxRssMB: kb ? Number(kb) / 1024 : Number(mb ?? NaN), ms: performance.now() - t0, code, stderr });
    });
  });
}

/** How many cores this process really gets now: `n` threads of pure arithmetic, wall time of one / wall time of n, times n. */
async function parallelism(n: number): Promise<number> {
  const spin = (k: number): Promise<number> => {
    const t0 = performance.now();
    const code = "let x = 0; for (let i = 0; i < 2e8; i++) x = (x * 31 + i) | 0; require('node:worker_threads').parentPort.postMessage(x);";
    return Promise.all(Array.from({ length: k }, () => new Promise((r) => new Worker(code, { eval: true }).once('message', r)))).then(
      () => performance.now() - t0,
    );
  };
  const one = await spin(1);
  return (n * one) / (await spin(n));
}

export async function runThroughput(log: (s: string) => void, big: boolean): Promise<SectionResult> {
  const dir = dataPath('quotes', 'polnear-dev');
  if (!dir) return missing('throughput', 'Throughput (all cores)', 'quotes/polnear-dev/');
  const { articles, bytes } = buildSpeedCorpus(dir);
  const cores = availableParallelism();
  const tmp = mkdtempSync(path.join(tmpdir(), 'casus-throughput-'));
  const corpusFile = path.join(tmp, 'speed.jsonl');
  writeFileSync(corpusFile, jsonl(articles));
  /**
   * Each system codes the corpus twice; the figures are from the second pass. The first pass of each thread is
   * mostly V8 compiling the coder (JIT, on background threads): a cost paid once per worker, which a long run
   * (the 1 GB input) does not see but a 4 MB corpus does, twice with two workers. Both passes are in the table.
   */
  const runs: Run[] = [];
  const cold: Run[] = [];
  const notices: string[] = [];
  const figures: [string, string][] = [];
  const data: Record<string, unknown> = { articles: articles.length, bytes, cores, batching: POOL_BATCHING, workerHeap: WORKER_HEAP };
  try {
    const cpus = await parallelism(cores);
    data.availableCores = cpus;
    log('  throughput: wink-nlp baseline (one core) ...');
    const w = await wink();
    const winkMs = w.timeMs;

    log('  throughput: casus in this thread (--workers 1) ...');
    const coder = createCoder();
    for (const a of articles.slice(0, WARMUP_ARTICLES)) coder.code({ id: a.id, text: a.text, date: null });
    const mainEngine: Engine = { run: (docs) => docs.map((d) => codeOne(coder, d, OPTS)), batchDocs: 1, batchChars: Infinity, maxBatches: 1 };
    cold.push(await timed('casus, main thread (--workers 1), first pass', 1, corpusFile, mainEngine));
    runs.push(await timed('casus, main thread (--workers 1)', 1, corpusFile, mainEngine));

    for (const n of [...new Set([1, cores])]) {
      log(`  throughput: casus worker pool, ${n} worker(s) ...`);
      const t0 = performance.now();
      const pool = await WorkerPool.start({ workers: n, dict: [], ...OPTS });
      const startMs = performance.now() - t0;
      try {
        const warm = articles.slice(0, WARMUP_ARTICLES).map((a) => ({ id: a.id, text: a.text, date: null }));
        await Promise.all(Array.from({ length: n }, () => pool.run(warm)));
        const engine: Engine = { run: (d) => pool.run(d), ...POOL_BATCHING, maxBatches: n * POOL_BATCHING.batchesPerWorker };
        cold.push(await timed(`casus, worker pool (--workers ${n}), first pass`, n, corpusFile, engine, pool));
        runs.push(await timed(`casus, worker pool (--workers ${n})`, n, corpusFile, engine, pool));
        data[`poolStartMs${n}`] = startMs;
      } finally {
        await pool.close();
      }
    }
    const inThread = runs[0]!;
    const best = runs[runs.length - 1]!;
    const coldMain = cold[0]!;
    const coldBest = cold[cold.length - 1]!;
    const perHour = (r: Run) => ratio(articles.length, r.ms / 1000) * 3600;
    if (runs.some((r) => r.failed)) notices.push('some articles failed to code (reported as errors, counted in the time)');
    if (runs.some((r) => r.outBytes !== inThread.outBytes)) notices.push('the runs did not print the same number of characters: check the pool');
    const pool1 = runs.find((r) => r.label.includes('--workers 1)') && r.label.includes('pool'));
    figures.push(
      ['corpus', `${int(articles.length)} articles, ${num(bytes / 1e6, 2)} MB (the speed corpus), as one JSONL file, --format jsonl`],
      [
        `casus articles per hour, ${cores} workers (all cores)`,
        `${int(perHour(best))} (target >= ${int(TARGET_PER_HOUR)}: ${perHour(best) >= TARGET_PER_HOUR ? 'met' : 'not met'})`,
      ],
      [
        `time for ${articles.length} articles, ${cores} workers`,
        `${num(best.ms / 1000, 2)} s (target < ${num((articles.length / TARGET_PER_HOUR) * 3600, 2)} s)`,
      ],
      [
        `speed-up of ${cores} workers over the main thread`,
        `${dec(inThread.ms / best.ms, 2)}x (ideal ${cores}x; efficiency ${dec(inThread.ms / best.ms / cores, 2)})`,
      ],
      [
        `first pass (each thread still compiling): ${cores} workers, speed-up over the main thread`,
        `${int(perHour(coldBest))} articles/hour, ${dec(coldMain.ms / coldBest.ms, 2)}x; CPU ${num(coldBest.cpuMs / 1000, 2)} s vs ${num(best.cpuMs / 1000, 2)} s in the second pass`,
      ],
      ['pool overhead, 1 worker vs main thread', pool1 ? `${dec(pool1.ms / inThread.ms, 3)}x the time` : 'n/a (one core)'],
      [`workers waiting for work, ${cores} workers`, best.workerIdle !== null ? `${dec(best.workerIdle * 100, 1)}% of their time` : 'n/a'],
      [
        `main thread CPU with ${cores} workers (reading, ordering, writing)`,
        best.mainCpuMs !== null ? `${num(best.mainCpuMs / 1000, 2)} s of ${num(best.cpuMs / 1000, 2)} s` : 'n/a (no /proc)',
      ],
      [
        'cores this process got at the start (n arithmetic threads vs one)',
        `${dec(cpus, 2)} of ${cores}${cpus < cores - 0.3 ? ' (the machine is busy: the speed-up cannot reach ' + cores + 'x)' : ''}`,
      ],
      ['wink-nlp baseline articles per hour, one core', int(ratio(articles.length, winkMs / 1000) * 3600)],
      ['casus all cores / wink-nlp one core, time ratio', dec(best.ms / winkMs, 2)],
      [
        'pool start (workers load their dictionaries, not timed)',
        runs
          .slice(1)
          .map((r) => `${r.threads}: ${int(data[`poolStartMs${r.threads}`] as number)} ms`)
          .join(', '),
      ],
    );
    const rows = [
      [
        'wink-nlp baseline (one core)',
        '1',
        num(winkMs / 1000, 2),
        num(w.cpuMs / 1000, 2),
        num(ratio(articles.length, winkMs / 1000), 1),
        int(ratio(articles.length, winkMs / 1000) * 3600),
        '-',
      ],
      ...[...cold, ...runs].map((r) => [
        r.label,
        String(r.threads),
        num(r.ms / 1000, 2),
        num(r.cpuMs / 1000, 2),
        num(ratio(articles.length, r.ms / 1000), 1),
        int(perHour(r)),
        int(r.events),
      ]),
    ];
    data.runs = runs.map((r) => ({ ...r, articlesPerHour: perHour(r) }));
    data.firstPass = cold.map((r) => ({ ...r, articlesPerHour: perHour(r) }));
    data.baseline = { ms: winkMs, cpuMs: w.cpuMs };
    data.target = { articlesPerHour: TARGET_PER_HOUR, bigRssMB: TARGET_BIG_RSS_MB };
    const tables = [
      {
        title: "Throughput (each system codes the corpus twice: first pass, then the figures' pass; CPU = user + system of the whole process, all threads)",
        head: ['system', 'threads', 'wall s', 'CPU s', 'articles/s', 'articles/hour', 'events'],
        rows,
      },
    ];

    if (!big) notices.push('peak memory on a ~1 GB input skipped: run with --big (size: CASUS_BENCH_BIG_MB, default 1000)');
    else {
      const mb = Number(process.env.CASUS_BENCH_BIG_MB ?? 1000) || 1000;
      const bigFile = path.join(tmp, 'big.jsonl');
      log(`  throughput: writing a ${mb} MB JSONL input ...`);
      const g = writeBig(bigFile, articles, mb);
      log(`  throughput: casus code BIG.jsonl --format jsonl (${int(g.articles)} articles, default workers) ...`);
      const r = await bigRun(bigFile);
      rmSync(bigFile, { force: true });
      if (r.code !== 0) notices.push(`the big run exited with code ${r.code}: ${r.stderr.trim().split('\n').slice(-2).join(' / ')}`);
      figures.push(
        [
          `peak RSS, ${num(g.bytes / 1e9, 2)} GB JSONL (${int(g.articles)} articles), default workers (heap per worker <= ${WORKER_HEAP.maxOldGenerationSizeMb} + ${WORKER_HEAP.maxYoungGenerationSizeMb} MB)`,
          `${int(r.maxRssMB)} MB (target < ${TARGET_BIG_RSS_MB} MB: ${r.maxRssMB < TARGET_BIG_RSS_MB ? 'met' : 'not met'})`,
        ],
        ['big run wall time (whole process, with start-up)', `${num(r.ms / 1000, 1)} s, ${int(ratio(g.articles, r.ms / 1000) * 3600)} articles/hour`],
      );
      data.big = { ...g, maxRssMB: r.maxRssMB, ms: r.ms, exitCode: r.code };
    }
    return { id: 'throughput', title: 'Throughput (all cores)', status: 'ok', notices, figures, tables, data };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
