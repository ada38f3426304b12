/**
 * identical: codes the speed corpus, the fresh corpus, the development sets and the seed article, and saves or compares
 * the Documents, one JSON line each, so that a refactoring can show its output is byte-identical.
 *
 *   node dist/bench/identical.js --save DIR       write DIR/<set>.jsonl (outside the repository: it holds benchmark text)
 *   node dist/bench/identical.js --compare DIR    code again and compare with DIR; exit 1 on any difference
 *
 * `dictionaryVersion` is a hash of the data files loaded, so it is compared apart: a change of it alone is reported,
 * not counted as a difference of output. Every other byte of every Document counts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCoder, type Coder, type InputDoc } from '../src/index.js';
import { readPolnearTexts } from './brat.js';
import { benchmarksDir, repoRoot } from './paths.js';
import { buildSpeedCorpus } from './speed-corpus.js';
import { readBio } from './spans.js';

type Corpus = { name: string; docs: InputDoc[] };

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
}

function sets(data: string): Corpus[] {
  const polnear = path.join(data, 'quotes', 'polnear-dev');
  const out: Corpus[] = [];
  out.push({
    name: 'speed',
    docs: buildSpeedCorpus(polnear)
      .articles.slice(0, 84)
      .map((a) => ({ id: a.id, text: a.text, date: null })),
  });
  out.push({ name: 'fresh', docs: lines(path.join(data, 'speed', 'fresh.jsonl')).map((l) => JSON.parse(l) as InputDoc) });
  out.push({ name: 'polnear', docs: readPolnearTexts(polnear).map((t) => ({ id: t.name, text: t.text, date: null })) });
  out.push({
    name: 'cameo-sentences',
    docs: lines(path.join(data, 'events', 'cameo-sentences-train.tsv')).map((l, i) => ({
      id: `ev${i + 1}`,
      text: l.slice(0, l.lastIndexOf('\t')),
      date: null,
    })),
  });
  out.push({
    name: 'cameo-spans',
    docs: readBio(path.join(data, 'events', 'cameo-actor-spans-train.bio')).map((s, i) => ({ id: `sp${i + 1}`, text: s.text, date: null })),
  });
  for (const f of ['subjectivity-train.tsv', 'subjectivity-dev.tsv']) {
    const rows = lines(path.join(data, 'opinion', f))
      .slice(1)
      .map((l) => l.split('\t'));
    out.push({ name: f.replace('.tsv', ''), docs: rows.map((c, i) => ({ id: c[0] || `op${i + 1}`, text: c[1] ?? '', date: null })) });
  }
  const seed = path.resolve(data, '..', 'seed');
  if (existsSync(seed)) {
    const docs = readdirSync(seed)
      .sort()
      .map((f) => ({ id: f, text: readFileSync(path.join(seed, f), 'utf8'), date: '2016-06-01' }));
    out.push({ name: 'seed', docs });
  }
  return out;
}

/** One line per document: its JSON with `dictionaryVersion` taken out (returned apart), or the error it threw. */
function codeSet(coder: Coder, set: Corpus): { lines: string[]; versions: Set<string> } {
  const versions = new Set<string>();
  const out = set.docs.map((d) => {
    try {
      const doc = coder.code(d) as unknown as Record<string, unknown>;
      versions.add(String(doc.dictionaryVersion));
      doc.dictionaryVersion = null;
      return JSON.stringify(doc);
    } catch (e) {
      return JSON.stringify({ id: d.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
  return { lines: out, versions };
}

/** The path of the first difference between two JSON values, e.g. `events[3].target.code`. */
function firstDiff(a: unknown, b: unknown, at = ''): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${at || '.'}: ${JSON.stringify(a)?.slice(0, 80)} -> ${JSON.stringify(b)?.slice(0, 80)}`;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${at}[${k}]` : at ? `${at}.${k}` : k);
    if (d) return d;
  }
  return `${at || '.'}: same values, different bytes (key order)`;
}

function main(): void {
  const [mode, dirArg] = process.argv.slice(2);
  if ((mode !== '--save' && mode !== '--compare') || !dirArg) {
    process.stderr.write('usage: node dist/bench/identical.js --save DIR | --compare DIR\n');
    process.exit(2);
  }
  const dir = path.resolve(dirArg);
  if (dir.startsWith(repoRoot() + path.sep)) {
    process.stderr.write('identical: DIR must be outside the repository (the outputs hold benchmark text)\n');
    process.exit(2);
  }
  const coder = createCoder();
  let differing = 0;
  for (const set of sets(benchmarksDir())) {
    const t0 = performance.now();
    const { lines: got, versions } = codeSet(coder, set);
    const file = path.join(dir, `${set.name}.jsonl`);
    const ms = Math.round(performance.now() - t0);
    if (mode === '--save') {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, got.join('\n') + '\n');
      writeFileSync(path.join(dir, `${set.name}.version`), [...versions].join('\n') + '\n');
      process.stdout.write(`${set.name}: ${got.length} documents saved (${ms} ms)\n`);
      continue;
    }
    const want = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l);
    const oldVersions = readFileSync(path.join(dir, `${set.name}.version`), 'utf8').trim();
    let diffs = 0;
    for (let i = 0; i < Math.max(want.length, got.length); i++) {
      if (want[i] === got[i]) continue;
      if (diffs++ < 5) {
        const w = want[i] ? (JSON.parse(want[i]!) as unknown) : undefined;
        const g = got[i] ? (JSON.parse(got[i]!) as unknown) : undefined;
        process.stdout.write(`  ${set.name} #${i} (${set.docs[i]?.id}): ${firstDiff(w, g)}\n`);
      }
    }
    differing += diffs;
    const version = [...versions].join(',') === oldVersions.split('\n').join(',') ? 'same' : 'changed';
    process.stdout.write(`${set.name}: ${got.length} documents, ${diffs} differ; dictionaryVersion ${version} (${ms} ms)\n`);
  }
  if (mode === '--compare') {
    process.stdout.write(differing ? `identical: ${differing} documents differ\n` : 'identical: every document is byte-identical\n');
    process.exit(differing ? 1 : 0);
  }
}

main();
