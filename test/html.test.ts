/** HTML input: readable text only, sections from markup, publication date from <meta>. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { code, type Document } from '../src/index.js';
import { checkDocument, input, parseDocuments, runCli } from './helpers.js';

const ARTICLE = input('article.html');
const HTML = readFileSync(ARTICLE, 'utf8');

function cli(args: string[] = [], opts: { input?: string } = {}): Document {
  const r = runCli(['code', ...args, '--format', 'documents'], opts);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const docs = parseDocuments(r.stdout);
  assert.equal(docs.length, 1);
  return docs[0]!;
}

const sentenceWith = (doc: Document, s: string) => {
  const found = doc.sentences.find((x) => x.text.includes(s));
  assert.ok(found, `no sentence contains '${s}': ${JSON.stringify(doc.sentences.map((x) => x.text))}`);
  return found;
};

/** The same checks for every way of feeding the article in. */
function checkArticle(doc: Document, expectDate = '2021-03-04'): void {
  checkDocument(doc);
  const text = doc.text;
  for (const hidden of ['ZZSCRIPTMARKER', 'trackingPixel', 'ZZNAVMARKER', 'font-family', 'Copyright The Northern Ledger']) {
    assert.ok(!text.includes(hidden), `'${hidden}' (script/nav/style/footer) leaked into doc.text`);
  }
  assert.ok(!/[<>]/.test(text), 'no markup in doc.text');
  assert.ok(text.includes('in Oslo & pledged'), 'entities are decoded');
  assert.ok(text.startsWith('Norway condemns missile strikes on Kyiv'), `text starts with the h1: ${text.slice(0, 60)}`);

  assert.equal(sentenceWith(doc, 'Norway condemns missile strikes on Kyiv').section, 'headline');
  assert.equal(sentenceWith(doc, 'Firefighters work at a damaged building').section, 'caption');
  assert.equal(sentenceWith(doc, "Norway condemned Russia's missile strikes").section, 'body');
  assert.equal(sentenceWith(doc, 'Germany also criticized the attacks').section, 'body');
  // The caption is one sentence on its own, not glued to the paragraphs around it.
  const cap = sentenceWith(doc, 'Firefighters');
  assert.equal(cap.text, 'Firefighters work at a damaged building in Kyiv.');
  assert.equal(doc.sentences.filter((s) => s.section === 'headline').length, 1);

  assert.equal(doc.date, expectDate);
  const dated = doc.events.filter((e) => e.dateFrom === 'publication');
  assert.ok(dated.length > 0, 'some event takes the publication date');
  for (const e of dated) assert.equal(e.date, expectDate);
}

describe('HTML article', () => {
  test('from a .html file', () => {
    const doc = cli([ARTICLE]);
    checkArticle(doc);
    assert.equal(doc.id, 'article');
    assert.ok(doc.title?.includes('Norway condemns strikes'), `title from <title>: ${doc.title}`);
  });

  test('from stdin with --input html', () => {
    checkArticle(cli(['--input', 'html'], { input: HTML }));
  });

  test('from a JSONL "html" field', () => {
    const line = JSON.stringify({ id: 'web-1', html: HTML, source: 'Northern Ledger' });
    const doc = cli(['--input', 'jsonl'], { input: line + '\n' });
    checkArticle(doc);
    assert.equal(doc.id, 'web-1');
    assert.equal(doc.source, 'Northern Ledger');
  });

  test('from the library', () => {
    const [doc] = code({ id: 'lib', html: HTML });
    checkArticle(doc!);
  });

  test('--date overrides the <meta> publication date', () => {
    checkArticle(cli([ARTICLE, '--date', '2021-05-06']), '2021-05-06');
  });

  test('a JSONL "date" overrides the <meta> date', () => {
    const line = JSON.stringify({ id: 'web-2', html: HTML, date: '2020-12-31' });
    checkArticle(cli(['--input', 'jsonl'], { input: line }), '2020-12-31');
  });

  test('the same article as .htm gives the same Document text', () => {
    const viaHtml = cli([ARTICLE]);
    const viaStdin = cli(['--input', 'html'], { input: HTML });
    assert.equal(viaStdin.text, viaHtml.text);
    assert.deepEqual(viaStdin.sentences, viaHtml.sentences);
  });
});

describe('HTML details', () => {
  test('<time datetime> gives the date when there is no meta', () => {
    const doc = cli(['--input', 'html'], {
      input: '<article><h1>Talks resume</h1><time datetime="2019-11-02T08:30:00+01:00">2 Nov</time><p>Spain met Portugal in Madrid.</p></article>',
    });
    assert.equal(doc.date, '2019-11-02');
  });

  test('no date anywhere gives date null', () => {
    const doc = cli(['--input', 'html'], { input: '<p>Spain met Portugal in Madrid.</p>' });
    assert.equal(doc.date, null);
  });

  test('a <blockquote> is section blockquote; <br> and <li> break paragraphs', () => {
    const doc = cli(['--input', 'html'], {
      input:
        '<body><p>Chile protested to Peru on Friday.</p><blockquote>Peru rejected the protest.</blockquote>' +
        '<ul><li>Brazil met Argentina</li><li>Bolivia criticized Paraguay</li></ul><p>First line<br>Second line</p></body>',
    });
    assert.equal(sentenceWith(doc, 'Peru rejected the protest').section, 'blockquote');
    assert.equal(sentenceWith(doc, 'Chile protested').section, 'body');
    assert.ok(!doc.text.includes('Argentina Bolivia'), `list items are glued together: ${JSON.stringify(doc.text)}`);
    assert.ok(!doc.text.includes('lineSecond'), `<br> glued words together: ${JSON.stringify(doc.text)}`);
  });

  test('inline tags do not split words or add spaces', () => {
    const doc = cli(['--input', 'html'], { input: '<p><b>Nor</b>way con<i>demned</i> <a href="#">Russia</a>.</p>' });
    assert.equal(doc.text, 'Norway condemned Russia.');
  });

  test('HTML with no readable text is coded as an empty document, not a crash', () => {
    const r = runCli(['code', '--input', 'html', '--format', 'documents'], {
      input: '<html><head><script>var a = 1;</script></head><body><nav>Menu</nav></body></html>',
    });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}`);
    assert.ok(!/^\s+at /m.test(r.stderr));
    const docs = parseDocuments(r.stdout);
    // Exit 0 prints the empty document; exit 1 reports the empty input and prints none.
    assert.equal(docs.length, r.status === 0 ? 1 : 0);
    for (const d of docs) assert.equal(d.text.trim(), '');
  });
});

describe('deep nesting', () => {
  test('a page that never nests deep is passed to the parser unchanged', async () => {
    const { capNesting } = await import('../src/ingest/html-depth.js');
    assert.equal(capNesting(HTML), HTML);
    for (const unclosed of [
      '<ul>' + '<li>Greece protested.'.repeat(2000) + '</ul>',
      '<div>' + '<p>Greece protested.'.repeat(2000) + '</div>',
      '<table>' + '<tr><td>Greece<td>protested.'.repeat(2000),
    ]) {
      assert.equal(capNesting(unclosed), unclosed, 'implied end tags (<li>, <p>, <tr>, <td>) do not count as nesting');
    }
  });

  test('300,000 nested elements are extracted in linear time, their text kept', async () => {
    const { extractHtml } = await import('../src/ingest/html.js');
    const small = '<div>'.repeat(30_000) + 'Turkey condemned Greece.' + '</div>'.repeat(30_000);
    const big = '<div>'.repeat(300_000) + 'Turkey condemned Greece.' + '</div>'.repeat(300_000);
    let t = performance.now();
    assert.equal(extractHtml(small).text, 'Turkey condemned Greece.');
    const tSmall = performance.now() - t;
    t = performance.now();
    assert.equal(extractHtml(big).text, 'Turkey condemned Greece.');
    const tBig = performance.now() - t;
    // Ten times the input: linear work takes about ten times as long; quadratic work took a hundred times.
    assert.ok(tBig < 5_000, `300,000 nested divs took ${Math.round(tBig)} ms`);
    assert.ok(tBig < Math.max(40 * tSmall, 500), `10x the input took ${Math.round(tBig / tSmall)}x the time`);
  });
});
