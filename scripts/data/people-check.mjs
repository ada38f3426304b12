#!/usr/bin/env node
// Picks N person entries of the generated people files at random (seeded) and looks each up in a second source:
// the Wikipedia or official lists that the every-politician-scrapers repositories scraped (sources/*/scraped.csv,
// the page named in the folder's meta.json) and the Wikipedia infoboxes they keep (enwiki/infobox/*), or, for a
// member of Congress, the repository's main-branch YAML. Prints a Markdown table: entry, role checked, what the
// second source says, verdict (agree: same office and start within 45 days, or same year where a side gives a year).
// Usage: node scripts/data/people-check.mjs [--seed 14] [--n 100] [--mirror /work/.mirror]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SEED = Number(arg('--seed', '14'));
const N = Number(arg('--n', '100'));
const MIRROR = arg('--mirror', '/work/.mirror');
const FILES = ['data/actors/people/us-congress.jsonl', 'data/actors/people/wikidata-cabinets.jsonl'];

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const git = (repo, ...args) => {
  try {
    return execFileSync('git', ['-C', join(MIRROR, repo, 'repo'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
};
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const csvRows = (text) =>
  text
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));

/** Second-source rows (page, name, start, end) about one Wikidata item in one every-politician-scrapers repository. */
function secondSource(repoName, qid, name) {
  const repo = `every-politician-scrapers+${repoName}`;
  const files = git(repo, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n');
  const found = [];
  for (const f of files.filter((x) => /^sources\/[^/]+\/scraped\.csv$/.test(x))) {
    const meta = git(repo, 'show', `HEAD:${f.replace('scraped.csv', 'meta.json')}`);
    const page = /"source":\s*"[^"]*\/wiki\/([^"]+)"/.exec(meta)?.[1] ?? /"title":\s*"([^"]+)"/.exec(meta)?.[1] ?? f.split('/')[1];
    const text = git(repo, 'show', `HEAD:${f}`);
    const head = text.split('\n')[0].split(',');
    const col = (re) => head.findIndex((h) => re.test(h));
    const [cItem, cName, cStart, cEnd, cPos] = [
      col(/^(item|id|wdid)$/i),
      col(/^(itemLabel|name|person)$/i),
      col(/^start/i),
      col(/^end/i),
      col(/position|office|role/i),
    ];
    for (const r of csvRows(text)) {
      if ((cItem >= 0 && r[cItem] === qid) || (cName >= 0 && r[cName] && fold(r[cName]) === fold(name))) {
        found.push({ page: decodeURIComponent(page), start: r[cStart] ?? '', end: r[cEnd] ?? '', office: r[cPos] ?? '' });
      }
    }
  }
  const index = csvRows(git(repo, 'show', 'HEAD:enwiki/index.csv'));
  for (const [pageid, title] of index) {
    if (fold(title ?? '') !== fold(name)) continue;
    const box = git(repo, 'show', `HEAD:enwiki/infobox/${pageid}`);
    if (!box.trim()) continue;
    let o;
    try {
      o = JSON.parse(box);
    } catch {
      continue;
    }
    for (const k of Object.keys(o).filter((x) => /^office\d*$/.test(x))) {
      const n = k.slice(6);
      found.push({ page: `infobox of ${title}: ${o[k]}`, start: o[`term_start${n}`] ?? '', end: o[`term_end${n}`] ?? '' });
    }
  }
  return found;
}

const STOP = new Set(['minister', 'of', 'the', 'and', 'for', 'affairs', 'deputy', 'state', 'to']);
const sharesWord = (a, b) => {
  const w = new Set(
    fold(a)
      .split(/\W+/)
      .filter((x) => x.length > 3 && !STOP.has(x)),
  );
  return fold(b)
    .split(/\W+/)
    .some((x) => w.has(x));
};
const year = (s) => /(\d{4})/.exec(s ?? '')?.[1] ?? '';
/** Whether a role and a second-source row tell the same start. */
function agrees(role, row) {
  if (!role.from || !row.start) return false;
  const d = Date.parse(row.start);
  if (/^\d{4}-\d{2}-\d{2}$/.test(row.start) && !role.from.endsWith('-01-01')) return Math.abs(d - Date.parse(role.from)) <= 45 * 864e5;
  return year(row.start) === year(role.from);
}

function main() {
  const entries = FILES.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l)),
  );
  const rand = mulberry32(SEED);
  const picked = new Set();
  while (picked.size < Math.min(N, entries.length)) picked.add(Math.floor(rand() * entries.length));
  const congress = git('unitedstates+congress-legislators', 'show', 'HEAD:legislators-current.yaml');
  console.log('| # | person | country | role checked | second source | says | verdict |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  let i = 0;
  const tally = { agree: 0, 'office listed, no dates': 0, differs: 0, 'listed for another office': 0, 'no second source': 0 };
  for (const k of [...picked]) {
    const p = entries[k];
    const role = p.roles[0];
    let rows = [];
    if (p.source.startsWith('congress-legislators')) {
      const id = /bioguide (\w+)/.exec(p.source)[1];
      const block = congress.split('\n- id:').find((b) => b.includes(`bioguide: ${id}`)) ?? '';
      const starts = [...block.matchAll(/start: '(\d{4}-\d{2}-\d{2})'/g)].map((m) => m[1]);
      rows = starts.map((s) => ({ page: 'congress-legislators main-branch YAML', start: s, end: '' }));
    } else {
      const m = /every-politician-scrapers\/(\S+) .*?(Q\d+)$/.exec(p.source);
      rows = secondSource(m[1], m[2], p.name);
    }
    const hit = p.roles.flatMap((r) => rows.filter((row) => agrees(r, row)).map((row) => [r, row]))[0];
    const [r, row] = hit ?? [
      role,
      rows.find((x) => x.start && p.roles.some((q) => sharesWord(q.title, `${x.office} ${x.page}`))) ?? rows.find((x) => x.start) ?? rows[0],
    ];
    const undated = !hit && rows.find((x) => !x.start && p.roles.some((q) => sharesWord(q.title, `${x.office} ${x.page}`)));
    const sameOffice = rows.filter((x) => p.roles.some((q) => sharesWord(q.title, `${x.office} ${x.page}`)));
    const verdict = hit
      ? 'agree'
      : undated
        ? 'office listed, no dates'
        : sameOffice.length
          ? 'differs'
          : rows.length
            ? 'listed for another office'
            : 'no second source';
    tally[verdict]++;
    const says = row ? (row.start ? `${row.start} to ${row.end || '?'}` : `listed as ${row.office || '?'}`) : '';
    console.log(`| ${++i} | ${p.name} | ${p.country} | ${r.title} ${r.from ?? '?'} to ${r.to ?? 'now'} | ${row?.page ?? ''} | ${says} | ${verdict} |`);
  }
  console.log(
    `\n${Object.entries(tally)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}`,
  );
}

main();
