/**
 * fresh: whole-process time of `casus code`, start-up included, as a user runs it (../shared/benchmarks/README.md,
 * "The fresh corpus" and "The long speed corpus"):
 * - the fresh corpus, one pass: casus with default settings and with --workers 1, beside the wink-nlp baseline run as
 *   a whole process on the same file (wink-pass.js), alternated, ROUNDS rounds, median and ratio;
 * - the long speed corpus (the speed corpus repeated to >= 32 MB, written to the temp folder for the run and
 *   deleted after): articles an hour, whole process, default settings, and with --workers 1;
 * - `casus code examples/aegean-talks.txt`, whole process.
 * Each figure is wall-clock time; the children's CPU time (user + system) is given beside it on Linux.
 * Usage: node dist/bench/fresh.js [--rounds N] [--skip-long]  (also `npm run bench -- --only fresh`).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dec, int, median, num } from './metrics.js';
import { dataPath, repoRoot } from './paths.js';
import { missing, type SectionResult } from './report.js';
import { buildSpeedCorpus, LONG_MIN_BYTES } from './speed-corpus.js';

export const TARGET_FRESH_RATIO = 1.3;
export const TARGET_LONG_PER_HOUR = 2_000_000;
export const TARGET_EXAMPLE_S = 0.3;

interface Timing {
  ms: number;
  /** Children's user + system CPU (ms), from /proc on Linux; NaN elsewhere. */
  cpuMs: number;
}

/** CPU time of this process's finished children (ms): /proc/self/stat cutime + cstime, Linux only. */
function childrenCpuMs(): number {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Run `node ARGS` to completion, stdout discarded; its wall-clock and CPU time. */
function timeNode(args: string[]): Timing {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: repoRoot(), stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${String(r.stderr).trim().split('\n').slice(-3).join(' / ')}`);
  return { ms, cpuMs: childrenCpuMs() - c0 };
}

const CASUS = (): string => path.join(repoRoot(), 'bin', 'casus.js');
const WINK = (): string => fileURLToPath(new URL('./wink-pass.js', import.meta.url));

/** Median wall and CPU of several timings. */
const med = (ts: Timing[]): Timing => ({ ms: median(ts.map((t) => t.ms)), cpuMs: median(ts.map((t) => t.cpuMs)) });
const secs = (t: Timing): string => `${num(t.ms / 1000, 2)} s (CPU ${Number.isFinite(t.cpuMs) ? num(t.cpuMs / 1000, 2) : 'n/a'} s)`;
const runs = (ts: Timing[]): string => ts.map((t) => num(t.ms / 1000, 2)).join(' / ');

export async function runFresh(log: (s: string) => void, rounds = 3, skipLong = false): Promise<SectionResult> {
  const fresh = dataPath('speed', 'fresh.jsonl');
  if (!fresh) return missing('fresh', 'Fresh start', 'speed/fresh.jsonl');
  const articles = readFileSync(fresh, 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
  const systems: Array<[string, string[]]> = [
    ['wink-nlp baseline', [WINK(), fresh]],
    ['casus (default)', [CASUS(), 'code', '--format', 'jsonl', fresh]],
    ['casus --workers 1', [CASUS(), 'code', '--format', 'jsonl', '--workers', '1', fresh]],
  ];
  const times: Timing[][] = systems.map(() => []);
  for (let r = 0; r < rounds; r++) {
    systems.forEach(([name, args], k) => {
      const t = timeNode(args);
      times[k]!.push(t);
      log(`  fresh: round ${r + 1}/${rounds}, ${name}: ${secs(t)}`);
    });
  }
  const [wink, casus, one] = times.map(med) as [Timing, Timing, Timing];
  const example = path.join(repoRoot(), 'examples', 'aegean-talks.txt');
  const ex: Timing[] = [];
  for (let r = 0; r < Math.max(3, rounds); r++) ex.push(timeNode([CASUS(), 'code', example]));
  const exMed = med(ex);
  log(`  fresh: aegean example ${secs(exMed)}`);
  const long = skipLong ? null : longCorpus(log);
  const ratio = casus.ms / wink.ms;
  const figures: [string, string][] = [
    ['fresh corpus', `${int(articles)} articles, one pass, whole process, ${rounds} alternated rounds, median`],
    ['wink-nlp baseline (wink-pass.js)', secs(wink)],
    ['casus (default settings)', secs(casus)],
    ['casus --workers 1', secs(one)],
    ['casus / baseline, wall', `${dec(ratio, 2)} (target <= ${TARGET_FRESH_RATIO}: ${ratio <= TARGET_FRESH_RATIO ? 'met' : 'not met'})`],
    ['casus / baseline, CPU', dec(casus.cpuMs / wink.cpuMs, 2)],
    ['default / --workers 1, wall', `${dec(casus.ms / one.ms, 2)} (target <= 1: ${casus.ms <= one.ms ? 'met' : 'not met'})`],
    ['casus code examples/aegean-talks.txt', `${secs(exMed)} (target <= ${TARGET_EXAMPLE_S} s: ${exMed.ms <= TARGET_EXAMPLE_S * 1000 ? 'met' : 'not met'})`],
  ];
  if (long) {
    figures.push(['long speed corpus', `${int(long.articles)} articles, ${num(long.bytes / 1e6, 1)} MB, whole process`]);
    figures.push([
      '  default settings',
      `${secs(long.auto)}: ${int(long.perHour)} articles an hour (target >= ${int(TARGET_LONG_PER_HOUR)}: ${long.perHour >= TARGET_LONG_PER_HOUR ? 'met' : 'not met'})`,
    ]);
    figures.push(['  --workers 1', `${secs(long.one)}: ${int((long.articles / long.one.ms) * 3.6e6)} articles an hour`]);
  }
  return {
    id: 'fresh',
    title: 'Fresh start (whole process)',
    status: 'ok',
    notices: [],
    figures,
    tables: [
      {
        title: 'Runs (s, wall)',
        head: ['system', 'median s', 'runs s'],
        rows: systems
          .map(([name], k) => [name, num(med(times[k]!).ms / 1000, 2), runs(times[k]!)])
          .concat([['aegean example', num(exMed.ms / 1000, 2), runs(ex)]]),
      },
    ],
    data: { articles, rounds, wink: times[0], casus: times[1], workers1: times[2], ratio, example: ex, long },
  };
}

/** The long speed corpus written to a temp file, coded once with default settings and once with --workers 1. */
function longCorpus(log: (s: string) => void): { articles: number; bytes: number; auto: Timing; one: Timing; perHour: number } | null {
  const dir = dataPath('quotes', 'polnear-dev');
  if (!dir) return null;
  const { articles, bytes } = buildSpeedCorpus(dir, LONG_MIN_BYTES);
  const tmp = mkdtempSync(path.join(tmpdir(), 'casus-long-'));
  const file = path.join(tmp, 'long.jsonl');
  try {
    const fd = openSync(file, 'w');
    for (const a of articles) writeSync(fd, JSON.stringify({ id: a.id, text: a.text }) + '\n');
    closeSync(fd);
    const auto = timeNode([CASUS(), 'code', '--format', 'jsonl', file]);
    log(`  fresh: long corpus, default: ${secs(auto)}`);
    const one = timeNode([CASUS(), 'code', '--format', 'jsonl', '--workers', '1', file]);
    log(`  fresh: long corpus, --workers 1: ${secs(one)}`);
    return { articles: articles.length, bytes, auto, one, perHour: (articles.length / auto.ms) * 3.6e6 };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--rounds');
  const rounds = at >= 0 ? Number(argv[at + 1]) : 3;
  const res = await runFresh((s) => process.stderr.write(s + '\n'), rounds, argv.includes('--skip-long'));
  const { renderText } = await import('./report.js');
  process.stdout.write(renderText(res));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e: Error) => {
    process.stderr.write(`fresh: ${e.message}\n`);
    process.exitCode = 1;
  });
}
