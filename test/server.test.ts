/** The HTTP app in-process (`app.request()`, no socket): /api/code, errors as JSON, limits, the store API, assets. */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createCoder, type Coder, type Document } from '../src/index.js';
import { createApp } from '../src/server/app.js';
import { MAX_TEXT_CHARS } from '../src/server/code.js';
import { isSuspiciousPath } from '../src/server/static.js';
import type { Store, StoreOpener } from '../src/server/store.js';
import { checkDocument } from './helpers.js';

const ARTICLE = `Turkey Rejects Greek Call for Talks

Turkish Foreign Minister Mevlut Cavusoglu rejected a proposal from Greek Prime Minister Kyriakos Mitsotakis, saying Ankara would not negotiate under pressure.

On Tuesday, the Greek parliament passed a resolution that condemned Turkish military flights over the islands.

"We will not accept threats against our sovereignty," said government spokesperson Aristotelis Petsas.

Ankara is clearly playing for time. The government should stop the provocations.
`;

let coder: Coder;
before(() => {
  coder = createCoder();
});

const app = (store: StoreOpener | null = null, storeTimeoutMs = 2000) => createApp({ coder, store, storeTimeoutMs });
const post = (a: ReturnType<typeof app>, body: string, type = 'application/json') =>
  a.request('/api/code', { method: 'POST', headers: { 'content-type': type }, body });

async function errorOf(res: Response, status: number, code?: string): Promise<{ code: string; message: string }> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(typeof body.error.code, 'string');
  assert.ok(body.error.message.length > 0);
  if (code) assert.equal(body.error.code, code);
  return body.error;
}

describe('POST /api/code', () => {
  test('codes an article into a Document of the contract', async () => {
    const res = await post(app(), JSON.stringify({ text: ARTICLE, date: '2021-03-09', title: 'Aegean' }));
    assert.equal(res.status, 200);
    const doc = (await res.json()) as Document;
    checkDocument(doc);
    assert.equal(doc.schemaVersion, '1');
    assert.equal(doc.title, 'Aegean');
    assert.equal(doc.date, '2021-03-09');
    assert.equal(doc.text, ARTICLE);
    assert.ok(doc.events.length >= 2, `events: ${doc.events.length}`);
    for (const e of doc.events) {
      assert.equal(ARTICLE.slice(e.verb.start, e.verb.end), e.verb.text);
      assert.match(e.code, /^\d{2,4}$/);
      assert.ok(e.goldstein >= -10 && e.goldstein <= 10);
    }
    assert.ok(
      doc.events.some((e) => e.code.startsWith('12')),
      'a rejection',
    );
    for (const s of doc.sentences) assert.ok(['reported', 'attributed', 'opinion'].includes(s.kind));
    assert.ok(doc.quotes.length >= 1, 'a quote');
  });

  test('codes HTML too, and gives a stable id from the content', async () => {
    const body = JSON.stringify({ html: '<html><body><p>Norway condemned Russia on Monday.</p></body></html>', date: '2022-10-10' });
    const a = (await (await post(app(), body)).json()) as Document;
    const b = (await (await post(app(), body)).json()) as Document;
    assert.equal(a.id, b.id);
    assert.match(a.id, /^web-[0-9a-f]{12}$/);
    assert.equal(a.events[0]?.code, '111');
  });

  test('bad input is a 400 JSON error', async () => {
    await errorOf(await post(app(), '{"text": "Norway'), 400, 'bad-json');
    await errorOf(await post(app(), ''), 400, 'bad-json');
    await errorOf(await post(app(), '[1,2]'), 400, 'bad-body');
    await errorOf(await post(app(), '{"date": "2021-03-09"}'), 400, 'missing-text');
    await errorOf(await post(app(), '{"text": "   "}'), 400, 'missing-text');
    await errorOf(await post(app(), '{"text": 42}'), 400, 'bad-field');
    await errorOf(await post(app(), '{"text": "Norway condemned Russia.", "date": "2021-13-45"}'), 400, 'input-bad-date');
    await errorOf(await post(app(), '{"text": "Norway condemned Russia.", "date": "yesterday-ish"}'), 400);
    await errorOf(await post(app(), '{"text": "a", "html": "<p>b</p>"}'), 400, 'bad-body');
    await errorOf(await post(app(), '{"html": "<html><head><title>Only a title</title></head></html>"}'), 400, 'missing-text');
    await errorOf(await post(app(), 'text=Norway', 'application/x-www-form-urlencoded'), 415, 'bad-content-type');
    // The content type must be application/json itself, not a type that starts like it.
    for (const type of ['application/json-patch', 'application/json-patch+json', 'application/jsonx', 'text/json'])
      await errorOf(await post(app(), '{"text": "Norway condemned Russia."}', type), 415, 'bad-content-type');
    assert.equal((await post(app(), '{"text": "Norway condemned Russia."}', 'application/json; charset=utf-8')).status, 200);
  });

  test('bodies over 2 MB and texts over the limit are 413', async () => {
    const big = JSON.stringify({ text: 'Norway condemned Russia. '.repeat(90_000) });
    assert.ok(big.length > 2 * 1024 * 1024);
    await errorOf(await post(app(), big), 413, 'too-large');
    const long = JSON.stringify({ text: 'x'.repeat(MAX_TEXT_CHARS + 1) });
    assert.ok(long.length < 2 * 1024 * 1024);
    await errorOf(await post(app(), long), 413, 'too-large');
  });
});

describe('routes and assets', () => {
  test('unknown routes are 404 JSON', async () => {
    await errorOf(await app().request('/api/nothing'), 404, 'not-found');
    const get = await app().request('/api/code');
    await errorOf(get, 405, 'method-not-allowed');
    assert.equal(get.headers.get('allow'), 'POST');
    await errorOf(await app().request('/api/status', { method: 'POST' }), 405, 'method-not-allowed');
    await errorOf(await app().request('/nothing.html'), 404, 'not-found');
    await errorOf(await app().request('/api/events'), 404, 'no-store');
  });

  test('the page and its assets are served, with nothing from a CDN', async () => {
    for (const [path, type] of [
      ['/', 'text/html'],
      ['/corpus', 'text/html'],
      ['/style.css', 'text/css'],
      ['/article.js', 'text/javascript'],
      ['/vendor/countries-110m.json', 'application/json'],
      ['/vendor/topojson-client.min.js', 'text/javascript'],
    ]) {
      const res = await app().request(path!);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', new RegExp(type!), path);
      const body = await res.text();
      if (type === 'text/html') assert.doesNotMatch(body, /(src|href)="(https?:)?\/\//, `${path} loads nothing from elsewhere`);
    }
  });

  test('traversal attempts never reach a file outside web/', async () => {
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/.%2e/package.json',
      '/web/../package.json',
      '/vendor/../../package.json',
      '/vendor/..%2f..%2fpackage.json',
      '//etc/passwd',
      '/..\\package.json',
      '/%5c..%5cpackage.json',
      '/etc/passwd',
      '/C:/Windows/win.ini',
      '/node_modules/hono/package.json',
      '/dist/src/index.js',
      '/index.html%00.js',
    ];
    for (const p of attempts) {
      const res = await app().request(`http://localhost${p}`);
      assert.ok(res.status === 400 || res.status === 404, `${p}: ${res.status}`);
      const body = await res.text();
      assert.doesNotMatch(body, /"name": "casus"|root:x:0/, p);
    }
    for (const raw of ['/../x', '/a/%2e%2e/x', '/%2f%2fetc', '/a\\b', '//x', '/a/./b', '/C:/x', '/%E0%A4%A']) assert.ok(isSuspiciousPath(raw), raw);
    for (const raw of ['/', '/corpus', '/style.css', '/vendor/countries-110m.json']) assert.ok(!isSuspiciousPath(raw), raw);
  });
});

describe('the store API', () => {
  const ROWS = [{ date: '2021-03-09', source: 'TUR', target: 'GRC', code: '120', goldstein: -4, quad: 3, place: 'GRC/Athens', country: 'GRC' }];
  const fake =
    (over: Partial<Store> = {}, seen: unknown[] = []): StoreOpener =>
    async () => ({
      events: (f) => (seen.push(f), ROWS),
      dyads: () => [{ period: '2021-03-08', source: 'TUR', target: 'GRC', events: 1, q1: 0, q2: 0, q3: 1, q4: 0, goldstein: -4 }],
      actors: () => [{ code: 'TUR', name: 'Turkey', asSource: 1, asTarget: 0, total: 1 }],
      document: (id: string) => (id === 'a1' ? { id: 'a1', text: 'x', events: [] } : null),
      stats: () => ({ documents: 1, reports: 1, flagged: 0, firstDate: '2021-03-09', lastDate: '2021-03-09' }),
      close: () => {},
      ...over,
    });

  test('queries pass the filters of casus query and add coordinates to placed events', async () => {
    const seen: unknown[] = [];
    const res = await app(fake({}, seen)).request('/api/events?source=tur&target=GRC&root=12&from=2021-01-01&to=2021-12-31&by=week&limit=10');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { rows: { lat?: number; lon?: number }[] };
    assert.deepEqual(seen[0], { source: 'TUR', target: 'GRC', root: '12', from: '2021-01-01', to: '2021-12-31', by: 'week', limit: 10 });
    assert.ok(Math.abs(body.rows[0]!.lat! - 38) < 1 && Math.abs(body.rows[0]!.lon! - 23.7) < 1, JSON.stringify(body.rows[0]));
    assert.equal((await app(fake()).request('/api/dyads?by=month')).status, 200);
    assert.equal((await app(fake()).request('/api/actors')).status, 200);
    assert.equal(((await (await app(fake()).request('/api/documents/a1')).json()) as { id: string }).id, 'a1');
    await errorOf(await app(fake()).request('/api/documents/zz'), 404, 'no-document');
    const corpus = (await (await app(fake()).request('/api/corpus')).json()) as { firstDate: string; lastDate: string };
    assert.deepEqual([corpus.firstDate, corpus.lastDate], ['2021-03-09', '2021-03-09'], 'the publication range of the corpus');
  });

  test('bad filters are 400', async () => {
    for (const q of ['by=year', 'limit=0', 'limit=abc', 'from=2021-02-30x', 'source=T%27UR', 'colour=red'])
      await errorOf(await app(fake()).request(`/api/events?${q}`), 400, 'bad-parameter');
    // A repeated parameter is refused, not cut to its first value.
    const twice = await errorOf(await app(fake()).request('/api/events?source=TUR&source=GRC'), 400, 'bad-parameter');
    assert.match(twice.message, /'source' is given 2 times/);
  });

  test('a store locked by a writer is 503 store-busy; a slow one 504', async () => {
    const locked: StoreOpener = async () => {
      throw Object.assign(new Error('c.duckdb: the store is being written by another process (DuckDB lock)'), { name: 'StoreError', code: 'locked' });
    };
    const err = await errorOf(await app(locked).request('/api/events'), 503, 'store-busy');
    assert.equal(err.message, 'the store is being written by another process; try again shortly');
    const duck: StoreOpener = async () => {
      throw new Error('IO Error: Could not set lock on file "c.duckdb": Conflicting lock is held in node (PID 12)');
    };
    await errorOf(await app(duck).request('/api/actors'), 503, 'store-busy');
    let closed = false;
    const slow = fake({ events: () => new Promise((r) => setTimeout(() => r([]), 300)), close: () => void (closed = true) });
    await errorOf(await app(slow, 50).request('/api/events'), 504, 'timeout');
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(closed, 'the store is closed after a time-out');
    await errorOf(
      await app(
        fake({
          events: () => {
            throw new Error('boom');
          },
        }),
      ).request('/api/events'),
      500,
      'store-error',
    );
  });
});
