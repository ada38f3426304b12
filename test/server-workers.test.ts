/** `casus serve` codes on worker threads: a 2 MiB body of nested elements does not hold up other requests. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { spawnServer, type ServerChild } from '../src/server/child.js';

/** The largest body the API takes (2 MiB), of nested elements around one sentence. */
export function nestedBody(bytes = 2 * 1024 * 1024 - 100): string {
  const n = Math.floor((bytes - 100) / 11);
  return JSON.stringify({ html: '<div>'.repeat(n) + 'Turkey condemned Greece on Monday.' + '</div>'.repeat(n), date: '2021-03-08' });
}

describe('coding workers', () => {
  let server: ServerChild;
  before(async () => {
    server = await spawnServer(['--workers', '1']);
  });
  after(() => server?.stop());

  test('a status request is answered in under 200 ms while a 2 MiB nested body is coded, and that body is coded', { timeout: 120_000 }, async () => {
    const body = nestedBody();
    assert.ok(body.length > 2 * 1024 * 1024 - 200 && body.length <= 2 * 1024 * 1024, `body of ${body.length} bytes`);
    let done = false;
    const coding = fetch(`${server.url}/api/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then(async (r) => ({ status: r.status, doc: (await r.json()) as { text?: string; events?: Array<{ code: string }> } }))
      .finally(() => (done = true));
    const times: number[] = [];
    while (!done || times.length < 3) {
      const t = performance.now();
      const r = await fetch(`${server.url}/api/status`);
      assert.equal(r.status, 200);
      await r.json();
      times.push(performance.now() - t);
      await new Promise((res) => setTimeout(res, 50));
    }
    const { status, doc } = await coding;
    assert.equal(status, 200, JSON.stringify(doc).slice(0, 300));
    assert.equal(doc.text, 'Turkey condemned Greece on Monday.');
    assert.ok(doc.events?.some((e) => e.code.startsWith('11')), 'the sentence is coded');
    // On a quiet machine every one is under 200 ms; on a shared one the scheduler may hold a few back, whichever thread
    // codes: the coding thread must not hold up the request thread itself, so nine in ten stay under the limit.
    const sorted = [...times].sort((a, b) => a - b);
    const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
    assert.ok(p90 < 200, `status p90 ${Math.round(p90)} ms, max ${Math.round(sorted[sorted.length - 1]!)} ms (${times.length} requests)`);
  });
});
