/** speed: casus vs the wink-nlp baseline on the speed corpus, each in its own child process, alternated, 3 rounds. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dec, int, median, num, pct, ratio } from './metrics.js';
import { dataPath } from './paths.js';
import { missing, type SectionResult } from './report.js';
import { SPEED_MIN_BYTES, WARMUP_ARTICLES } from './speed-corpus.js';
import type { WorkerResult } from './speed-worker.js';

export const ROUNDS = 3;
export const TARGET_RATIO = 2.5;
const STAGE_ORDER = ['read', 'segment', 'actors', 'events', 'provenance', 'output'];

function runWorker(system: 'wink' | 'casus'): Promise<WorkerResult> {
  const script = fileURLToPath(new URL('./speed-worker.js', import.meta.url));
  return new Promise((resolve, reject) => {
    let result: WorkerResult | null = null;
    let stderr = '';
    const child = fork(script, [system], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('message', (m) => (result = m as WorkerResult));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`speed worker "${system}" exited with code ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}

/** The run whose time is the median (for per-run details such as stages). */
function medianRun(runs: WorkerResult[]): WorkerResult {
  const m = median(runs.map((r) => r.timeMs));
  return runs.reduce((best, r) => (Math.abs(r.timeMs - m) < Math.abs(best.timeMs - m) ? r : best));
}

export async function runSpeed(log: (s: string) => void): Promise<SectionResult> {
  if (!dataPath('quotes', 'polnear-dev', 'text')) return missing('speed', 'Speed', 'quotes/polnear-dev/text/');
  const runs: Record<'wink' | 'casus', WorkerResult[]> = { wink: [], casus: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const sys of ['wink', 'casus'] as const) {
      log(`  speed: round ${r + 1}/${ROUNDS}, ${sys} ...`);
      const res = await runWorker(sys);
      runs[sys].push(res);
      log(`  speed: round ${r + 1}/${ROUNDS}, ${sys}: ${num(res.timeMs / 1000, 2)} s`);
    }
  }
  const w = medianRun(runs.wink),
    c = medianRun(runs.casus);
  const wMs = median(runs.wink.map((r) => r.timeMs)),
    cMs = median(runs.casus.map((r) => r.timeMs));
  const articles = c.articles,
    tokens = w.tokens,
    sentences = c.sentences;
  const speedRatio = cMs / wMs;
  const wCpu = median(runs.wink.map((r) => r.cpuMs)),
    cCpu = median(runs.casus.map((r) => r.cpuMs));
  const perHour = ratio(articles, cMs / 1000) * 3600;
  const row = (name: string, ms: number, rs: WorkerResult[], load: number) => [
    name,
    num(ms / 1000, 2),
    rs.map((r) => num(r.timeMs / 1000, 2)).join(' / '),
    num(ratio(articles, ms / 1000), 1),
    int(ratio(sentences, ms / 1000)),
    int(ratio(tokens, ms / 1000)),
    num(Math.max(...rs.map((r) => r.maxRssMB)), 0),
    int(load),
  ];
  const stageTotal = Object.values(c.stages ?? {}).reduce((a, b) => a + b, 0);
  const stageNames = [...STAGE_ORDER.filter((s) => c.stages && s in c.stages), ...Object.keys(c.stages ?? {}).filter((s) => !STAGE_ORDER.includes(s))];
  const errors = [...runs.wink, ...runs.casus].reduce((a, r) => a + r.errors, 0);
  const res: SectionResult = {
    id: 'speed',
    title: 'Speed',
    status: 'ok',
    notices: errors ? [`${errors} article runs threw (counted as empty output)`] : [],
    figures: [
      ['corpus', `${int(articles)} articles (PolNeAR dev texts repeated), ${num(c.bytes / 1e6, 2)} MB UTF-8 (>= ${num(SPEED_MIN_BYTES / 1e6, 0)} MB)`],
      ['tokens (wink-nlp) / sentences (casus)', `${int(tokens)} / ${int(sentences)}`],
      ['protocol', `each system in its own process, ${WARMUP_ARTICLES} warm-up articles, ${ROUNDS} alternated rounds, median`],
      ['casus / baseline time ratio', `${dec(speedRatio, 2)} (target <= ${TARGET_RATIO}: ${speedRatio <= TARGET_RATIO ? 'met' : 'not met'})`],
      [
        'casus / baseline CPU-time ratio (user+system)',
        `${dec(cCpu / wCpu, 2)} (${num(cCpu / 1000, 2)} s / ${num(wCpu / 1000, 2)} s; less sensitive to machine load)`,
      ],
      ['casus articles per hour, one core', int(perHour)],
      ['wink-nlp model load (import + winkNLP(model))', `${int(w.loadMs)} ms`],
      ['casus dictionary load (lexicon.stats.loadMs)', `${int(c.dictLoadMs ?? NaN)} ms`],
      ['casus import + createCoder', `${int(c.loadMs)} ms`],
    ],
    tables: [
      {
        title: 'Throughput (median of rounds; peak RSS = max over rounds)',
        head: ['system', 'total s', 'runs s', 'articles/s', 'sentences/s', 'tokens/s', 'peak RSS MB', 'load ms'],
        rows: [row('wink-nlp baseline', wMs, runs.wink, w.loadMs), row('casus', cMs, runs.casus, c.loadMs)],
      },
      {
        title: 'casus time per stage (median run, coder.times)',
        head: ['stage', 'ms', '% of stages'],
        rows: [...stageNames.map((s) => [s, int(c.stages![s]!), pct(ratio(c.stages![s]!, stageTotal))]), ['total', int(stageTotal), pct(1)]],
      },
    ],
    data: {
      articles,
      bytes: c.bytes,
      tokens,
      sentences,
      warmup: WARMUP_ARTICLES,
      rounds: ROUNDS,
      baseline: { medianMs: wMs, runsMs: runs.wink.map((r) => r.timeMs), loadMs: w.loadMs, maxRssMB: runs.wink.map((r) => r.maxRssMB) },
      casus: {
        medianMs: cMs,
        runsMs: runs.casus.map((r) => r.timeMs),
        loadMs: c.loadMs,
        dictLoadMs: c.dictLoadMs,
        maxRssMB: runs.casus.map((r) => r.maxRssMB),
        stagesMs: c.stages,
      },
      cpuMs: { baseline: runs.wink.map((r) => r.cpuMs), casus: runs.casus.map((r) => r.cpuMs), ratio: cCpu / wCpu },
      ratio: speedRatio,
      target: TARGET_RATIO,
      articlesPerHourOneCore: perHour,
      articlesPerSec: { baseline: ratio(articles, wMs / 1000), casus: ratio(articles, cMs / 1000) },
      errors,
    },
  };
  return res;
}
