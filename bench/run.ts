/**
 * `npm run bench`: measures casus against the shared benchmark data (../shared/benchmarks, read at run time only).
 * Sections: events, quotes, opinion, speed, fresh (whole-process start-up), store, throughput, load. See ../shared/benchmarks/README.md for the definition of every measure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCoder, type Coder } from '../src/index.js';
import { commandLine, parseArgs, USAGE, type BenchArgs, type SectionId } from './args.js';
import { environment, environmentLines } from './environment.js';
import { runEvents } from './events.js';
import { int } from './metrics.js';
import { runOpinion } from './opinion.js';
import { benchmarksDir, repoRoot } from './paths.js';
import { runQuotes } from './quotes.js';
import { renderMarkdown, renderText, type SectionResult } from './report.js';
import { runSpeed } from './speed.js';

const TITLES: Record<SectionId, string> = {
  events: 'Events (CAMEO)',
  quotes: 'Quotes (PolNeAR dev)',
  opinion: 'Opinion (subjectivity)',
  speed: 'Speed',
  fresh: 'Fresh start (whole process)',
  store: 'Event store (DuckDB)',
  throughput: 'Throughput (all cores)',
  load: 'Load (HTTP /api/code)',
};
const log = (s: string) => process.stderr.write(s + '\n');

function failed(id: SectionId, err: unknown): SectionResult {
  const msg = err instanceof Error ? err.message : String(err);
  return { id, title: TITLES[id], status: 'failed', notices: [`section failed: ${msg}`], figures: [], tables: [], data: { error: msg } };
}

async function runSection(id: SectionId, coder: () => Coder): Promise<SectionResult> {
  const t0 = performance.now();
  log(`bench: ${id} ...`);
  let res: SectionResult;
  try {
    if (id === 'events') res = runEvents(coder());
    else if (id === 'quotes') res = runQuotes(coder());
    else if (id === 'opinion') res = runOpinion(coder());
    else if ((id as string) === 'load') res = await (await import('./load.js')).runLoad(log);
    else if (id === 'fresh') res = await (await import('./fresh.js')).runFresh(log);
    else if (id === 'store') res = await (await import('./store.js')).runStore(log, process.argv.includes('--big'));
    else if (id === 'throughput') res = await (await import('./throughput.js')).runThroughput(log, process.argv.includes('--big'));
    else res = await runSpeed(log);
  } catch (err) {
    res = failed(id, err);
  }
  log(`bench: ${id} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return res;
}

function write(file: string, content: string): void {
  const p = path.resolve(file);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
  log(`bench: wrote ${p}`);
}

async function main(args: BenchArgs): Promise<void> {
  const root = repoRoot();
  const data = benchmarksDir();
  let shared: Coder | null = null;
  let loadMs = 0;
  const coder = (): Coder => {
    if (!shared) {
      const t0 = performance.now();
      shared = createCoder();
      loadMs = performance.now() - t0;
    }
    return shared;
  };
  // The dictionary version for the header; the coder is created once and shared by the accuracy sections.
  let dictionaryVersion = 'unavailable';
  try {
    dictionaryVersion = coder().lexicon.version;
  } catch (err) {
    log(`bench: the coder could not be created: ${err instanceof Error ? err.message : String(err)}`);
  }
  const env = environment(root, dictionaryVersion);
  const command = commandLine(args.raw);

  const results: SectionResult[] = [];
  for (const id of args.only) results.push(await runSection(id, coder));

  const head: [string, string][] = [['command', command], ...environmentLines(env), ['data', data], ['createCoder (accuracy sections)', `${int(loadMs)} ms`]];
  const w = Math.max(...head.map(([k]) => k.length));
  process.stdout.write(['casus benchmarks', ...head.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)].join('\n') + '\n\n');
  process.stdout.write(results.map(renderText).join('\n'));

  if (args.json) {
    const json = {
      command,
      environment: env,
      data,
      sections: Object.fromEntries(results.map((r) => [r.id, { status: r.status, notices: r.notices, figures: Object.fromEntries(r.figures), ...r.data }])),
    };
    write(args.json, JSON.stringify(json, null, 2) + '\n');
  }
  if (args.markdown) {
    const md = [
      '## Benchmark results',
      '',
      `Command: \`${command}\` (runs \`node --expose-gc dist/bench/run.js${args.raw.length ? ' ' + command.replace(/^npm run bench -- /, '') : ''}\`)`,
      '',
      ...environmentLines(env).map(([k, v]) => `- ${k}: ${v}`),
      '- data: `../shared/benchmarks` (development splits; definitions in its README)',
      '',
      ...results.map(renderMarkdown),
    ].join('\n');
    write(args.markdown, md);
  }
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

let args: BenchArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  const msg = err instanceof Error ? err.message : String(err);
  process.stderr.write((msg === 'help' ? '' : `bench: ${msg}\n`) + USAGE + '\n');
  process.exit(msg === 'help' ? 0 : 2);
}
main(args).catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
