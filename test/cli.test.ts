/** `casus code`: input selection, formats, --date, exit codes (issue "part 1"). */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Document } from '../src/index.js';
import { assertNoStack, checkDocument, input, parseDocuments, parseLines, runCli, stderrLines, tempDir, validateEvent } from './helpers.js';

const GOOD = input('good.txt');
const ARTICLE = input('article.html');
const JSONL = input('articles.jsonl');
const SENTENCE = "Norway condemned Russia's missile strikes on Kyiv.";

function ok(r: { status: number | null; stderr: string }): void {
  assertNoStack(r.stderr);
  assert.equal(r.stderr, '', `unexpected stderr: ${r.stderr}`);
  assert.equal(r.status, 0);
}

describe('input selection', () => {
  test('reads stdin when no file is given, and with "-"', () => {
    for (const args of [['code'], ['code', '-']]) {
      const r = runCli([...args, '--format', 'documents'], { input: SENTENCE });
      ok(r);
      const docs = parseDocuments(r.stdout);
      assert.equal(docs.length, 1, `casus ${args.join(' ')}`);
      assert.equal(docs[0]!.text.trim(), SENTENCE);
    }
  });

  test('default format is a non-empty table', () => {
    const r = runCli(['code', GOOD]);
    ok(r);
    assert.ok(r.stdout.trim().length > 0);
    assert.throws(() => JSON.parse(r.stdout), 'table output should not be JSON');
  });

  test('.html is read as HTML, .txt as text, --input forces the type', () => {
    const html = `<html><body><p>${SENTENCE}</p></body></html>`;
    const t = tempDir();
    try {
      const asHtml = t.write('story.htm', html);
      const asTxt = t.write('story.txt', html);
      const [viaExt] = parseDocuments(runCli(['code', asHtml, '--format', 'documents']).stdout);
      assert.equal(viaExt!.text, SENTENCE, '.htm must be parsed as HTML');
      const [plain] = parseDocuments(runCli(['code', asTxt, '--format', 'documents']).stdout);
      assert.ok(plain!.text.includes('<p>'), '.txt must be read as plain text');
      const [forced] = parseDocuments(runCli(['code', asTxt, '--input', 'html', '--format', 'documents']).stdout);
      assert.equal(forced!.text, SENTENCE, '--input html must override the extension');
      const [stdinHtml] = parseDocuments(runCli(['code', '--input', 'html', '--format', 'documents'], { input: html }).stdout);
      assert.equal(stdinHtml!.text, SENTENCE);
      const [forcedText] = parseDocuments(runCli(['code', asHtml, '--input', 'text', '--format', 'documents']).stdout);
      assert.ok(forcedText!.text.includes('<p>'), '--input text must override .htm');
    } finally {
      t.cleanup();
    }
  });

  test('.jsonl and .ndjson are read as JSON lines; --input jsonl on stdin', () => {
    const t = tempDir();
    try {
      const nd = join(t.dir, 'copy.ndjson');
      copyFileSync(JSONL, nd);
      for (const args of [[JSONL], [nd], ['--input', 'jsonl']]) {
        const r = runCli(['code', ...args, '--format', 'documents'], { input: readFileSync(JSONL, 'utf8') });
        ok(r);
        const ids = parseDocuments(r.stdout).map((d) => d.id);
        assert.equal(ids.length, 3, `casus code ${args.join(' ')}`);
        assert.equal(ids[0], 'nor-1');
        assert.equal(ids[2], 'html-1');
      }
    } finally {
      t.cleanup();
    }
  });
});

describe('JSONL fields', () => {
  test('id, date, title, url, source are kept; a line without id gets FILE:LINE', () => {
    const r = runCli(['code', 'articles.jsonl', '--format', 'documents'], { cwd: input('.') });
    ok(r);
    const [a, b, c] = parseDocuments(r.stdout);
    assert.equal(a!.id, 'nor-1');
    assert.equal(a!.date, '2022-10-10');
    assert.equal(a!.title, 'Norway condemns strikes');
    assert.equal(a!.url, 'https://example.org/a/1');
    assert.equal(a!.source, 'Example Wire');
    assert.equal(b!.id, 'articles.jsonl:2');
    assert.equal(b!.date, '2022-10-11');
    assert.equal(c!.id, 'html-1');
    assert.equal(c!.text, 'Germany criticized Iran over its nuclear program.', '"html" lines are extracted');
  });

  test('--date fills JSONL lines without a date and does not override line dates', () => {
    const r = runCli(['code', JSONL, '--date', '2020-01-11', '--format', 'documents']);
    ok(r);
    const dates = parseDocuments(r.stdout).map((d) => d.date);
    assert.deepEqual(dates, ['2022-10-10', '2022-10-11', '2020-01-11']);
  });
});

describe('--date', () => {
  test('sets the publication date of text input (both --date D and --date=D)', () => {
    for (const args of [['--date', '2019-07-01'], ['--date=2019-07-01']]) {
      const r = runCli(['code', GOOD, ...args, '--format', 'documents']);
      ok(r);
      const [doc] = parseDocuments(r.stdout);
      assert.equal(doc!.date, '2019-07-01');
      const dated = doc!.events.filter((e) => e.dateFrom === 'publication');
      assert.ok(dated.length > 0, 'some event of good.txt takes the publication date');
      for (const e of dated) assert.equal(e.date, '2019-07-01');
    }
  });

  test('without --date a text document has date null', () => {
    const [doc] = parseDocuments(runCli(['code', GOOD, '--format', 'documents']).stdout);
    assert.equal(doc!.date, null);
  });
});

describe('formats', () => {
  const files = [GOOD, ARTICLE, JSONL];
  const documents = (): Document[] => {
    const r = runCli(['code', ...files, '--format', 'documents']);
    ok(r);
    return parseDocuments(r.stdout);
  };

  test('json prints {"documents":[Document]} in input order', () => {
    const r = runCli(['code', ...files, '--format', 'json']);
    ok(r);
    const parsed = JSON.parse(r.stdout) as { documents: unknown[] };
    assert.deepEqual(Object.keys(parsed), ['documents']);
    assert.ok(Array.isArray(parsed.documents));
    parsed.documents.forEach((d, i) => checkDocument(d, `documents[${i}]`));
    assert.deepEqual(
      (parsed.documents as Document[]).map((d) => d.id),
      documents().map((d) => d.id),
    );
    assert.deepEqual((parsed.documents as Document[]).map((d) => d.id).slice(0, 2), ['good', 'article']);
  });

  test('json with no readable input is still valid JSON', () => {
    const r = runCli(['code', input('does-not-exist.txt'), '--format', 'json']);
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), { documents: [] });
  });

  test('documents prints one Document per line', () => {
    const docs = documents();
    assert.equal(docs.length, 5, 'good.txt + article.html + 3 JSONL lines');
  });

  test('jsonl prints one valid Event per line, the same events as the documents', () => {
    const r = runCli(['code', ...files, '--format', 'jsonl']);
    ok(r);
    const events = parseLines(r.stdout);
    assert.ok(events.length > 0, 'the files give at least one event');
    events.forEach((e, i) => validateEvent(e, `event on line ${i + 1}`));
    const expected = documents().flatMap((d) => d.events.map((e) => e.id));
    assert.deepEqual(
      events.map((e) => (e as { id: string }).id),
      expected,
    );
    const docIds = new Set(documents().map((d) => d.id));
    for (const e of events) assert.ok(docIds.has((e as { doc: string }).doc));
  });

  test('tsv prints a GDELT-like header and one row per event', () => {
    const r = runCli(['code', ...files, '--format', 'tsv']);
    ok(r);
    const lines = r.stdout.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    const header = lines[0]!.split('\t');
    for (const col of ['GlobalEventID', 'SQLDATE', 'Actor1Code', 'Actor2Code', 'EventCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'SOURCEURL']) {
      assert.ok(header.includes(col), `header lacks ${col}`);
    }
    const byId = new Map(documents().flatMap((d) => d.events.map((e) => [e.id, e] as const)));
    assert.ok(lines.length > 1, 'at least one event row');
    for (const line of lines.slice(1)) {
      const cols = line.split('\t');
      assert.equal(cols.length, header.length, `row has ${cols.length} columns, header ${header.length}: ${line}`);
      const ev = byId.get(cols[header.indexOf('GlobalEventID')]!);
      assert.ok(ev, `row is not one of the coded events: ${line}`);
      assert.equal(cols[header.indexOf('EventCode')], ev.code);
      assert.equal(cols[header.indexOf('SQLDATE')], (ev.date ?? '').replace(/-/g, ''));
    }
    assert.ok(lines.length - 1 <= byId.size);
  });

  test('tsv with zero events prints only the header', () => {
    const r = runCli(['code', '--format', 'tsv'], { input: 'The weather was mild and sunny.' });
    ok(r);
    assert.equal(r.stdout.split('\n').filter((l) => l !== '').length, 1);
    assert.ok(r.stdout.startsWith('GlobalEventID\t'));
  });
});

describe('exit codes', () => {
  test('zero events is exit 0', () => {
    const r = runCli(['code', '--format', 'documents'], { input: 'The weather was mild and sunny.' });
    ok(r);
    const [doc] = parseDocuments(r.stdout);
    assert.equal(doc!.events.length, 0);
  });

  const usage: Array<[string[], RegExp]> = [
    [['--frobnicate'], /frobnicate/],
    [['--format', 'xml'], /format/],
    [['--format'], /format/],
    [['--input', 'pdf'], /input/],
    [['--date', '2022-13-45'], /date/],
    [['--date', 'yesterday'], /date/],
    [['--date', '11/01/2020'], /date/],
  ];
  for (const [args, mentions] of usage) {
    test(`usage error: casus code ${args.join(' ')} → exit 2`, () => {
      const r = runCli(['code', GOOD, ...args]);
      assertNoStack(r.stderr);
      assert.equal(r.status, 2, `stderr: ${r.stderr}`);
      assert.equal(r.stdout, '', 'nothing is coded on a usage error');
      assert.match(stderrLines(r.stderr)[0] ?? '', /^casus: /);
      assert.match(r.stderr, mentions);
    });
  }

  test('unknown command → exit 2', () => {
    const r = runCli(['cod', GOOD]);
    assertNoStack(r.stderr);
    assert.equal(r.status, 2);
  });
});
