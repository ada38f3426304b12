/** The HTTP app: the JSON API and the page's assets. Every handler's error becomes a JSON answer, never a crash. */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Coder } from '../pipeline.js';
import { parseCodeBody } from './code.js';
import { requireToken, type AuthOptions } from './auth.js';
import { ApiError, errorBody, sendError } from './errors.js';
import { buildAssets, isSuspiciousPath, type Asset } from './static.js';
import { placeLocator } from './places.js';
import { parseFilters, withStore, type StoreOpener } from './store.js';
import { inThread, type CodeRunner } from './workers.js';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface AppOptions {
  /** Codes the articles (the coding workers); absent: `coder` codes them on the request thread (tests). */
  runner?: CodeRunner;
  coder?: Coder;
  /** The lexicon that places the store's events on the map (loaded on the first query when absent). */
  lexicon?: () => Lexicon;
  /** Opens the store for one query; absent without --db. */
  store?: StoreOpener | null;
  /** Time allowed for one store query (ms). */
  storeTimeoutMs?: number;
  /** The allow-listed assets (built from web/ when absent). */
  assets?: Map<string, Asset>;
  /** When set, every API request needs `Authorization: Bearer TOKEN` (the page's assets do not). */
  auth?: AuthOptions | null;
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'",
};

export function createApp({ runner, coder, lexicon, store = null, storeTimeoutMs = 10_000, assets = buildAssets(), auth = null }: AppOptions): Hono {
  const app = new Hono();
  if (!runner && !coder) throw new Error('createApp needs a runner or a coder');
  const code = runner ?? inThread(coder!);
  const lexiconOf = lexicon ?? (() => coder!.lexicon);

  app.onError((err, c) => {
    if (err instanceof ApiError) return sendError(c, err.status, err.code, err.message);
    process.stderr.write(`casus serve: ${c.req.method} ${c.req.path}: ${(err as Error)?.stack ?? String(err)}\n`);
    return sendError(c, 500, 'internal', 'the server could not answer this request');
  });
  app.notFound((c) => sendError(c, 404, 'not-found', `no route for ${c.req.method} ${c.req.path}`));

  if (auth) app.use('/api/*', requireToken(auth));
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => sendError(c, 413, 'too-large', `the body is over ${MAX_BODY_BYTES} bytes`) }));

  app.post('/api/code', async (c) => {
    const type = c.req.header('content-type') ?? '';
    // Exactly application/json, parameters allowed (application/json-patch and the like are refused).
    if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError(415, 'bad-content-type', 'send the article as application/json');
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      throw new ApiError(400, 'bad-json', 'the body is not valid JSON');
    }
    const input = parseCodeBody(raw);
    const json = await code.code(input);
    return c.body(typeof json === 'string' ? json : (json as Uint8Array<ArrayBuffer>), 200, { 'content-type': 'application/json' });
  });

  app.get('/api/status', (c) => c.json({ corpus: store !== null }));

  let locator: ((rows: unknown) => unknown) | null = null;
  const locate = (rows: unknown) => (locator ??= placeLocator(lexiconOf()))(rows);
  const query = (what: 'events' | 'dyads' | 'actors') => async (c: Context) => {
    if (!store) throw new ApiError(404, 'no-store', 'the server was started without --db');
    const filters = parseFilters(c.req.queries());
    const rows = await withStore(store, storeTimeoutMs, (s) => s[what](filters));
    return c.json({ filters, rows: what === 'events' ? locate(rows) : rows });
  };
  app.get('/api/events', query('events'));
  app.get('/api/dyads', query('dyads'));
  app.get('/api/actors', query('actors'));
  app.get('/api/corpus', async (c) => {
    if (!store) throw new ApiError(404, 'no-store', 'the server was started without --db');
    return c.json(await withStore(store, storeTimeoutMs, (s) => s.stats()));
  });
  app.get('/api/documents/:id', async (c) => {
    if (!store) throw new ApiError(404, 'no-store', 'the server was started without --db');
    const id = c.req.param('id');
    if (!id || id.length > 500) throw new ApiError(400, 'bad-parameter', 'bad document id');
    const doc = await withStore(store, storeTimeoutMs, (s) => s.document(id));
    if (!doc) throw new ApiError(404, 'no-document', `no document '${id}' in the store`);
    return c.json(doc);
  });
  // A known route asked with another method: 405 with the methods it takes.
  for (const [path, allow] of [
    ['/api/code', 'POST'],
    ['/api/status', 'GET'],
    ['/api/corpus', 'GET'],
    ['/api/events', 'GET'],
    ['/api/dyads', 'GET'],
    ['/api/actors', 'GET'],
    ['/api/documents/:id', 'GET'],
  ] as const) {
    app.all(path, (c) => {
      c.header('allow', allow);
      return sendError(c, 405, 'method-not-allowed', `${path.replace('/:id', '/ID')} takes ${allow} only (got ${c.req.method})`);
    });
  }
  app.all('/api/*', (c) => sendError(c, 404, 'not-found', `no route for ${c.req.method} ${c.req.path}`));

  app.get('*', (c) => {
    const incoming = (c.env as { incoming?: { url?: string } } | undefined)?.incoming;
    const rawPath = (incoming?.url ?? new URL(c.req.url).pathname).split('?')[0]!;
    if (isSuspiciousPath(rawPath)) return sendError(c, 400, 'bad-path', 'the path is not allowed');
    const path = new URL(c.req.url).pathname;
    const asset = assets.get(path);
    if (!asset) return c.json(errorBody('not-found', `no such file: ${path}`), 404);
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache', ...SECURITY_HEADERS });
  });
  return app;
}
