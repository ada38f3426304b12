/**
 * One speed measurement in its own process, so that peak memory is per system.
 * Usage: node --expose-gc dist/bench/speed-worker.js wink|casus  (normally forked by speed.ts; the result goes to the parent over IPC).
 */
import { dataPath } from './paths.js';
import { buildSpeedCorpus, WARMUP_ARTICLES } from './speed-corpus.js';

export interface WorkerResult {
  system: 'wink' | 'casus';
  articles: number;
  bytes: number;
  /** Module import + model / dictionary loading, ms (not in timeMs). */
  loadMs: number;
  /** casus only: coder.lexicon.stats.loadMs. */
  dictLoadMs: number | null;
  /** The timed loop over the whole corpus, ms. */
  timeMs: number;
  /** CPU time (user + system) of the timed loop, ms: less sensitive than timeMs to other load on the machine. */
  cpuMs: number;
  /** wink: tokens and sentences by wink-nlp; casus: sentences in its documents (tokens 0). */
  tokens: number;
  sentences: number;
  /** casus only: coder.times over the timed loop. */
  stages: Record<string, number> | null;
  maxRssMB: number;
  errors: number;
}

type Step = (text: string, id: string) => { sentences: number; tokens: number };

async function setup(
  system: 'wink' | 'casus',
): Promise<{ step: Step; dictLoadMs: number | null; reset: () => void; stages: () => Record<string, number> | null }> {
  if (system === 'wink') {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    const its = nlp.its;
    const step: Step = (text) => {
      const doc = nlp.readDoc(text);
      const sentences = doc.sentences().length();
      const pos = doc.tokens().out(its.pos);
      return { sentences, tokens: pos.length };
    };
    return { step, dictLoadMs: null, reset: () => {}, stages: () => null };
  }
  const { createCoder } = await import('../src/index.js');
  const coder = createCoder({ timing: true });
  const step: Step = (text, id) => ({ sentences: coder.code({ id, text, date: null }).sentences.length, tokens: 0 });
  return {
    step,
    dictLoadMs: coder.lexicon.stats.loadMs,
    reset: () => {
      for (const k of Object.keys(coder.times)) delete (coder.times as Record<string, number>)[k];
    },
    stages: () => ({ ...(coder.times as Record<string, number>) }),
  };
}

async function main(): Promise<void> {
  const system = process.argv[2];
  if (system !== 'wink' && system !== 'casus') {
    process.stderr.write('usage: speed-worker.js wink|casus\n');
    process.exit(2);
  }
  const dir = dataPath('quotes', 'polnear-dev');
  if (!dir) {
    process.stderr.write('speed-worker: quotes/polnear-dev not found\n');
    process.exit(1);
  }
  const { articles, bytes } = buildSpeedCorpus(dir);
  const gc = (globalThis as { gc?: () => void }).gc;

  const t0 = performance.now();
  const sys = await setup(system);
  const loadMs = performance.now() - t0;

  let errors = 0;
  const safeStep = (text: string, id: string) => {
    try {
      return sys.step(text, id);
    } catch {
      errors++;
      return { sentences: 0, tokens: 0 };
    }
  };
  for (const a of articles.slice(0, WARMUP_ARTICLES)) safeStep(a.text, a.id);
  sys.reset();
  errors = 0;
  gc?.();

  let sentences = 0,
    tokens = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (const a of articles) {
    const r = safeStep(a.text, a.id);
    sentences += r.sentences;
    tokens += r.tokens;
  }
  const timeMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  const result: WorkerResult = {
    system,
    articles: articles.length,
    bytes,
    loadMs,
    dictLoadMs: sys.dictLoadMs,
    timeMs,
    cpuMs,
    tokens,
    sentences,
    stages: sys.stages(),
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    errors,
  };
  if (process.send) process.send(result, () => process.disconnect());
  else process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err) => {
  process.stderr.write(`speed-worker: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
