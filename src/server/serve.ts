/** The HTTP server of `casus serve` (its arguments are read by src/cli/serve.ts): the API and the web page. */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { availableParallelism } from 'node:os';
import type { Lexicon } from '../lexicon/lexicon.js';
import { loadLexicon } from '../lexicon/load.js';
import { isLocalOnly } from './auth.js';
import { placeLocator } from './places.js';
import { CodingWorkers } from './workers.js';
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
  /** Coding worker threads (default: the cores, from 1 to 4). */
  workers?: number;
  /** The access token every API request must carry; required on any address but 127.0.0.1. */
  token?: string | null;
}

export class TokenRequired extends Error {
  constructor(host: string) {
    super(`serving on ${host} (beyond this machine's 127.0.0.1) needs an access token: give --token-file PATH or set CASUS_TOKEN`);
    this.name = 'TokenRequired';
  }
}

export const defaultWorkers = (): number => Math.max(1, Math.min(4, availableParallelism()));

/** Starts the server; resolves once it listens. Refuses (TokenRequired) an address beyond 127.0.0.1 without a token. */
export async function startServer(opts: ServeOptions, err: Out): Promise<Serving> {
  if (!opts.token && !isLocalOnly(opts.host)) throw new TokenRequired(opts.host);
  const dict = opts.dict ?? [];
  const runner = await CodingWorkers.start(opts.workers ?? defaultWorkers(), dict);
  let store = null;
  if (opts.db) {
    if (!/^postgres(ql)?:/.test(opts.db) && !existsSync(opts.db))
      err.write(`casus: warning: the store ${opts.db} does not exist yet; the corpus view will report it\n`);
    store = fileStore(opts.db);
  }
  // The corpus view's map places events with the lexicon's gazetteer: with a store, load it now, not on the first query
  // (which would hold up the request thread for a second or two).
  let lexicon: Lexicon | null = null;
  try {
    if (opts.db) placeLocator((lexicon = loadLexicon(dict)))([{ place: 'GRC/Athens', country: 'GRC' }]);
  } catch (e) {
    await runner.close();
    throw e;
  }
  const auth = opts.token ? { token: opts.token } : null;
  const app = createApp({ runner, store, auth, lexicon: () => (lexicon ??= loadLexicon(dict)) });
  return await new Promise<Serving>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      const url = `http://${host}:${info.port}`;
      resolve({
        url,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())).then(() => runner.close()),
      });
    });
    server.once('error', (e) => {
      void runner.close();
      reject(e);
    });
    const http = server as unknown as { requestTimeout?: number; headersTimeout?: number; keepAliveTimeout?: number };
    http.requestTimeout = 30_000;
    http.headersTimeout = 10_000;
    http.keepAliveTimeout = 10_000;
  });
}
