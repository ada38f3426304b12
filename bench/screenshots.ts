/**
 * screenshots: the article view and the corpus view as a reader sees them, taken with Debian's Chromium into docs/.
 * The article is examples/aegean-talks.txt; the corpus is made up here (news-like sentences between 30 countries,
 * dated over 2024, one of them mentioning 1830), ingested into a temporary store.
 * Run: `node dist/bench/screenshots.js [--out docs]` (needs /usr/bin/chromium or CASUS_CHROMIUM).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASUS_BIN, spawnServer } from '../src/server/child.js';
import { repoRoot } from './paths.js';

const CHROMIUM = process.env.CASUS_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const PEOPLES = [
  'American',
  'Chinese',
  'Russian',
  'Ukrainian',
  'Indian',
  'Pakistani',
  'Israeli',
  'Egyptian',
  'French',
  'German',
  'Iranian',
  'Iraqi',
  'Syrian',
  'Turkish',
  'Greek',
  'Japanese',
  'Brazilian',
  'Mexican',
  'Kenyan',
  'Nigerian',
  'Ethiopian',
  'Saudi',
  'Qatari',
  'Polish',
  'Italian',
  'Spanish',
  'Canadian',
  'Australian',
  'Afghan',
  'Venezuelan',
];
const CAPITALS = [
  'Washington',
  'Beijing',
  'Moscow',
  'Kyiv',
  'New Delhi',
  'Islamabad',
  'Jerusalem',
  'Cairo',
  'Paris',
  'Berlin',
  'Tehran',
  'Baghdad',
  'Damascus',
  'Ankara',
  'Athens',
  'Tokyo',
  'Brasilia',
  'Mexico City',
  'Nairobi',
  'Abuja',
  'Addis Ababa',
  'Riyadh',
  'Doha',
  'Warsaw',
  'Rome',
  'Madrid',
  'Ottawa',
  'Canberra',
  'Kabul',
  'Caracas',
];
const SENTENCES = [
  'The {a} foreign minister met his {b} counterpart in {city} on {day} to discuss the border dispute, officials said.',
  '{A} troops fired on {b} positions near the frontier on {day}, according to the {b} army.',
  'The {b} government condemned the attack on {day} and accused {A} leaders of escalating the conflict.',
  'The {a} president praised the {b} government on {day} for its help with the negotiations.',
  '{A} police arrested {b} protesters outside the embassy in {city} on {day}.',
  'The {a} government imposed sanctions on {b} banks on {day}.',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const k0 = (i: number) => i % 2 === 0;

/** About 160 short articles: pairs of peoples weighted so that a few dyads dominate, as in real news. */
export function syntheticCorpus(): string {
  const lines: string[] = [];
  for (let i = 0; i < 160; i++) {
    const a = PEOPLES[(i * i) % 12 === 0 ? i % PEOPLES.length : i % 5]!;
    const b = PEOPLES[(i * 7 + 3) % (i % 3 ? 10 : PEOPLES.length)]!;
    if (a === b) continue;
    const date = new Date(Date.UTC(2024, 0, 3) + i * 2.2 * 86_400_000).toISOString().slice(0, 10);
    const city = CAPITALS[PEOPLES.indexOf(k0(i) ? a : b)]!;
    const fill = (s: string, k: number) =>
      s
        .replaceAll('{a}', a)
        .replaceAll('{A}', a)
        .replaceAll('{b}', b)
        .replaceAll('{day}', DAYS[(i + k) % 5]!)
        .replaceAll('{city}', city);
    const text = [0, 1, 2].map((k) => fill(SENTENCES[(i + k * 2) % SENTENCES.length]!, k)).join(' ');
    lines.push(JSON.stringify({ id: `news-${i + 1}`, date, title: `${a} and ${b} officials`, text }));
  }
  lines.push(
    JSON.stringify({
      id: 'history',
      date: '2024-06-12',
      title: 'A look back',
      text: 'In 1830, French troops attacked Algiers. The Algerian president criticized France on Tuesday.',
    }),
  );
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? process.argv[i + 1]! : join(repoRoot(), 'docs');
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'casus-shots-'));
  try {
    writeFileSync(join(dir, 'corpus.jsonl'), syntheticCorpus());
    const db = join(dir, 'corpus.duckdb');
    const ing = spawnSync(process.execPath, [CASUS_BIN, 'ingest', join(dir, 'corpus.jsonl'), '--db', db], { encoding: 'utf8' });
    if (ing.status !== 0) throw new Error(`ingest failed: ${ing.stderr}`);
    const server = await spawnServer(['--db', db]);
    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1400, height: 1000 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(server.url + '/');
      await page.fill('#text', readFileSync(join(repoRoot(), 'examples', 'aegean-talks.txt'), 'utf8'));
      await page.fill('#date', '2021-03-09');
      await page.click('#code');
      await page.waitForSelector('#events li.event');
      await page.locator('#events li.event', { hasText: 'Reject' }).first().click();
      await page.waitForTimeout(1000); // the highlight scrolls smoothly into view: let it end first
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(out, 'article-view.png') });
      await page.goto(server.url + '/corpus');
      await page.waitForSelector('#event-rows tr a', { timeout: 60_000 });
      await page.waitForSelector('#network text.label');
      // The page down to the first rows of the events table (the table itself runs on for every event).
      const table = await page.locator('#event-rows').boundingBox();
      await page.screenshot({
        path: join(out, 'corpus-view.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: 1400, height: Math.round((table?.y ?? 1500) + 260) },
      });
      process.stdout.write(`screenshots: ${join(out, 'article-view.png')}, ${join(out, 'corpus-view.png')}\n`);
    } finally {
      await context.close();
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`screenshots: ${(e as Error).stack}\n`);
    process.exitCode = 1;
  });
}
