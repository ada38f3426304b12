/**
 * Helpers for the tests against PostgreSQL and NATS: a database and a stream of their own (dropped after), a
 * snapshot of a store to compare stores by, and, for the tests that stop or restart a service, a nats-server and a
 * PostgreSQL cluster of their own on free ports (the machine's shared services are never stopped).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect } from 'nats';
import { openStore } from '../src/store/index.js';

/** The shared services (as `.ci/run` starts them); CASUS_TEST_PG / CASUS_TEST_NATS point elsewhere. */
export const PG_BASE = process.env.CASUS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432';
export const NATS_URL = process.env.CASUS_TEST_NATS ?? 'nats://127.0.0.1:4222';

const rand = (): string => `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

/** A new empty database on the server at `base`; `drop()` removes it. */
export async function tempDb(base = PG_BASE): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `casus_test_${rand()}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = `${base}/${name}`;
  return {
    url,
    async drop() {
      const { endPool } = await import('../src/store/pg.js');
      await endPool(url);
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A stream name of its own; `drop()` deletes the stream and its dead-letter stream. */
export function tempStream(url = NATS_URL): { name: string; drop(): Promise<void> } {
  const name = `casus_test_${rand()}`;
  return {
    name,
    async drop() {
      const nc = await connect({ servers: url });
      const jsm = await nc.jetstreamManager();
      for (const s of [name, `${name}_dead`]) await jsm.streams.delete(s).catch(() => false);
      await nc.close();
    },
  };
}

/** What must be equal between two stores: the document keys and the merged events with their counts. */
export async function snapshot(location: string): Promise<{ keys: string[]; events: string[] }> {
  const store = await openStore(location, { readOnly: true });
  try {
    const events = (await store.events({ limit: 1_000_000, reports: false })).map((e) =>
      [e.date, e.source, e.target, e.code, e.place, e.mentions, e.sources, e.articles].join('|'),
    );
    return { keys: await store.keys(), events: events.sort() };
  } finally {
    store.close();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A nats-server with JetStream of the test's own, on a free port, that the test may stop and start again. */
export async function ownNats(): Promise<{ url: string; stop(): Promise<void>; start(): Promise<void>; end(): Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'casus-nats-'));
  let child: ChildProcess | null = null;
  const url = `nats://127.0.0.1:${port}`;
  const start = async (): Promise<void> => {
    child = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      const nc = await connect({ servers: url, reconnect: false }).catch(() => null);
      if (nc) return void (await nc.close());
      await sleep(100);
    }
    throw new Error('nats-server did not start');
  };
  const stop = async (): Promise<void> => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await gone;
  };
  await start();
  return { url, stop, start, end: async () => (await stop(), rmSync(dir, { recursive: true, force: true })) };
}

/** Run a PostgreSQL tool as the postgres user when the tests run as root (initdb refuses root). */
function asPostgres(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'ignore' });
}

/** A PostgreSQL cluster of the test's own (initdb in a temporary folder), on a free port, that it may stop. */
export async function ownPostgres(): Promise<{ base: string; stop(): void; start(): void; end(): void }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'casus-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = (): void => asPostgres('pg_ctl', ['-D', data, '-o', opts, '-w', '-l', join(dir, 'log'), 'start']);
  const stop = (): void => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    base: `postgres://postgres@127.0.0.1:${port}`,
    stop,
    start,
    end() {
      try {
        stop();
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
