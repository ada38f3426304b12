/** The embedded event store: `casus ingest`, `casus query`, `casus export`, `openStore` (issue "part 6"). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createCoder } from '../src/pipeline.js';
import { hash, normalizeText } from '../src/store/keys.js';
import { openStore, StoreWriter, type EventRow, type Store } from '../src/store/index.js';
import { assertNoStack, runCli, tempDir } from './helpers.js';
import { NEWS, bigCorpus, jsonl, startCli } from './store-helpers.js';

const t = tempDir();
after(() => t.cleanup());
const NEWS_FILE = t.write('news.jsonl', jsonl(NEWS));

function ingest(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = runCli(['ingest', ...args]);
  assertNoStack(r.stderr);
  return r;
}

describe('ingest and query', () => {
  const db = join(t.dir, 'news.db');
  let store: Store;
  let merged: EventRow[];
  before(async () => {
    const r = ingest(NEWS_FILE, '--db', db);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^8 added, 0 already stored/);
    assert.match(r.stderr, /^stored 8 documents \(\d+ events\)$/m);
    store = await openStore(db, { readOnly: true });
    merged = await store.events({ limit: 10_000 });
  });
  after(() => store?.close());

  test('re-ingesting the same documents adds nothing; a line without id is keyed by its text', async () => {
    store.close();
    const r = ingest(NEWS_FILE, '--db', db);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^0 added, 8 already stored \(0 events written\)/);
    // The same lines in another order and file: the id-less line has another FILE:LINE but the same text.
    const r2 = ingest(t.write('again.jsonl', jsonl([...NEWS].reverse())), '--db', db);
    assert.match(r2.stdout, /^0 added, 8 already stored/);
    store = await openStore(db, { readOnly: true });
    const noId = NEWS[4]!;
    const doc = await store.document(`text:${hash(normalizeText(noId.text))}`);
    assert.ok(doc, 'the document without id is stored under its text hash');
    assert.equal(doc.text, noId.text);
    assert.equal((await store.document('n1'))?.id, 'n1');
    assert.equal(await store.document('nope'), null);
    assert.deepEqual(await store.stats().then((s) => s.documents), 8);
  });

  test('one event told by several articles merges; a reprint counts as one article', () => {
    const e = merged.find((x) => x.source === 'USA' && x.target === 'IRN' && x.code === '163' && x.date === '2024-03-04');
    assert.ok(e, 'USA imposes sanctions on IRN');
    assert.equal(e.articles, 2, 'n1 and its reprint n7 are one article, n2 another');
    assert.equal(e.sources, 3, 'Reuters, CNN, AP');
    assert.equal(e.reports!.length, e.mentions);
    assert.ok(e.mentions >= 3);
    assert.deepEqual([...new Set(e.reports!.map((r) => r.doc))].sort(), ['n1', 'n2', 'n7']);
    for (const r of e.reports!) assert.ok(r.event.startsWith(`${r.doc}#`) && typeof r.sentence === 'number');
    // No two merged rows share date, dyad, code and place.
    const keys = merged.map((x) => `${x.date}|${x.source}|${x.target}|${x.code}|${x.place}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  test('negated events are stored but not counted', async () => {
    assert.ok(!merged.some((x) => x.source === 'RUS' && x.target === 'MDA'), 'Russia did not attack Moldova');
    const out = join(t.dir, 'reports.csv');
    const r = runCli(['export', '--db', db, '--format', 'csv', '--out', out, '--reports']);
    assert.equal(r.status, 0, r.stderr);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const head = lines[0]!.split(',');
    const neg = head.indexOf('negated');
    assert.ok(neg >= 0);
    assert.ok(
      lines.slice(1).some((l) => l.includes('MDA') && l.split(',')[neg] === 'true'),
      'the negated report is exported, flagged',
    );
  });

  test('events filter by code prefix, root and dates', async () => {
    const rus = await store.events({ source: 'RUS' });
    assert.ok(rus.length > 0 && rus.every((x) => x.source!.startsWith('RUS')));
    assert.ok(
      rus.some((x) => x.source !== 'RUS'),
      'RUS matches RUSMIL (Russian forces)',
    );
    const usaChn = await store.events({ source: 'USA', target: 'CHN' });
    assert.ok(usaChn.length > 0 && usaChn.every((x) => x.source!.startsWith('USA') && x.target!.startsWith('CHN')));
    const r16 = await store.events({ root: '16' });
    assert.ok(r16.length > 0 && r16.every((x) => x.root === '16'));
    const march5 = await store.events({ from: '2024-03-05', to: '2024-03-12' });
    assert.ok(march5.length > 0 && march5.every((x) => x.date! >= '2024-03-05' && x.date! <= '2024-03-12'));
    assert.equal((await store.events({ limit: 2 })).length, 2);
    const cli = runCli(['query', 'events', '--db', db, '--source', 'usa', '--root', '16', '--format', 'csv']);
    assert.equal(cli.status, 0, cli.stderr);
    const rows = cli.stdout.trim().split('\n');
    assert.equal(rows[0], 'date,source,target,code,name,goldstein,quad,mentions,sources,articles');
    assert.ok(rows.length > 1 && rows.slice(1).every((l) => l.includes(',USA,') && /,16\d,/.test(l)));
  });

  test('dyads by week: events per QuadClass and mean Goldstein', async () => {
    const dyads = await store.dyads({ by: 'week' });
    assert.ok(dyads.length > 0);
    for (const d of dyads) {
      assert.equal(d.q1 + d.q2 + d.q3 + d.q4, d.events);
      const mine = merged.filter((x) => x.source === d.source && x.target === d.target && weekOf(x.date!) === d.period);
      assert.equal(mine.length, d.events, `${d.period} ${d.source}-${d.target}`);
      const mean = mine.reduce((a, x) => a + x.goldstein, 0) / mine.length;
      assert.ok(Math.abs(mean - d.goldstein) < 0.01, `mean Goldstein ${d.goldstein} vs ${mean}`);
    }
    const sanctions = dyads.find((d) => d.source === 'USA' && d.target === 'IRN' && d.period === '2024-03-04');
    assert.ok(sanctions && sanctions.q4 >= 1 && sanctions.goldstein < 0);
    const months = await store.dyads({ by: 'month', source: 'USA' });
    assert.ok(months.length > 0 && months.every((d) => d.period === '2024-03-01' && d.source!.startsWith('USA')));
    const actors = await store.actors();
    const usa = actors.find((a) => a.code === 'USA');
    assert.ok(usa && usa.asSource > 0 && usa.asTarget > 0 && usa.total === usa.asSource + usa.asTarget);
  });

  test('export csv writes a header and one row per merged event', () => {
    const out = join(t.dir, 'merged.csv');
    const r = runCli(['export', '--db', db, '--format', 'csv', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(out, 'utf8');
    assert.match(text, /^date,source,target,code,root,name,goldstein,quad,place,country,source_name,target_name,mentions,sources,articles,reports\n/);
    assert.ok(text.includes('2024-03-04,USA,IRN,163,'));
    const pq = runCli(['export', '--db', db, '--format', 'parquet', '--out', join(t.dir, 'merged.parquet')]);
    assert.equal(pq.status, 0, pq.stderr);
    assert.equal(readFileSync(join(t.dir, 'merged.parquet')).subarray(0, 4).toString(), 'PAR1');
  });
});

function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

test('opinion events are stored, flagged and counted only with includeOpinion', async () => {
  const db = join(t.dir, 'opinion.db');
  const coder = createCoder();
  const opinionated = {
    ...coder,
    code: (input: Parameters<typeof coder.code>[0]) => {
      const doc = coder.code(input);
      if (doc.id === 'n6') for (const e of doc.events) e.attribution = { kind: 'opinion', speaker: null };
      return doc;
    },
  };
  const w = await StoreWriter.open(db, { coder: opinionated, log: () => undefined });
  for (const d of NEWS.slice(5, 6)) await w.add({ ...d, id: d.id! });
  const s = await w.finish();
  assert.equal(s.added, 1);
  assert.ok(s.events > 0);
  const store = await openStore(db, { readOnly: true });
  try {
    assert.equal((await store.events()).length, 0);
    assert.ok((await store.events({ includeOpinion: true })).length > 0);
    assert.equal(
      (await store.document('n6'))?.events.every((e) => e.attribution.kind === 'opinion'),
      true,
    );
  } finally {
    store.close();
  }
});

test('--recode recodes the documents coded with another dictionary version', async () => {
  const db = join(t.dir, 'recode.db');
  assert.equal(ingest(NEWS_FILE, '--db', db).status, 0);
  const dict = t.write(
    'ministers.jsonl',
    '{"name": "Ingrid Haldor", "aliases": [], "country": "NOR", "roles": [{"code": "NORGOV", "title": "Foreign Minister of Norway", "from": "2020-01-01", "to": null}], "source": "casus test"}\n',
  );
  const stale = ingest(NEWS_FILE, '--db', db, '--dict', dict);
  assert.match(stale.stdout, /^0 added, 8 already stored/);
  assert.match(stale.stderr, /8 stored documents were coded with another casus or dictionary version; run .* --recode/);
  const r = ingest('--db', db, '--dict', dict, '--recode');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /0 added, 0 already stored, 8 recoded/);
  assert.match(r.stderr, /^recoded 8 documents/m);
  const store = await openStore(db, { readOnly: true });
  try {
    const n8 = await store.document('n8');
    assert.equal(n8?.dictionaryVersion, createCoder({ dict: [dict] }).lexicon.version);
    assert.ok((await store.events({ source: 'NORGOV' })).length > 0, 'the new dictionary codes Ingrid Haldor');
    assert.equal((await store.stats()).documents, 8);
  } finally {
    store.close();
  }
  assert.match(ingest('--db', db, '--dict', dict, '--recode').stdout, /0 recoded/);
});

test('a killed ingest loses nothing reported stored, and a rerun stores every document once', async () => {
  const db = join(t.dir, 'killed.db');
  const N = 300;
  const big = t.write('big.jsonl', bigCorpus(N));
  const run = startCli(['ingest', big, '--db', db, '--batch', '7']);
  const line = await run.seen(/^stored \d+ documents/);
  run.child.kill('SIGKILL');
  const end = await run.done;
  assert.equal(end.signal, 'SIGKILL');
  const reported = Math.max(...[...end.stderr.matchAll(/^stored (\d+) documents/gm)].map((m) => Number(m[1])));
  assert.ok(reported >= Number(/stored (\d+)/.exec(line)![1]));
  const store = await openStore(db, { readOnly: true });
  const kept = (await store.stats()).documents;
  store.close();
  assert.ok(kept >= reported, `kept ${kept} of ${reported} reported stored`);
  const r = ingest(big, '--db', db, '--batch', '50');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^${N - kept} added, ${kept} already stored`));
  const s2 = await openStore(db, { readOnly: true });
  try {
    const stats = await s2.stats();
    assert.equal(stats.documents, N);
    const ids = (await s2.events({ limit: 100_000 })).flatMap((e) => e.reports!.map((x) => x.event));
    assert.equal(new Set(ids).size, ids.length, 'no event stored twice');
  } finally {
    s2.close();
  }
});

test('a store in use gives one clear line, not a crash', async () => {
  const db = join(t.dir, 'locked.db');
  const w = await StoreWriter.open(db, { coder: createCoder(), log: () => undefined });
  try {
    const r = runCli(['ingest', NEWS_FILE, '--db', db, '--wait', '1']);
    assert.equal(r.status, 3, 'a lock never released has exit code 3');
    assert.equal(
      r.stderr,
      `casus: ${db} is in use by another casus process; waiting up to 1 s for it (--wait SECONDS)\n` +
        `casus: ${db} is in use by another casus process (DuckDB lock); try again when it finishes\n`,
    );
    const q = runCli(['query', 'dyads', '--db', db]);
    assert.equal(q.status, 3);
    assert.match(q.stderr, /^casus: .*the store is being written by another process \(DuckDB lock\)[^\n]*\n$/);
  } finally {
    w.close();
  }
  const missing = runCli(['query', 'events', '--db', join(t.dir, 'none.db')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^casus: .*none\.db: no such store/);
  assertNoStack(missing.stderr);
});
