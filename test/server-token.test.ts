/**
 * `casus serve` beyond 127.0.0.1 (here 127.0.0.2, of this machine's loopback range): it refuses to start without an
 * access token; with one, every API request needs it, a wrong or missing one is 401 and then rate-limited, and the
 * token never shows in what the server prints.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createCoder } from '../src/index.js';
import { createApp } from '../src/server/app.js';
import { spawnServer, type ServerChild } from '../src/server/child.js';
import { runCli } from './helpers.js';

const TOKEN = 'casus-test-token-5f1c2a9e7b';
const dir = mkdtempSync(join(tmpdir(), 'casus-token-'));
const servers: ServerChild[] = [];
after(async () => {
  for (const s of servers) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const status = (url: string, token?: string) => fetch(`${url}/api/status`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

describe('an access token beyond 127.0.0.1', () => {
  test('on 127.0.0.2 without a token, casus serve refuses to start (exit 2, says how)', () => {
    const r = runCli(['serve', '--host', '127.0.0.2', '--port', '0'], { timeoutMs: 60_000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /127\.0\.0\.2 .*needs an access token: give --token-file PATH or set CASUS_TOKEN/);
    const short = join(dir, 'short');
    writeFileSync(short, 'abc\n');
    const s = runCli(['serve', '--host', '127.0.0.2', '--port', '0', '--token-file', short], { timeoutMs: 60_000 });
    assert.equal(s.status, 2);
    assert.match(s.stderr, /at least 16 characters/);
  });

  test('with --token-file: no token and a wrong token are 401, the right one is answered, the page loads without it', { timeout: 120_000 }, async () => {
    const file = join(dir, 'token');
    writeFileSync(file, `${TOKEN}\n`);
    const server = await spawnServer(['--host', '127.0.0.2', '--token-file', file, '--workers', '1']);
    servers.push(server);
    assert.match(server.url, /^http:\/\/127\.0\.0\.2:/);
    const ok = await status(server.url, TOKEN);
    assert.equal(ok.status, 200);
    const none = await status(server.url);
    assert.equal(none.status, 401);
    assert.equal(((await none.json()) as { error: { code: string } }).error.code, 'missing-token');
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    const wrong = await status(server.url, TOKEN.slice(0, -1) + 'x');
    assert.equal(wrong.status, 401);
    const body = await wrong.text();
    assert.ok(!body.includes(TOKEN.slice(0, 12)), 'the answer does not echo the token');
    const coded = await fetch(`${server.url}/api/code`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Norway condemned Russia on Monday.' }),
    });
    assert.equal(coded.status, 200);
    assert.equal((await fetch(`${server.url}/`)).status, 200, 'the page itself loads, and asks for the token');
    assert.ok(!server.stderr().includes(TOKEN) && !server.stderr().includes(TOKEN.slice(0, 12)), 'the token is never logged');
  });

  test('with CASUS_TOKEN: repeated wrong tokens are rate-limited (429), even with the right one', { timeout: 120_000 }, async () => {
    const server = await spawnServer(['--host', '127.0.0.2', '--workers', '1'], 120_000, { CASUS_TOKEN: TOKEN });
    servers.push(server);
    assert.equal((await status(server.url, TOKEN)).status, 200);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await status(server.url, `wrong-token-${i}-aaaaaaaaaaaa`)).status);
    assert.deepEqual(codes.slice(0, 10), Array(10).fill(401));
    assert.deepEqual(codes.slice(10), [429, 429]);
    const locked = await status(server.url, TOKEN);
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
  });

  test('in-process: the same token check, compared whatever the length of the given token', async () => {
    const app = createApp({ coder: createCoder(), auth: { token: TOKEN, maxFailures: 100 } });
    for (const given of ['', 'x', TOKEN.slice(1), TOKEN + 'x', TOKEN.toUpperCase()]) {
      const r = await app.request('/api/status', { headers: { authorization: `Bearer ${given}` } });
      assert.equal(r.status, 401, `'${given}'`);
    }
    assert.equal((await app.request('/api/status', { headers: { authorization: `Bearer ${TOKEN}` } })).status, 200);
    assert.equal((await app.request('/api/status', { headers: { authorization: `bearer ${TOKEN}` } })).status, 200, 'the scheme in any case');
  });
});
