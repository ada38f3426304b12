/**
 * The web page in a real browser: Debian's Chromium driven by playwright-core against `casus serve` (a child process).
 * Skipped, saying so, when /usr/bin/chromium is not installed. CASUS_SCREENSHOTS=DIR saves screenshots of both views.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { spawnServer, type ServerChild } from '../src/server/child.js';
import { runCli } from './helpers.js';

const CHROMIUM = process.env.CASUS_CHROMIUM || '/usr/bin/chromium';
// Outside CI a missing browser skips these tests with the reason; in CI (which installs Chromium) it fails them.
const skip = existsSync(CHROMIUM) || process.env.CI ? false : `Chromium not installed: ${CHROMIUM} is missing (apt-get install -y chromium)`;
if (skip) process.stdout.write(`e2e: browser tests skipped: ${skip}\n`);
const SHOTS = process.env.CASUS_SCREENSHOTS || null;
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const ARTICLE = `Turkey Rejects Greek Call for Talks on Aegean Airspace

ATHENS (Example Wire) — Turkish Foreign Minister Mevlut Cavusoglu rejected a proposal from Greek Prime Minister Kyriakos Mitsotakis to "open a channel" on disputed airspace, saying Ankara would not negotiate under pressure.

On Tuesday, the Greek parliament passed a resolution that condemned Turkish military flights over the islands. Turkish warplanes violated Greek airspace 30 times last week, the Greek military said.

"We will not accept threats against our sovereignty," said government spokesperson Aristotelis Petsas.

NATO Secretary-General Jens Stoltenberg urged both countries to resume talks. The European Union condemned the flights.

Ankara is clearly playing for time. The government should stop the provocations.
`;

const CORPUS = [
  ['2021-03-01', 'Turkish warplanes violated Greek airspace near Rhodes on Monday, the Greek military said. Greece condemned Turkey.'],
  ['2021-03-03', 'Greek Foreign Minister Nikos Dendias met Turkish Foreign Minister Mevlut Cavusoglu in Ankara on Wednesday.'],
  ['2021-03-09', 'Turkey rejected a Greek proposal for talks on the Aegean. Greece accused Turkey of provocations in Athens.'],
  ['2021-03-16', 'Turkish troops fired on Greek border guards near Edirne. Greece protested to Turkey.'],
  ['2021-03-23', 'Greece and Turkey signed an agreement on migration in Athens. The European Union praised Greece.'],
  ['2021-03-30', 'Russian forces attacked Ukrainian positions near Donetsk. Ukraine accused Russia of violating the ceasefire.'],
  ['2021-04-06', 'The United States imposed sanctions on Russia. Russia criticized the United States in Moscow.'],
  ['2021-04-13', 'Turkey threatened Greece over oil exploration near Crete. Greece urged Turkey to withdraw its ships.'],
  // An event dated from the text long before the corpus: it must not stretch the time axis.
  ['2021-03-05', 'In 1830, French troops attacked Algiers. The United States condemned Iraq on Monday. Iraq accused the United States of aggression.'],
];

describe('browser', () => {
  let dir = '';
  let context: BrowserContext;
  let page: Page;
  let plain: ServerChild;
  let corpus: ServerChild | null = null;
  const servers: ServerChild[] = [];
  /** Errors the page logged (console.error, uncaught exceptions, failed loads), checked after each view. */
  const consoleErrors: string[] = [];

  before(async () => {
    if (skip) return;
    dir = mkdtempSync(join(tmpdir(), 'casus-e2e-'));
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1400, height: 1000 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(`console: ${m.text()}`));
    plain = await spawnServer();
    servers.push(plain);
  });
  after(async () => {
    await context?.close();
    for (const s of servers) await s.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('article view: code a pasted article, click an event, see its evidence highlighted', { skip, timeout: 180_000 }, async () => {
    await page.goto(plain.url + '/');
    await page.fill('#text', ARTICLE);
    await page.fill('#date', '2021-03-09');
    await page.click('#code');
    await page.waitForSelector('#events li.event', { timeout: 30_000 });
    const n = await page.locator('#events li.event').count();
    assert.ok(n >= 3, `events listed: ${n}`);
    assert.equal(await page.locator('#article').textContent(), ARTICLE);
    assert.ok((await page.locator('#article .actor[data-country]').count()) >= 4, 'actors highlighted with their country');
    assert.ok((await page.locator('#article .quote[title*="speaker"]').count()) >= 1, 'a quote with its speaker');
    const verbTitle = await page.locator('#article .verb').first().getAttribute('title');
    assert.match(verbTitle ?? '', /^\d{2,4} \S/, 'a verb carries its CAMEO code and name');
    const reject = page.locator('#events li.event', { hasText: 'Reject' }).first();
    await reject.click();
    const verb = page.locator('#article .verb.highlight');
    await verb.first().waitFor({ timeout: 5000 });
    assert.equal(await verb.first().textContent(), 'rejected');
    assert.ok((await page.locator('#article .actor.highlight').count()) >= 1, 'source or target highlighted');
    assert.equal(await page.locator('#events li.selected').count(), 1);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'casus-article.png'), fullPage: false });
    assert.deepEqual(consoleErrors, [], 'the article view logs no error');
    await page.fill('#date', '2021-13-45');
    await page.click('#code');
    await page.waitForSelector('#status.error');
    assert.match((await page.locator('#status').textContent()) ?? '', /date/);
    consoleErrors.length = 0; // the 400 answer above is logged by the browser as a failed load
  });

  test('article view: USA and IRQ get different colours, the same in the text and in the events', { skip, timeout: 120_000 }, async () => {
    await page.goto(plain.url + '/');
    await page.fill('#text', 'The United States condemned Iraq on Monday. Iraq accused the United States of aggression.');
    await page.fill('#date', '2021-03-05');
    await page.click('#code');
    await page.waitForSelector('#events li.event');
    const bg = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((n) => getComputedStyle(n).backgroundColor);
    const usa = await bg('#article .actor[data-country="USA"]');
    const irq = await bg('#article .actor[data-country="IRQ"]');
    assert.notEqual(usa, irq);
    const chips = await page.locator('#events .chip[data-actor]').evaluateAll((ns) => ns.map((n) => [n.textContent, getComputedStyle(n).backgroundColor]));
    assert.ok(chips.length >= 2);
    for (const [code, colour] of chips) assert.equal(colour, code === 'USA' ? usa : code === 'IRQ' ? irq : colour, `chip ${code}`);
    assert.deepEqual(consoleErrors, []);
  });

  test('a server on 127.0.0.2 with a token: the page asks for it once and codes with it', { skip, timeout: 180_000 }, async () => {
    const token = 'casus-e2e-token-0c7d1e5f2a';
    const server = await spawnServer(['--host', '127.0.0.2', '--workers', '1'], 120_000, { CASUS_TOKEN: token });
    servers.push(server);
    let asked = 0;
    const onDialog = (d: import('playwright-core').Dialog) => {
      asked++;
      void d.accept(token);
    };
    page.on('dialog', onDialog);
    try {
      await page.goto(server.url + '/');
      await page.fill('#text', 'The United States condemned Iraq on Monday.');
      await page.click('#code');
      await page.waitForSelector('#events li.event');
      await page.click('#code');
      await page.waitForSelector('#status:not(:empty)');
      assert.equal(asked, 1, 'asked once');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('casus-token')), token);
    } finally {
      page.off('dialog', onDialog);
    }
    consoleErrors.length = 0; // the first 401 is logged by the browser as a failed load
  });

  test('a crowded network (60 actors, 120 dyads): the 30 largest nodes all labelled, no two labels overlapping', { skip }, async () => {
    await page.goto(plain.url + '/corpus');
    const boxes = await page.evaluate(async () => {
      const { network } = await import('/charts.js' as string);
      const svg = document.getElementById('network')!;
      const codes = Array.from(
        { length: 60 },
        (_, i) =>
          `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}${String.fromCharCode(65 + ((i * 11) % 26))}${i % 3 ? 'GOV' : ''}`,
      );
      const rows = Array.from({ length: 120 }, (_, i) => ({
        source: codes[(i * 7) % 60],
        target: codes[(i * 13 + 1) % 60],
        events: 1 + ((i * 37) % 50),
        goldstein: (i % 21) - 10,
      }));
      network(svg, rows, {});
      return [...svg.querySelectorAll('text.label')].map((n) => {
        const b = (n as SVGGraphicsElement).getBBox();
        return { t: n.textContent, x: b.x, y: b.y, w: b.width, h: b.height };
      });
    });
    assert.equal(boxes.length, 30);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!,
          b = boxes[j]!;
        assert.ok(!(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h), `labels ${a.t} and ${b.t} overlap`);
      }
    // The Goldstein line stops at a week without events and starts again after it.
    const line = await page.evaluate(async () => {
      const { timeSeries, weeklyBuckets } = await import('/charts.js' as string);
      const svg = document.getElementById('series')!;
      const row = (period: string, g: number) => ({ period, source: 'TUR', target: 'GRC', events: 2, q1: 1, q2: 0, q3: 1, q4: 0, goldstein: g });
      timeSeries(
        svg,
        weeklyBuckets([row('2021-03-01', 3), row('2021-03-08', -2), row('2021-03-22', 1), row('2021-03-29', -4)], { from: '2021-03-01', to: '2021-04-02' }),
      );
      return svg.querySelector('path.gline')!.getAttribute('d')!;
    });
    assert.equal(line.match(/M/g)?.length, 2, `two pieces of line around the empty week: ${line}`);
    consoleErrors.length = 0; // this server has no store: the corpus page's own calls answer 404
  });

  test('overlapping spans render properly nested, with the text intact', { skip }, async () => {
    await page.goto(plain.url + '/');
    const result = await page.evaluate(async () => {
      const { renderMarkup } = await import('/markup.js' as string);
      const box = document.createElement('div');
      const text = 'abcdefghij';
      renderMarkup(box, text, [
        { start: 0, end: 6, layer: 1, key: 'q', cls: 'quote' },
        { start: 3, end: 9, layer: 2, key: 'a', cls: 'actor' },
        { start: 4, end: 5, layer: 3, key: 'v', cls: 'verb' },
        { start: 5, end: 5, layer: 3, key: 'empty', cls: 'verb' },
      ]);
      const pieces = (k: string) => [...box.querySelectorAll(`[data-key="${k}"]`)].map((n) => n.textContent).join('');
      return { text: box.textContent, q: pieces('q'), a: pieces('a'), v: pieces('v'), html: box.innerHTML };
    });
    assert.equal(result.text, 'abcdefghij');
    assert.equal(result.q, 'abcdef');
    assert.equal(result.a, 'defghi');
    assert.equal(result.v, 'e');
  });

  test('corpus view: time series, network and map render from a store made by casus ingest', { skip, timeout: 240_000 }, async () => {
    const jsonl = join(dir, 'corpus.jsonl');
    writeFileSync(jsonl, CORPUS.map(([date, text], i) => JSON.stringify({ id: `art-${i + 1}`, date, text, title: text!.split('.')[0] })).join('\n') + '\n');
    const db = join(dir, 'corpus.duckdb');
    const ing = runCli(['ingest', jsonl, '--db', db]);
    assert.equal(ing.status, 0, ing.stderr);
    const server = await spawnServer(['--db', db]);
    servers.push(server);
    corpus = server;
    await page.goto(server.url + '/corpus');
    await page.waitForSelector('#event-rows tr a', { timeout: 30_000 });
    assert.ok((await page.locator('#series rect').count()) >= 3, 'stacked bars');
    assert.equal(await page.locator('#series path.gline').count(), 1, 'the Goldstein line');
    assert.ok((await page.locator('#network g.node').count()) >= 3, 'network nodes');
    assert.ok((await page.locator('#network path.edge').count()) >= 2, 'network edges');
    assert.ok((await page.locator('#map path.country').count()) > 150, 'country shapes');
    assert.ok((await page.locator('#map circle.dot').count()) >= 1, 'placed events');
    await page.locator('#actors button', { hasText: 'TUR' }).first().click();
    await page.waitForFunction(() => (document.getElementById('source') as HTMLInputElement).value === 'TUR');
    await page.fill('#target', 'GRC');
    await page.click('#show');
    await page.waitForFunction(() => document.getElementById('series-title')!.textContent!.includes('TUR → GRC'));
    await page.waitForSelector('#event-rows tr a');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'casus-corpus.png'), fullPage: true });
    await page.locator('#event-rows tr a').first().click();
    await page.waitForSelector('#events li.event');
    await page.waitForSelector('#events li.selected');
    assert.ok((await page.locator('#article .verb.highlight').count()) >= 1, 'the linked event is highlighted in its article');

    // While another process writes the store (DuckDB lock), the corpus view says so instead of failing.
    const { openStore } = (await import('../src/store/index.js' as string)) as { openStore(p: string): Promise<{ close(): void }> };
    const writer = await openStore(db);
    try {
      await page.goto(server.url + '/corpus');
      await page.waitForSelector('#status.warn');
      assert.match((await page.locator('#status').textContent()) ?? '', /being written by another process; try again shortly/);
    } finally {
      await writer.close();
    }
    consoleErrors.length = 0; // the 503 answers above are logged by the browser as failed loads
  });

  test(
    'corpus view: the 1830 event is listed apart, actors keep one colour, no two network labels overlap, no console error',
    { skip, timeout: 120_000 },
    async () => {
      assert.ok(corpus, 'the corpus server of the test above');
      await page.goto(corpus!.url + '/corpus');
      await page.waitForSelector('#event-rows tr a', { timeout: 30_000 });
      await page.waitForSelector('#network text.label');
      const ticks = await page.locator('#series .axis.x .tick text').allTextContents();
      assert.ok(ticks.length >= 2, `ticks: ${ticks}`);
      for (const t of ticks) assert.doesNotMatch(t, /18\d\d/, `the axis stays on 2021: ${ticks}`);
      assert.match((await page.locator('#series-outside').textContent()) ?? '', /1 event dated outside .*2021-03-01 to 2021-04-13.*week of 1829-12-28/);
      const fill = (code: string) => page.locator(`#network g.node[data-code="${code}"] circle`).getAttribute('fill');
      assert.notEqual(await fill('USA'), await fill('IRQ'));
      const chip = (code: string) => page.locator(`#actors button[data-actor="${code}"]`).evaluate((n) => getComputedStyle(n).backgroundColor);
      const cell = (code: string) =>
        page
          .locator(`#event-rows .chip[data-actor="${code}"]`)
          .first()
          .evaluate((n) => getComputedStyle(n).backgroundColor);
      assert.notEqual(await chip('USA'), await chip('IRQ'));
      assert.equal(await chip('USA'), await cell('USA'), 'one actor, one colour in chips and table');
      const boxes = await page.locator('#network text.label').evaluateAll((ns) =>
        ns.map((n) => {
          const b = (n as SVGGraphicsElement).getBBox();
          return { t: n.textContent, x: b.x, y: b.y, w: b.width, h: b.height };
        }),
      );
      const nodes = await page.locator('#network g.node').count();
      assert.equal(boxes.length, Math.min(30, nodes), 'the largest nodes are all labelled');
      assert.ok(boxes.length >= 2, `labels: ${boxes.length}`);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!,
            b = boxes[j]!;
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          assert.ok(!overlap, `labels ${a.t} and ${b.t} overlap: ${JSON.stringify([a, b])}`);
        }
      assert.ok((await page.locator('#map .map-legend').count()) === 1, 'a legend on the map');
      // The date filter applies to every panel, the actor chips and the network included.
      assert.equal(await page.locator('#actors button[data-actor="GRCGOV"]').count(), 1);
      await page.fill('#from', '2021-04-01');
      await page.click('#show');
      await page.waitForFunction(() => !document.querySelector('#actors button[data-actor="GRCGOV"]') && document.getElementById('status')!.textContent === '');
      assert.equal(await page.locator('#network g.node[data-code="GRCGOV"]').count(), 0);
      const dates = await page.locator('#event-rows td.date').allTextContents();
      assert.ok(dates.length > 0, 'events from 2021-04-01 on are listed');
      for (const d of dates) assert.ok(d >= '2021-04-01', d);
      await page.fill('#from', '');
      await page.click('#show');
      await page.waitForSelector('#actors button[data-actor="GRCGOV"]');
      const dateCell = page.locator('#event-rows td.date').first();
      assert.ok(((await dateCell.boundingBox())?.height ?? 99) < 30, 'a date on one line');
      assert.equal((await page.request.get(corpus!.url + '/favicon.ico')).status(), 200);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'casus-corpus-all.png'), fullPage: true });
      assert.deepEqual(consoleErrors, [], 'the corpus view logs no error');
    },
  );
});
