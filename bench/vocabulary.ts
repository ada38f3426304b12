/**
 * What a word form never seen before costs the language layer: tokenize the speed corpus until warm, then time it
 * once more as is (every form remembered) and once with each word of five or more letters given a suffix never used
 * before (about half the tokens new to the caches). CPU time per token.
 * Usage: node dist/bench/vocabulary.js
 */
import { tokenize } from '../src/language/nlp.js';
import { dataPath } from './paths.js';
import { buildSpeedCorpus } from './speed-corpus.js';

function cpuNsPerToken(texts: string[]): { ns: number; tokens: number } {
  const t0 = process.cpuUsage();
  let tokens = 0;
  for (const t of texts) tokens += tokenize(t).tokens.n;
  const u = process.cpuUsage(t0);
  return { ns: ((u.user + u.system) * 1000) / tokens, tokens };
}

function main(): void {
  const dir = dataPath('quotes', 'polnear-dev');
  if (!dir) throw new Error('quotes/polnear-dev not found');
  const texts = buildSpeedCorpus(dir).articles.map((a) => a.text);
  for (let r = 0; r < 3; r++) cpuNsPerToken(texts);
  const known = cpuNsPerToken(texts);
  let pass = 0;
  const fresh = texts.map((t) => t.replace(/\b[a-z]{5,}\b/g, (w) => `${w}q${(pass++).toString(36)}`));
  const unseen = cpuNsPerToken(fresh);
  const share = (fresh.join(' ').match(/\b[a-z]{5,}q[0-9a-z]+\b/g)?.length ?? 0) / unseen.tokens;
  process.stdout.write(
    `tokens ${unseen.tokens}; remembered forms: ${Math.round(known.ns)} ns/token; ` +
      `with ${Math.round(share * 100)} % of tokens never seen before: ${Math.round(unseen.ns)} ns/token ` +
      `(${Math.round((unseen.ns - known.ns) / share)} ns more per new form)\n`,
  );
}

main();
