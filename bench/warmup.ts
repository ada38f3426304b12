/**
 * How fast each system reaches full speed: CPU time per batch of 84 articles (one pass over the distinct
 * PolNeAR dev texts) over the speed corpus, in one process per system.
 * Usage: node dist/bench/warmup.js [wink|casus]  (without an argument both run, each in its own process).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dataPath } from './paths.js';
import { buildSpeedCorpus } from './speed-corpus.js';

async function batches(system: 'wink' | 'casus'): Promise<number[]> {
  const dir = dataPath('quotes', 'polnear-dev');
  if (!dir) throw new Error('quotes/polnear-dev not found');
  const { articles, distinct } = buildSpeedCorpus(dir);
  let step: (text: string, id: string) => void;
  if (system === 'wink') {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    step = (text) => {
      const doc = nlp.readDoc(text);
      doc.sentences().length();
      doc.tokens().out(nlp.its.pos);
    };
  } else {
    const { createCoder } = await import('../src/index.js');
    const coder = createCoder();
    step = (text, id) => void coder.code({ id, text, date: null });
  }
  const out: number[] = [];
  for (let i = 0; i < articles.length; i += distinct) {
    const t0 = process.cpuUsage();
    for (const a of articles.slice(i, i + distinct)) step(a.text, a.id);
    const u = process.cpuUsage(t0);
    out.push((u.user + u.system) / 1000);
  }
  return out;
}

async function main(): Promise<void> {
  const which = process.argv[2];
  if (which === 'wink' || which === 'casus') {
    const ms = await batches(which);
    process.stdout.write(`${which.padEnd(6)} CPU ms per batch: ${ms.map((x) => Math.round(x)).join(' ')}\n`);
    return;
  }
  for (const sys of ['wink', 'casus']) {
    await new Promise<void>((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), [sys], { stdio: 'inherit' });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${sys} exited with ${code}`))));
    });
  }
}

main().catch((e: Error) => {
  process.stderr.write(`warmup: ${e.message}\n`);
  process.exitCode = 1;
});
