/** `casus serve [--port N] [--db PATH] [--host 127.0.0.1]`: the API and the web page over HTTP. */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { flag, parseArgs, UsageError } from '../cli/args.js';
import { createCoder } from '../pipeline.js';
import { createApp } from './app.js';
import { fileStore } from './store.js';

interface Out {
  write(s: string): void;
}

export interface Serving {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

export interface ServeOptions {
  port: number;
  host: string;
  db: string | null;
  dict?: string[];
}

export function parseServeArgs(argv: string[]): ServeOptions {
  const p = parseArgs(argv, { port: { value: true }, db: { value: true }, store: { value: true }, host: { value: true }, dict: { value: true, repeat: true } });
  if (p.positionals.length) throw new UsageError(`serve takes no file (got '${p.positionals[0]}')`);
  const portText = flag(p, 'port') ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got '${portText}')`);
  const host = flag(p, 'host') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new UsageError(`--host must be a host name or address (got '${host}')`);
  // --store postgres://... is opened like a store file (src/store picks PostgreSQL for a URL).
  return { port, host, db: flag(p, 'store') ?? flag(p, 'db') ?? null, dict: p.flags.get('dict') ?? [] };
}

/** Starts the server; resolves once it listens. */
export async function startServer(opts: ServeOptions, err: Out): Promise<Serving> {
  const coder = createCoder({ dict: opts.dict ?? [] });
  // The first article pays for lazy tables (gazetteer, models): pay it now, not on the first request.
  coder.code({ id: 'warm-up', text: 'Greek officials met Turkish diplomats in Ankara on Monday.', date: '2021-03-08' });
  let store = null;
  if (opts.db) {
    if (!/^postgres(ql)?:/.test(opts.db) && !existsSync(opts.db)) err.write(`casus: warning: the store ${opts.db} does not exist yet; the corpus view will report it\n`);
    store = fileStore(opts.db);
  }
  const app = createApp({ coder, store });
  return await new Promise<Serving>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      const url = `http://${host}:${info.port}`;
      resolve({
        url,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
    const http = server as unknown as { requestTimeout?: number; headersTimeout?: number; keepAliveTimeout?: number };
    http.requestTimeout = 30_000;
    http.headersTimeout = 10_000;
    http.keepAliveTimeout = 10_000;
  });
}

export async function runServe(argv: string[], out: Out, err: Out): Promise<number> {
  const opts = parseServeArgs(argv);
  let serving: Serving;
  try {
    serving = await startServer(opts, err);
  } catch (e) {
    // Listening failed (port in use, no such address); dictionary and other errors go up to main.
    if (typeof (e as { syscall?: unknown }).syscall !== 'string') throw e;
    err.write(`casus: could not serve on ${opts.host}:${opts.port}: ${(e as Error).message}\n`);
    return 1;
  }
  out.write(`casus: serving on ${serving.url}${opts.db ? ` (store ${opts.db})` : ''}\n`);
  return await new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      serving.close().then(() => resolve(0));
      // Keep-alive sockets may hold close() open: do not wait for them.
      setTimeout(() => resolve(0), 1000).unref();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
