/** The command line as a new user tries it: help on every command, HTML without text, a binary file named .jsonl. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('casus on the command line', () => {
  test('every command answers --help with its own usage, exit 0', () => {
    for (const cmd of ['code', 'serve', 'dict', 'ingest', 'query', 'export']) {
      const r = runCli([cmd, '--help']);
      assert.equal(r.status, 0, `${cmd}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^Usage:\\n  casus ${cmd} `), cmd);
      assert.equal(r.stderr, '');
    }
    assert.equal(runCli(['query', 'events', '-h']).status, 0);
  });

  test('an HTML file with no text is reported like an empty text file', () => {
    const html = join(dir, 'no-body.html');
    writeFileSync(html, '<html><head><title>Nothing here</title></head></html>');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const a = runCli(['code', html]);
    const b = runCli(['code', empty]);
    assert.equal(a.status, b.status);
    assert.equal(a.status, 1);
    assert.match(a.stderr, /no-body\.html: empty input/);
    assert.equal(a.stdout, '');
  });

  test('a binary file named .jsonl gives one error line, not one per line', () => {
    const bin = join(dir, 'data.jsonl');
    const bytes = Buffer.alloc(20_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    for (let i = 100; i < bytes.length; i += 150) bytes[i] = 10; // many "lines"
    writeFileSync(bin, bytes);
    const r = runCli(['code', bin]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /data\.jsonl: looks binary/);
  });
});
