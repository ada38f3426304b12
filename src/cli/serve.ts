/**
 * `casus serve [--port N] [--db PATH] [--host 127.0.0.1] [--workers N] [--token-file PATH]`: reads the arguments
 * (and CASUS_TOKEN), then starts src/server with plain options.
 */
import { readFileSync } from 'node:fs';
import { flag, parseArgs, UsageError } from './args.js';
import { dictionaryPaths } from './config.js';
import { startServer, TokenRequired, type ServeOptions, type Serving } from '../server/serve.js';
import { shown } from '../store/pg.js';

/** Shortest token accepted: anything shorter is guessed too easily. */
const MIN_TOKEN = 16;

function readToken(file: string | undefined): string | null {
  let token: string | undefined;
  let from = 'CASUS_TOKEN';
  if (file !== undefined) {
    from = file;
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (e) {
      throw new UsageError(`--token-file ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else token = process.env.CASUS_TOKEN?.trim() || undefined;
  if (token === undefined) return null;
  if (token.length < MIN_TOKEN || /\s/.test(token))
    throw new UsageError(`the access token from ${from} must be at least ${MIN_TOKEN} characters, without spaces`);
  return token;
}

interface Out {
  write(s: string): void;
}

export function parseServeArgs(argv: string[]): ServeOptions {
  const p = parseArgs(argv, {
    port: { value: true },
    db: { value: true },
    store: { value: true },
    host: { value: true },
    dict: { value: true, repeat: true },
    workers: { value: true },
    'token-file': { value: true },
  });
  if (p.positionals.length) throw new UsageError(`serve takes no file (got '${p.positionals[0]}')`);
  const portText = flag(p, 'port') ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got '${portText}')`);
  const host = flag(p, 'host') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new UsageError(`--host must be a host name or address (got '${host}')`);
  const workersText = flag(p, 'workers');
  const workers = workersText === undefined ? undefined : Number(workersText);
  if (workers !== undefined && !(/^\d+$/.test(workersText!) && workers >= 1 && workers <= 64)) {
    throw new UsageError(`--workers must be a number from 1 to 64 (got '${workersText}')`);
  }
  return {
    port,
    host,
    db: flag(p, 'store') ?? flag(p, 'db') ?? null,
    dict: dictionaryPaths(p.flags.get('dict')),
    workers,
    token: readToken(flag(p, 'token-file')),
  };
}

export async function runServe(argv: string[], out: Out, err: Out): Promise<number> {
  const opts = parseServeArgs(argv);
  let serving: Serving;
  try {
    serving = await startServer(opts, err);
  } catch (e) {
    if (e instanceof TokenRequired) throw new UsageError(e.message);
    // Listening failed (port in use, no such address); dictionary and other errors go up to main.
    if (typeof (e as { syscall?: unknown }).syscall !== 'string') throw e;
    err.write(`casus: could not serve on ${opts.host}:${opts.port}: ${(e as Error).message}\n`);
    return 1;
  }
  out.write(`casus: serving on ${serving.url}${opts.db ? ` (store ${shown(opts.db)})` : ''}${opts.token ? ' (API requests need the access token)' : ''}\n`);
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
