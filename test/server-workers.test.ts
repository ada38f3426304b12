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

  test('status requests are answered while a 2 MiB nested body is coded, and that body is coded', { timeout: 120_000 }, async () => {
    const body = nestedBody();
    assert.ok(body.length > 2 * 1024 * 1024 - 200 && body.length <= 2 * 1024 * 1024, `body of ${body.length} bytes`);
    let done = false;
    const coding = fetch(`${server.url}/api/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then(async (r) => ({ status: r.status, doc: (await r.json()) as { text?: string; events?: Array<{ code: string }> } }))
      .finally(() => (done = true));
    // Status requests answered while the body is still being coded: the request thread is never held up by coding.
    // (How fast they are answered is a benchmark's question, not a test's: `node dist/bench/load.js --mixed`.)
    let answeredWhileCoding = 0;
    for (let i = 0; i < 2000 && !done; i++) {
      const r = await fetch(`${server.url}/api/status`);
      assert.equal(r.status, 200);
      await r.json();
      if (!done) answeredWhileCoding++;
      await new Promise((res) => setTimeout(res, 50));
    }
    const { status, doc } = await coding;
    assert.equal(status, 200, JSON.stringify(doc).slice(0, 300));
    assert.equal(doc.text, 'Turkey condemned Greece on Monday.');
    assert.ok(
      doc.events?.some((e) => e.code.startsWith('11')),
      'the sentence is coded',
    );
    assert.ok(answeredWhileCoding >= 3, `status answered ${answeredWhileCoding} times while the body was coded`);
  });
});
