/**
 * The queue of articles against the real services: JetStream and PostgreSQL. After every run (one worker, three
 * workers, a worker killed between its writes and its commit, a poison article, NATS restarted, PostgreSQL stopped
 * for 10 s) the store equals a clean single-process DuckDB ingest of the same input: the same document keys and the
 * same merged events with the same counts. Each test has its own database and stream; the tests that stop a
 * service start their own nats-server or PostgreSQL cluster on free ports.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createCoder } from '../src/pipeline.js';
import { StoreWriter } from '../src/store/index.js';
import { readInput } from '../src/ingest/read.js';
import { runCli } from './helpers.js';
import { bigCorpus, jsonl, NEWS, startCli } from './store-helpers.js';
import { NATS_URL, ownNats, ownPostgres, snapshot, tempDb, tempStream } from './service-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-queue-'));
const corpus = join(dir, 'corpus.jsonl');
writeFileSync(corpus, jsonl(NEWS) + bigCorpus(40));
let want: Awaited<ReturnType<typeof snapshot>>;

before(async () => {
  const db = join(dir, 'clean.duckdb');
  const w = await StoreWriter.open(db, { coder: createCoder(), log: () => undefined });
  for await (const item of readInput(corpus, { type: 'jsonl', date: null })) if ('doc' in item) await w.add(item.doc);
  await w.finish();
  want = await snapshot(db);
  assert.equal(want.keys.length, 48);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const submit = (stream: string, queue = NATS_URL, file = corpus): string => {
  const r = runCli(['submit', file, '--queue', queue, '--stream', stream]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};

function worker(stream: string, store: string, opts: { queue?: string; env?: Record<string, string>; extra?: string[] } = {}): ReturnType<typeof startCli> {
  for (const [k, v] of Object.entries(opts.env ?? {})) process.env[k] = v;
  const w = startCli([
    'worker',
    '--queue',
    opts.queue ?? NATS_URL,
    '--store',
    store,
    '--stream',
    stream,
    '--batch',
    '5',
    '--ack-wait',
    '3',
    '--exit-when-empty',
    ...(opts.extra ?? []),
  ]);
  for (const k of Object.keys(opts.env ?? {})) delete process.env[k];
  return w;
}

async function finished(w: ReturnType<typeof startCli>): Promise<string> {
  const r = await w.done;
  assert.equal(r.code, 0, r.stderr);
  return r.stderr;
}

describe('the queue', () => {
  test('one worker stores the corpus as a clean DuckDB ingest does; a second submit is dropped as duplicates', async () => {
    const db = await tempDb(),
      s = tempStream();
    try {
      assert.match(submit(s.name), /^48 submitted to casus_test_\w+, 0 duplicates dropped/);
      assert.match(submit(s.name), /^0 submitted .*, 48 duplicates dropped/);
      const stderr = await finished(worker(s.name, db.url));
      assert.match(stderr, /worker: 48 stored, 0 already stored, 0 failed \([\d,]+ articles\/hour\)/);
      assert.deepEqual(await snapshot(db.url), want);
      const st = runCli(['queue', 'status', '--queue', NATS_URL, '--stream', s.name, '--store', db.url]);
      assert.match(st.stdout, /: 0 pending, 0 in flight, 0 failed/);
      assert.match(st.stdout, /store: 48 documents, 0 failures/);
    } finally {
      await db.drop();
      await s.drop();
    }
  });

  test('three workers on one queue make the same store as one worker', async () => {
    const db = await tempDb(),
      s = tempStream();
    try {
      submit(s.name);
      const ws = [worker(s.name, db.url), worker(s.name, db.url), worker(s.name, db.url)];
      for (const w of ws) await finished(w);
      assert.deepEqual(await snapshot(db.url), want);
    } finally {
      await db.drop();
      await s.drop();
    }
  });

  test('a worker killed with SIGKILL between its writes and its commit loses nothing and duplicates nothing', async () => {
    const db = await tempDb(),
      s = tempStream();
    try {
      submit(s.name);
      const held = worker(s.name, db.url, { env: { CASUS_TEST_QUEUE_HOLD: '1' } });
      await held.seen(/holding the batch before COMMIT/);
      held.child.kill('SIGKILL');
      assert.equal((await held.done).signal, 'SIGKILL');
      await finished(worker(s.name, db.url));
      assert.deepEqual(await snapshot(db.url), want);
    } finally {
      await db.drop();
      await s.drop();
    }
  });

  test('a poison article goes to the dead-letter stream and the failures table after N deliveries, and can be run again', async () => {
    const db = await tempDb(),
      s = tempStream();
    try {
      submit(s.name);
      await finished(worker(s.name, db.url, { env: { CASUS_TEST_QUEUE_POISON: 'n3' }, extra: ['--max-deliver', '2'] }));
      const got = await snapshot(db.url);
      assert.deepEqual(
        got.keys,
        want.keys.filter((k) => k !== 'n3'),
      );
      const st = runCli(['queue', 'status', '--queue', NATS_URL, '--stream', s.name, '--store', db.url]);
      assert.match(st.stdout, /: 0 pending, 0 in flight, 1 failed/);
      assert.match(st.stdout, /store: 47 documents, 1 failures/);
      const failed = runCli(['queue', 'failures', '--store', db.url]);
      assert.equal(JSON.parse(failed.stdout).id, 'n3');
      const again = runCli(['queue', 'retry', '--queue', NATS_URL, '--stream', s.name, '--store', db.url]);
      assert.match(again.stdout, /^1 failed articles submitted again/);
      await finished(worker(s.name, db.url));
      assert.deepEqual(await snapshot(db.url), want);
      assert.match(runCli(['queue', 'status', '--queue', NATS_URL, '--stream', s.name, '--store', db.url]).stdout, /store: 48 documents, 0 failures/);
    } finally {
      await db.drop();
      await s.drop();
    }
  });

  test('a worker goes on after NATS restarts in the middle of a run', async () => {
    const nats = await ownNats();
    const db = await tempDb(),
      s = tempStream(nats.url);
    try {
      submit(s.name, nats.url);
      const w = worker(s.name, db.url, { queue: nats.url, env: { CASUS_TEST_QUEUE_PAUSE_MS: '400' } });
      await w.seen(/worker: \d+ stored/);
      await nats.stop();
      await new Promise((r) => setTimeout(r, 1500));
      await nats.start();
      await finished(w);
      assert.deepEqual(await snapshot(db.url), want);
    } finally {
      await db.drop();
      await s.drop();
      await nats.end();
    }
  });

  test('a worker waits while PostgreSQL is stopped for 10 s and then goes on', async () => {
    const pg = await ownPostgres();
    const db = await tempDb(pg.base),
      s = tempStream();
    try {
      submit(s.name);
      const w = worker(s.name, db.url, { env: { CASUS_TEST_QUEUE_PAUSE_MS: '300' } });
      await w.seen(/worker: \d+ stored/);
      pg.stop();
      await w.seen(/PostgreSQL is not reachable.*; retrying/, 20_000);
      await new Promise((r) => setTimeout(r, 10_000));
      pg.start();
      const stderr = await finished(w);
      assert.match(stderr, /worker: 48 stored/);
      assert.deepEqual(await snapshot(db.url), want);
    } finally {
      await db.drop().catch(() => undefined);
      await s.drop();
      pg.end();
    }
  });
});
