/** The HTTP server of `casus serve` (its arguments are read by src/cli/serve.ts): the API and the web page. */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
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

/** Starts the server; resolves once it listens. */
export async function startServer(opts: ServeOptions, err: Out): Promise<Serving> {
  const coder = createCoder({ dict: opts.dict ?? [] });
  // The first article pays for lazy tables (gazetteer, models): pay it now, not on the first request.
  coder.code({ id: 'warm-up', text: 'Greek officials met Turkish diplomats in Ankara on Monday.', date: '2021-03-08' });
  let store = null;
  if (opts.db) {
    if (!existsSync(opts.db)) err.write(`casus: warning: the store ${opts.db} does not exist yet; the corpus view will report it\n`);
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
