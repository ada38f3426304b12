/**
 * One suite of query answers run against both stores: the embedded DuckDB file and PostgreSQL. The same corpus
 * is ingested into each; every query gives the same rows, and a few answers are checked by hand. Ingesting the
 * corpus in reverse order gives the same store (reprints key on the smallest document key).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { InputDoc } from '../src/document/types.js';
import { createCoder } from '../src/pipeline.js';
import { openStore, StoreWriter, type Filters, type Store } from '../src/store/index.js';
import { jsonl, NEWS, startCli } from './store-helpers.js';
import { snapshot, tempDb } from './service-helpers.js';

const coder = createCoder();
const docs: InputDoc[] = NEWS.map((d, i) => ({ ...d, id: d.id ?? `news.jsonl:${i + 1}`, origin: { file: 'news.jsonl', line: i + 1 } }));

async function ingest(location: string, inputs: InputDoc[]): Promise<void> {
  const w = await StoreWriter.open(location, { coder, batch: 3, log: () => undefined });
  for (const d of inputs) await w.add(d);
  await w.finish();
}

const QUERIES: [string, Filters][] = [
  ['everything', {}],
  ['source USA', { source: 'USA' }],
  ['target prefix and root', { target: 'IR', root: '17' }],
  ['dates', { from: '2024-03-05', to: '2024-03-13' }],
  ['opinion included, by month', { includeOpinion: true, by: 'month' }],
  ['by day, limited', { by: 'day', limit: 3 }],
];

describe('the same answers from DuckDB and PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casus-pgstore-'));
  const duck = join(dir, 'news.duckdb');
  let pg: Awaited<ReturnType<typeof tempDb>>;
  let stores: [string, Store][] = [];

  before(async () => {
    pg = await tempDb();
    await ingest(duck, docs);
    await ingest(pg.url, docs);
    stores = [
      ['duckdb', await openStore(duck, { readOnly: true })],
      ['postgres', await openStore(pg.url, { readOnly: true })],
    ];
  });
  after(async () => {
    for (const [, s] of stores) s.close();
    await pg.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, f] of QUERIES) {
    test(`events, dyads and actors: ${name}`, async () => {
      const d = stores[0]![1],
        p = stores[1]![1];
      assert.deepEqual(await p.events(f), await d.events(f));
      assert.deepEqual(await p.dyads(f), await d.dyads(f));
      assert.deepEqual(await p.actors(f), await d.actors(f));
    });
  }

  test('both stores merge a reprint into one article, told by two outlets', async () => {
    for (const [name, s] of stores) {
      const e = (await s.events({ source: 'USA', target: 'IRN', root: '16' }))[0];
      assert.ok(e, name);
      assert.equal(e.articles, 2, `${name}: n1 and its reprint n7 are one article, n2 another`);
      assert.equal(e.sources, 3, `${name}: Reuters, CNN and AP`);
      assert.deepEqual(
        e.reports?.map((r) => r.doc),
        ['n1', 'n2', 'n7'],
        name,
      );
    }
  });

  test('documents, keys and counts are the same', async () => {
    const d = stores[0]![1],
      p = stores[1]![1];
    assert.deepEqual(await p.keys(), await d.keys());
    assert.deepEqual(await p.stats(), await d.stats());
    assert.deepEqual(await p.document('n3'), await d.document('n3'));
    assert.equal(await p.document('no-such-id'), null);
  });

  test('export writes the same CSV and Parquet files from PostgreSQL as from DuckDB', async () => {
    const d = stores[0]![1],
      p = stores[1]![1];
    for (const format of ['csv', 'parquet'] as const) {
      for (const reports of [false, true]) {
        const a = join(dir, `d-${reports}.${format}`),
          b = join(dir, `p-${reports}.${format}`);
        await d.export(a, format, { reports });
        await p.export(b, format, { reports });
        assert.ok(readFileSync(a).equals(readFileSync(b)), `${format}${reports ? ' reports' : ''} differ`);
      }
    }
  });

  test('ingesting in reverse order gives the same store, reprints keyed by the smallest document key', async () => {
    const rev = await tempDb();
    const revDuck = join(dir, 'reverse.duckdb');
    try {
      await ingest(rev.url, [...docs].reverse());
      await ingest(revDuck, [...docs].reverse());
      const want = await snapshot(duck);
      assert.deepEqual(await snapshot(rev.url), want);
      assert.deepEqual(await snapshot(revDuck), want);
      const a = join(dir, 'fwd.csv'),
        b = join(dir, 'rev.csv');
      await stores[0]![1].export(a, 'csv', { reports: true });
      const r = await openStore(rev.url, { readOnly: true });
      await r.export(b, 'csv', { reports: true });
      r.close();
      assert.equal(readFileSync(b, 'utf8'), readFileSync(a, 'utf8'));
      assert.match(readFileSync(a, 'utf8'), /,n1\n/, 'the reprint n7 carries the article key n1');
    } finally {
      await rev.drop();
    }
  });
});

test('casus ingest waits for a DuckDB store another process writes, and goes on when it is released', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'casus-wait-'));
  const db = join(dir, 'busy.duckdb');
  const file = join(dir, 'news.jsonl');
  writeFileSync(file, jsonl(NEWS));
  const holder = await StoreWriter.open(db, { coder, log: () => undefined });
  let held = true;
  try {
    const ingest = startCli(['ingest', file, '--db', db, '--wait', '60']);
    await ingest.seen(/is in use by another casus process; waiting up to 60 s/);
    await holder.finish();
    held = false;
    const r = await ingest.done;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^8 added, 0 already stored/);
  } finally {
    if (held) holder.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
