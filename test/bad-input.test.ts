/** Bad input: one-line errors naming the file (and line), never a stack trace, and the rest of the run still coded. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoStack, assertOneLineErrors, input, parseDocuments, runCli, tempDir } from './helpers.js';

const GOOD = input('good.txt'); // coded as id "good"
const t = tempDir();
after(() => t.cleanup());

/** Run `casus code BAD GOOD` and check: exit 1, one error line naming `mention`, the good document still coded. */
function badThenGood(bad: string, mention: string, extra: string[] = []): void {
  const r = runCli(['code', bad, GOOD, ...extra, '--format', 'documents']);
  assertOneLineErrors(r.stderr, [mention], 1);
  assert.equal(r.status, 1, `exit code for ${mention}; stderr: ${r.stderr}`);
  assert.deepEqual(
    parseDocuments(r.stdout).map((d) => d.id),
    ['good'],
    'the good file must still be coded',
  );
}

describe('unreadable files', () => {
  test('nonexistent file', () => {
    const missing = input('no-such-article.txt');
    badThenGood(missing, 'no-such-article.txt');
  });

  test('a folder given as a file', () => {
    badThenGood(t.dir, t.dir);
  });

  test('empty file', () => {
    badThenGood(t.write('empty.txt', ''), 'empty.txt');
  });

  test('whitespace-only file', () => {
    badThenGood(t.write('blank.txt', ' \n\n\t \r\n'), 'blank.txt');
  });

  test('binary file (NUL bytes)', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    badThenGood(t.write('picture.txt', bytes), 'picture.txt');
  });

  test('non-UTF-8 text (latin1 0xE9)', () => {
    const latin1 = Buffer.from('Le pr\xe9sident fran\xe7ais a critiqu\xe9 la Russie.\n', 'latin1');
    assert.ok(latin1.includes(0xe9));
    badThenGood(t.write('latin1.txt', latin1), 'latin1.txt');
  });

  test('non-UTF-8 HTML', () => {
    const latin1 = Buffer.from('<html><body><p>Caf\xe9 owners in Paris protested against the new tax.</p></body></html>', 'latin1');
    badThenGood(t.write('latin1.html', latin1), 'latin1.html');
  });

  test('binary on stdin names <stdin>', () => {
    const r = runCli(['code', '--format', 'documents'], { input: Buffer.from([0x41, 0, 0x42, 0, 0xff]) });
    assertOneLineErrors(r.stderr, ['stdin'], 1);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
  });

  test('several bad files in one run: one line each, the good one coded', () => {
    const files = [t.write('e2.txt', ''), GOOD, t.write('b2.txt', Buffer.from([1, 2, 0, 3])), input('missing-2.txt')];
    const r = runCli(['code', ...files, '--format', 'json']);
    assertOneLineErrors(r.stderr, ['e2.txt', 'b2.txt', 'missing-2.txt'], 3);
    assert.equal(r.status, 1);
    const parsed = JSON.parse(r.stdout) as { documents: Array<{ id: string }> };
    assert.deepEqual(
      parsed.documents.map((d) => d.id),
      ['good'],
    );
  });
});

describe('hard but readable input', () => {
  let big = '';
  before(() => {
    // A ~3 MB single line with no sentence end: one enormous "sentence".
    const chunk = 'officials in Geneva said the talks between the delegations would continue and ';
    big = t.write('huge.txt', chunk.repeat(Math.ceil(3_000_000 / chunk.length)));
  });

  test('a 3 MB single line: coded or one-line error, never a crash; the good file is coded', () => {
    // Coding 3 MB takes a few seconds; a minute is plenty.
    const r = runCli(['code', big, GOOD, '--format', 'documents'], { timeoutMs: 60_000 });
    assertNoStack(r.stderr);
    const docs = parseDocuments(r.stdout);
    assert.ok(
      docs.some((d) => d.id === 'good'),
      'good file must be coded',
    );
    if (r.status === 0) {
      assert.equal(r.stderr, '');
      const huge = docs.find((d) => d.id === 'huge');
      assert.ok(huge, 'exit 0 means the huge file was coded');
      assert.ok(huge.text.length >= 3_000_000 - 100);
    } else {
      assert.equal(r.status, 1);
      assertOneLineErrors(r.stderr, ['huge.txt'], 1);
    }
  });

  test('a 300 KB run-on sentence full of "said": output stays proportional to the input', () => {
    const chunk = 'the minister said the talks would go on and ';
    const f = t.write('runon.txt', chunk.repeat(Math.ceil(300_000 / chunk.length)));
    const r = runCli(['code', f, GOOD, '--format', 'documents'], { timeoutMs: 60_000 });
    assertNoStack(r.stderr);
    assert.equal(r.status, 0, `stderr: ${r.stderr}`);
    assert.ok(r.stdout.length < 50 * 300_000, `stdout is ${r.stdout.length} characters for a 300 KB input`);
    assert.deepEqual(
      parseDocuments(r.stdout).map((d) => d.id),
      ['runon', 'good'],
    );
  });

  test('malformed HTML (unclosed tags, stray </div>) is parsed forgivingly', () => {
    const r = runCli(['code', input('malformed.html'), GOOD, '--format', 'documents']);
    assertNoStack(r.stderr);
    assert.equal(r.status, 0, `stderr: ${r.stderr}`);
    assertOneLineErrors(r.stderr, []);
    const docs = parseDocuments(r.stdout);
    assert.deepEqual(
      docs.map((d) => d.id),
      ['malformed', 'good'],
    );
    const text = docs[0]!.text;
    assert.ok(!/[<>]/.test(text), `tags leaked into the text: ${text}`);
    for (const s of [
      'France and Italy signed a trade agreement in Rome on Monday.',
      'Spain criticized the deal, officials said.',
      'Portugal welcomed the agreement.',
    ]) {
      assert.ok(text.includes(s), `missing paragraph: ${s}`);
    }
    assert.ok(docs[0]!.sentences.length >= 3);
  });
});

describe('bad JSONL lines', () => {
  test('a broken line and a line without text among good ones', () => {
    const r = runCli(['code', 'mixed.jsonl', '--format', 'documents'], { cwd: input('.') });
    assertOneLineErrors(r.stderr, ['mixed.jsonl:2', 'mixed.jsonl:4'], 2);
    assert.equal(r.status, 1);
    assert.deepEqual(
      parseDocuments(r.stdout).map((d) => d.id),
      ['ok-1', 'ok-3', 'ok-5'],
    );
  });

  const cases: Array<[string, string | Buffer]> = [
    ['not JSON', '{"id": "x", text: bare words}'],
    ['a JSON array', '["Norway", "condemned", "Russia"]'],
    ['a JSON number', '42'],
    ['a line with no text', '{"id":"x","title":"Headline only","date":"2022-01-01"}'],
    ['text is not a string', '{"id":"x","text":5}'],
    ['a malformed date', '{"id":"x","text":"Spain met Portugal.","date":"March 3rd"}'],
    ['an impossible date', '{"id":"x","text":"Spain met Portugal.","date":"2022-02-30"}'],
    ['latin1 bytes', Buffer.from('{"id":"x","text":"Le pr\xe9sident a parl\xe9."}', 'latin1')],
    ['a NUL byte', Buffer.from('{"id":"x","text":"Spain\u0000met Portugal."}', 'utf8')],
  ];
  // All the bad lines in one file, each between two good lines: good (1), bad (2), good (3), bad (4), ...
  const body = Buffer.concat(
    cases
      .flatMap(([, line], i) => [
        Buffer.from(`{"id":"good-${i}","text":"Norway condemned Russia's missile strikes on Kyiv."}\n`),
        Buffer.isBuffer(line) ? line : Buffer.from(line),
        Buffer.from('\n'),
      ])
      .concat(Buffer.from('{"id":"last","text":"Germany criticized Iran over its nuclear program."}\n')),
  );
  const badLines = cases.map((_, i) => 2 * i + 2);
  const goodIds = cases.map((_, i) => `good-${i}`).concat('last');

  test(`bad lines (${cases.map(([w]) => w).join('; ')}): one error each naming FILE:LINE, good lines coded`, () => {
    const f = t.write('lines.jsonl', body);
    const r = runCli(['code', f, '--format', 'documents']);
    const errs = assertOneLineErrors(r.stderr, [], cases.length);
    badLines.forEach((n, i) =>
      assert.ok(
        errs.some((l) => l.includes(`lines.jsonl:${n}:`)),
        `no error for line ${n} (${cases[i]![0]}):\n${r.stderr}`,
      ),
    );
    assert.equal(r.status, 1, `stderr: ${r.stderr}`);
    assert.deepEqual(
      parseDocuments(r.stdout).map((d) => d.id),
      goodIds,
    );
  });

  test('the same bad lines on stdin name <stdin>:LINE', () => {
    const r = runCli(['code', '--input', 'jsonl', '--format', 'documents'], { input: body });
    const errs = assertOneLineErrors(r.stderr, [], cases.length);
    badLines.forEach((n) =>
      assert.ok(
        errs.some((l) => l.includes(`stdin>:${n}:`)),
        `no error for stdin line ${n}:\n${r.stderr}`,
      ),
    );
    assert.equal(r.status, 1);
    assert.deepEqual(
      parseDocuments(r.stdout).map((d) => d.id),
      goodIds,
    );
  });

  test('an empty JSONL file is one error and does not stop the next file', () => {
    badThenGood(t.write('nothing.jsonl', '\n\n'), 'nothing.jsonl');
  });

  test('blank lines in JSONL are skipped silently and keep line numbers', () => {
    const f = t.write('gaps.jsonl', '\n{"text":"Spain met Portugal."}\n\n{"text":"Chile met Peru."}\n');
    const r = runCli(['code', f, '--format', 'documents']);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    assert.deepEqual(
      parseDocuments(r.stdout).map((d) => d.id),
      [`${f}:2`, `${f}:4`],
    );
  });
});
