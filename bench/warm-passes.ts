/**
 * Time per pass over the 84 distinct PolNeAR dev texts, six passes in one process through `createCoder().code`:
 * the first pass pays V8's compiling and the caches' filling, the last ones show warm speed.
 * Usage: node dist/bench/warm-passes.js [CASUS_ROOT]  (another checkout's root, built, to compare in the same run)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchmarksDir, repoRoot } from './paths.js';

const root = path.resolve(process.argv[2] ?? repoRoot());
const { createCoder } = (await import(pathToFileURL(path.join(root, 'dist', 'src', 'index.js')).href)) as typeof import('../src/index.js');
const dir = path.join(benchmarksDir(), 'quotes', 'polnear-dev', 'text');
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(dir, f), 'utf8'));
const coder = createCoder();
const passes: number[] = [];
for (let p = 0; p < 6; p++) {
  const t0 = performance.now();
  texts.forEach((text, i) => coder.code({ id: `t${i}`, text, date: null }));
  passes.push(performance.now() - t0);
}
process.stdout.write(`${root}: ms per pass of ${texts.length} texts: ${passes.map((x) => x.toFixed(0)).join(' ')}\n`);
