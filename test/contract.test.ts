/** The JSON contract: every Document validates against schema/document.schema.json in every format; offsets are exact. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { code, createCoder, type Document } from '../src/index.js';
import { checkDocument, checkOffsets, input, parseDocuments, parseLines, runCli, tempDir, validateDocument, validateEvent } from './helpers.js';

const SENTENCE = "Norway condemned Russia's missile strikes on Kyiv.";

// Text that stresses offsets: BOM, CRLF, non-BMP characters (UTF-16 surrogate pairs), curly and straight quotes.
const TRICKY =
  '\uFEFF' +
  'MOSCOW (Wire) \u{1F1F7}\u{1F1FA} \u2014 Norway condemned Russia\u2019s missile strikes on Kyiv on Monday.\r\n\r\n' +
  '\u201CWe will not accept this,\u201D Norwegian Prime Minister Jonas Gahr St\u00F8re told reporters in Oslo \u{1F600}.\r\n\r\n' +
  'Russia\'s foreign ministry said: "Moscow rejects the accusations." Ukraine thanked Norway for its support.\r\n' +
  'Germany and France called for talks with Iran, officials said.\r\n';

const t = tempDir();
after(() => t.cleanup());
const FILES = (): string[] => [input('good.txt'), input('article.html'), input('articles.jsonl'), t.write('tricky.txt', TRICKY)];

describe('library', () => {
  test("code('...') returns one Document", () => {
    const docs = code('Norway condemned Russia.');
    assert.ok(Array.isArray(docs));
    assert.equal(docs.length, 1);
    checkDocument(docs[0]);
    assert.equal(docs[0]!.text, 'Norway condemned Russia.');
  });

  test('code([{id,text},{id,text}]) returns two Documents with those ids, in order', () => {
    const docs = code([
      { id: 'a', text: SENTENCE },
      { id: 'b', text: 'Germany criticized Iran over its nuclear program.' },
    ]);
    assert.deepEqual(
      docs.map((d) => d.id),
      ['a', 'b'],
    );
    docs.forEach((d) => checkDocument(d));
    assert.equal(docs[1]!.text, 'Germany criticized Iran over its nuclear program.');
  });

  test('code({id, html}) extracts text; the date option fills the publication date', () => {
    const [doc] = code({ id: 'h', html: `<p>${SENTENCE}</p>` }, { date: '2022-10-10' });
    checkDocument(doc);
    assert.equal(doc.text, SENTENCE);
    assert.equal(doc.date, '2022-10-10');
  });

  test('createCoder().code gives the same Document as code()', () => {
    const coder = createCoder();
    const a = coder.code({ id: 'x', text: SENTENCE, date: '2022-10-10' });
    const [b] = code({ id: 'x', text: SENTENCE }, { date: '2022-10-10' });
    checkDocument(a);
    assert.deepEqual(a, b);
  });

  test('the Norway sentence yields at least one event with source code NOR*', () => {
    const [doc] = code(SENTENCE);
    checkDocument(doc);
    assert.ok(
      doc.events.some((e) => e.source?.code?.startsWith('NOR')),
      `expected an event with source NOR*, got ${JSON.stringify(doc.events.map((e) => [e.source?.code, e.code, e.target?.code]))}`,
    );
  });

  test('the library and the CLI agree on the same text', () => {
    const r = runCli(['code', '--format', 'documents', '--date', '2022-10-10'], { input: SENTENCE });
    const [cli] = parseDocuments(r.stdout);
    const [lib] = code({ id: cli!.id, text: cli!.text }, { date: '2022-10-10' });
    assert.deepEqual(lib!.events, cli!.events);
  });
});

describe('schema in every format', () => {
  test('documents', () => {
    const r = runCli(['code', ...FILES(), '--format', 'documents', '--date', '2022-10-10']);
    assert.equal(r.status, 0, r.stderr);
    const docs = parseDocuments(r.stdout);
    assert.equal(docs.length, 6);
  });

  test('json', () => {
    const r = runCli(['code', ...FILES(), '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const { documents } = JSON.parse(r.stdout) as { documents: unknown[] };
    assert.equal(documents.length, 6);
    documents.forEach((d, i) => checkDocument(d, `documents[${i}]`));
  });

  test('jsonl: every Event validates against the event item', () => {
    const r = runCli(['code', ...FILES(), '--format', 'jsonl', '--date', '2022-10-10']);
    assert.equal(r.status, 0, r.stderr);
    const events = parseLines(r.stdout);
    assert.ok(events.length > 0, 'the fixtures should give at least one event');
    events.forEach((e, i) => validateEvent(e, `event on line ${i + 1}`));
  });

  test('the validator rejects a broken Document (so the checks above can fail)', () => {
    const [doc] = code(SENTENCE);
    const broken = { ...doc!, schemaVersion: '2', extra: true } as unknown;
    assert.throws(() => validateDocument(broken), /schema/);
    const bad = { ...doc!, sentences: doc!.sentences.map((s) => ({ ...s, start: s.start + 1 })) } as Document;
    assert.throws(() => checkOffsets(bad), /slice/);
  });
});

describe('offsets', () => {
  test('BOM, CRLF, emoji and quotes: every span slices to its text', () => {
    const r = runCli(['code', t.write('tricky2.txt', TRICKY), '--format', 'documents']);
    assert.equal(r.status, 0, r.stderr);
    const [doc] = parseDocuments(r.stdout);
    assert.ok(!doc!.text.startsWith('\uFEFF'), 'the BOM is not part of the text');
    assert.ok(doc!.sentences.length >= 4, `sentences: ${JSON.stringify(doc!.sentences.map((s) => s.text))}`);
    assert.ok(doc!.actors.length >= 3, 'Norway, Russia, Ukraine... are recognized');
    checkOffsets(doc!);
    for (const s of doc!.sentences) assert.equal(s.text, s.text.trim(), `sentence ${s.index} has surrounding whitespace`);
  });

  test('sentences are in order, do not overlap, and index is their position', () => {
    const docs = code([
      { id: 't', text: TRICKY.slice(1) },
      { id: 'g', text: SENTENCE + ' ' + SENTENCE },
    ]);
    assert.equal(docs.length, 2);
    for (const d of docs) {
      checkDocument(d);
      assert.ok(d.sentences.length >= 2, `${d.id} has at least two sentences`);
      assert.ok(d.events.length > 0, `${d.id} has at least one event`);
      d.sentences.forEach((s, i) => {
        assert.equal(s.index, i);
        if (i > 0) assert.ok(s.start >= d.sentences[i - 1]!.end, `sentence ${i} overlaps the previous one`);
      });
      for (const e of d.events)
        assert.ok(e.verb.start >= d.sentences[e.sentence]!.start && e.verb.end <= d.sentences[e.sentence]!.end, `event ${e.id} verb is outside its sentence`);
      assert.deepEqual(
        d.events.map((e) => e.doc),
        d.events.map(() => d.id),
      );
    }
  });
});
