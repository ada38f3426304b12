#!/usr/bin/env node
// Generates data/actors/people/us-congress.jsonl and data/actors/people/wikidata-cabinets.jsonl from public data
// sets fetched outside the repository (not shipped). Facts only (names, offices, dates); no code is taken from them.
//
// Sources read (each a git snapshot; the commit read is written into every entry's `source`):
//   1. unitedstates/congress-legislators (CC0 1.0, LICENSE in the repository), branch gh-pages:
//      legislators-current.json (senators, representatives, leadership roles) and executive.json (presidents,
//      vice-presidents). Read at commit 61c9ce6a4b09 (2026-06-15). legislators-historical.json is not in the snapshot
//      (over 4 MiB), so members who left Congress before 2026 are not here.
//   2. every-politician-scrapers/<country> (one repository per country, listed in REPOS below): html/holders21.csv,
//      the office-holders of each country's cabinet and top offices as Wikidata states them (P39 position held with
//      start/end qualifiers). Wikidata is CC0; the repositories carry no licence file of their own and hold the
//      Wikidata statements only. Snapshots of 2022-2023: an open end means "in office when the snapshot was taken".
//
// Usage: node scripts/data/people.mjs [--mirror /work/.mirror] [--out data/actors/people] [--with-ambassadors]
// Rules: roles ending before 1990-01-01 (or ending the day they start) are dropped, then persons without roles. Dates "YYYY" and "YYYY-MM" become
// YYYY-01-01 / YYYY-MM-01 as a start and YYYY-12-31 / last day of the month as an end. A person already in another
// file of data/actors/people (same name or alias once accents and case are folded, in any country) is skipped. Two
// records of one country with the same folded name, or one Wikidata item in two countries' lists, become one entry.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const MIRROR = arg('--mirror', '/work/.mirror');
const OUT = arg('--out', 'data/actors/people');
const CUTOFF = '1990-01-01';
const OWN = new Set(['us-congress.jsonl', 'wikidata-cabinets.jsonl']);
// Diplomats abroad are left out unless asked for: the issue wants office-holders at home, and they add 3,000+ names.
const DIPLOMATS = process.argv.includes('--with-ambassadors') ? null : /ambassador|permanent representative|high commissioner|consul/i;

const git = (repo, ...args) => execFileSync('git', ['-C', join(MIRROR, repo, 'repo'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
export const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const asciiName = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss');

/** Minimal RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [],
    field = '',
    q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [head, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(head.map((h, j) => [h, r[j] ?? ''])));
}

const lastDay = (y, m) => new Date(Date.UTC(+y, +m, 0)).getUTCDate();
/** A Wikidata date of year, month or day precision as a schema date; `end` rounds up to the period's last day. */
function isoDate(s, end) {
  if (!s) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return end ? `${m[1]}-${m[2]}-${String(lastDay(m[1], m[2])).padStart(2, '0')}` : `${m[1]}-${m[2]}-01`;
  m = /^(\d{4})$/.exec(s);
  if (m) return end ? `${m[1]}-12-31` : `${m[1]}-01-01`;
  return null;
}

/** The CAMEO sector of an office title (cabinet posts, heads of state and diplomats are government). */
export function sectorOf(title) {
  const t = title.toLowerCase();
  if (/\bminist|secretary of state|cabinet secretary/.test(t)) return 'GOV';
  if (/first lady|first gentleman|spouse|\bparty\b|kuomintang|chairperson of the (?!national)/.test(t)) return null;
  if (/white house|downing street|presidential|of the presiden|to the presiden/.test(t)) return 'GOV';
  if (
    /joint chiefs|chief of (the )?(general|defen[cs]e|army|naval|navy|air|armed)|chiefs of staff|chief of staff of the (army|air|navy|armed|general)|commander|armed forces|chief of defen/.test(
      t,
    )
  )
    return 'MIL';
  if (/intelligence|security service|state security/.test(t)) return 'SPY';
  if (/police|gendarmerie/.test(t)) return 'COP';
  if (/justice|judge|court|prosecutor/.test(t)) return 'JUD';
  if (
    /speaker|leader of the house|chairman of the (national assembly|verkhovna rada|supreme council|parliament|senate)|chairperson of the national assembly|president of the (senate|national assembly|parliament|chamber)|member of parliament|senator/.test(
      t,
    )
  )
    return 'LEG';
  if (/leader of the opposition/.test(t)) return 'OPP';
  return 'GOV';
}

/** Person entries keyed by country and folded name; roles of one key merge. */
class People {
  constructor(taken) {
    this.taken = taken;
    this.byKey = new Map();
    this.skipped = 0;
  }
  add(file, country, name, aliases, roles, source) {
    const names = [name, ...aliases];
    if (names.some((n) => this.taken.has(`${country}|${fold(n)}`) || this.taken.has(`*|${fold(n)}`))) {
      this.skipped++;
      return;
    }
    const key = `${country}|${fold(name)}`;
    const old = this.byKey.get(key) ?? names.map((n) => this.byKey.get(`${country}|${fold(n)}`)).find(Boolean);
    if (old) {
      for (const r of roles) if (!old.roles.some((o) => o.code === r.code && o.title === r.title && o.from === r.from)) old.roles.push(r);
      for (const a of names) if (fold(a) !== fold(old.name) && !old.aliases.some((b) => fold(b) === fold(a))) old.aliases.push(a);
      if (!old.source.includes(source)) old.source += `; ${source}`;
      for (const n of names) this.byKey.set(`${country}|${fold(n)}`, old);
      return;
    }
    const entry = { file, name, aliases: aliases.filter((a) => fold(a) !== fold(name)), country, roles, source };
    for (const n of names) this.byKey.set(`${country}|${fold(n)}`, entry);
  }
  entries(file) {
    return [...new Set(this.byKey.values())].filter((e) => e.file === file);
  }
}

/** Names and aliases of the people files this script does not write, as country|folded-name keys. */
function takenNames(dir) {
  const taken = new Set();
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.jsonl') || OWN.has(f)) continue;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      const p = JSON.parse(line);
      for (const n of [p.name, ...p.aliases]) taken.add(`${p.country}|${fold(n)}`).add(`*|${fold(n)}`);
    }
  }
  return taken;
}

const STATES = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  DC: 'the District of Columbia',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'the U.S. Virgin Islands',
  AS: 'American Samoa',
  MP: 'the Northern Mariana Islands',
};

/** Consecutive terms of one office (same type and state, gap under 90 days) become one role. */
function mergeTerms(terms, titleOf, code, openAfter) {
  const roles = [];
  let cur = null;
  for (const t of terms) {
    const title = titleOf(t);
    if (cur && cur.title === title && Date.parse(t.start) - Date.parse(cur.to) < 90 * 864e5) {
      cur.to = t.end;
    } else {
      cur = { code, title, from: t.start, to: t.end };
      roles.push(cur);
    }
  }
  for (const r of roles) if (r.to > openAfter) r.to = null;
  return roles.filter((r) => (r.to === null || r.to >= CUTOFF) && (r.to === null || r.to > r.from));
}

function congress(people) {
  const repo = 'unitedstates+congress-legislators';
  const commit = git(repo, 'rev-parse', 'gh-pages').trim();
  const day = git(repo, 'log', '-1', '--format=%cs', 'gh-pages').trim();
  const src = (id) => `congress-legislators (CC0) @${commit.slice(0, 12)}, bioguide ${id}`;
  const display = (n) => n.official_full ?? [n.nickname ?? n.first, n.last, n.suffix].filter(Boolean).join(' ');
  const aliasesOf = (n) => {
    const out = [[n.first, n.last].join(' '), [n.nickname, n.last].filter(Boolean).join(' '), [n.first, n.middle, n.last].filter(Boolean).join(' ')];
    if (n.official_full) out.push(asciiName(n.official_full));
    return [...new Set(out.filter((a) => a.includes(' ')))];
  };
  const leg = JSON.parse(git(repo, 'show', 'gh-pages:legislators-current.json'));
  for (const p of leg) {
    const title = (t) => `${t.type === 'sen' ? 'U.S. Senator' : 'U.S. Representative'} from ${STATES[t.state] ?? t.state}`;
    const roles = mergeTerms(p.terms, title, 'USALEG', day);
    for (const l of p.leadership_roles ?? []) {
      if ((l.end ?? '9999') < CUTOFF) continue;
      const chamber = l.chamber === 'senate' ? 'Senate' : 'House';
      roles.push({ code: 'USALEG', title: `${chamber} ${l.title}`, from: l.start, to: !l.end || l.end > day ? null : l.end });
    }
    if (roles.length) people.add('us-congress.jsonl', 'USA', display(p.name), aliasesOf(p.name), roles, src(p.id.bioguide));
  }
  const exec = JSON.parse(git(repo, 'show', 'gh-pages:executive.json'));
  for (const p of exec) {
    const title = (t) => (t.type === 'prez' ? 'President of the United States' : 'Vice President of the United States');
    const roles = mergeTerms(p.terms, title, 'USAGOV', day);
    if (roles.length) people.add('us-congress.jsonl', 'USA', display(p.name), aliasesOf(p.name), roles, src(p.id.bioguide));
  }
}

// every-politician-scrapers repositories read, with the ISO 3166-1 alpha-3 code of their country (XKX: Kosovo).
export const REPOS = {
  afghanistan: 'AFG',
  'albania-cabinet': 'ALB',
  'algeria-cabinet': 'DZA',
  'andorra-cabinet': 'AND',
  angola: 'AGO',
  'antigua-barbuda-ministers': 'ATG',
  'argentina-ministers': 'ARG',
  'armenia-ministers': 'ARM',
  'australia-cabinet': 'AUS',
  'austria-cabinet': 'AUT',
  'azerbaijan-cabinet': 'AZE',
  'bahamas-cabinet': 'BHS',
  bahrain: 'BHR',
  'bangladesh-ministers': 'BGD',
  'barbados-cabinet': 'BRB',
  'belarus-ministers': 'BLR',
  'belgium-cabinet': 'BEL',
  'belize-ministers': 'BLZ',
  'benin-ministers': 'BEN',
  'bhutan-ministers': 'BTN',
  'bolivia-ministers': 'BOL',
  'bosnia-herzegovina-ministers': 'BIH',
  'botswana-ministers': 'BWA',
  'brazil-ministers': 'BRA',
  'brunei-ministers': 'BRN',
  'bulgaria-cabinet': 'BGR',
  'burkina-faso': 'BFA',
  'burundi-ministers': 'BDI',
  'cabo-verde': 'CPV',
  cambodia: 'KHM',
  cameroon: 'CMR',
  'canada-cabinet': 'CAN',
  'central-african-republic': 'CAF',
  'chad-ministers': 'TCD',
  'chile-ministers': 'CHL',
  'china-ministers': 'CHN',
  comoros: 'COM',
  'congo-brazzaville': 'COG',
  'congo-kinshasa-ministers': 'COD',
  'costa-rica': 'CRI',
  'croatia-ministers': 'HRV',
  cuba: 'CUB',
  'cyprus-cabinet': 'CYP',
  'czech-ministers': 'CZE',
  'denmark-cabinet': 'DNK',
  'djibouti-ministers': 'DJI',
  dominica: 'DMA',
  'dominican-republic': 'DOM',
  'ecuador-ministers': 'ECU',
  'egypt-ministers': 'EGY',
  'el-salvador-ministers': 'SLV',
  'equatorial-guinea': 'GNQ',
  'eritrea-ministers': 'ERI',
  estonia: 'EST',
  eswatini: 'SWZ',
  'ethiopia-ministers': 'ETH',
  'fiji-ministers': 'FJI',
  'finland-cabinet': 'FIN',
  'france-cabinet': 'FRA',
  'gabon-ministers': 'GAB',
  'gambia-ministers': 'GMB',
  'georgia-ministers': 'GEO',
  'ghana-ministers': 'GHA',
  'greece-cabinet': 'GRC',
  grenada: 'GRD',
  'guatemala-ministers': 'GTM',
  guinea: 'GIN',
  'guinea-bissau': 'GNB',
  guyana: 'GUY',
  haiti: 'HTI',
  'honduras-ministers': 'HND',
  'hungary-cabinet': 'HUN',
  'india-ministers': 'IND',
  'indonesia-ministers': 'IDN',
  'iran-ministers': 'IRN',
  'iraq-ministers': 'IRQ',
  'ireland-ministers': 'IRL',
  'israel-ministers': 'ISR',
  'italy-ministers': 'ITA',
  'ivory-coast': 'CIV',
  'jamaica-ministers': 'JAM',
  'japan-ministers': 'JPN',
  'jordan-ministers': 'JOR',
  kenya: 'KEN',
  'kazakhstan-cabinet': 'KAZ',
  'kuwait-ministers': 'KWT',
  'kosovo-cabinet': 'XKX',
  'kiribati-ministers': 'KIR',
  'kyrgyzstan-ministers': 'KGZ',
  'lesotho-ministers': 'LSO',
  lithuania: 'LTU',
  'luxembourg-cabinet': 'LUX',
  'latvia-cabinet': 'LVA',
  'liechtenstein-ministers': 'LIE',
  'liberia-ministers': 'LBR',
  mozambique: 'MOZ',
  'mexico-ministers': 'MEX',
  'montenegro-cabinet': 'MNE',
  'malaysia-ministers': 'MYS',
  'malta-ministers': 'MLT',
  'mongolia-ministers': 'MNG',
  'malawi-ministers': 'MWI',
  'micronesia-ministers': 'FSM',
  'maldives-ministers': 'MDV',
  'marshall-islands-ministers': 'MHL',
  mauritania: 'MRT',
  'mauritius-ministers': 'MUS',
  'moldova-ministers': 'MDA',
  'morocco-ministers': 'MAR',
  'myanmar-ministers': 'MMR',
  nigeria: 'NGA',
  'norway-cabinet': 'NOR',
  'new-zealand-cabinet': 'NZL',
  'north-macedonia-ministers': 'MKD',
  'nepal-ministers': 'NPL',
  'netherlands-cabinet': 'NLD',
  'niger-ministers': 'NER',
  'north-korea': 'PRK',
  oman: 'OMN',
  'philippines-ministers': 'PHL',
  'pakistan-ministers': 'PAK',
  'portugal-cabinet': 'PRT',
  'papua-new-guinea': 'PNG',
  'panama-ministers': 'PAN',
  'paraguay-ministers': 'PRY',
  'poland-cabinet': 'POL',
  'russia-cabinet': 'RUS',
  'romania-cabinet': 'ROU',
  'rwanda-ministers': 'RWA',
  sudan: 'SDN',
  'south-korea-ministers': 'KOR',
  'south-sudan': 'SSD',
  'south-africa-cabinet': 'ZAF',
  'sri-lanka-cabinet': 'LKA',
  'senegal-ministers': 'SEN',
  'singapore-ministers': 'SGP',
  'slovenia-cabinet': 'SVN',
  'somalia-cabinet': 'SOM',
  'st-lucia-cabinet': 'LCA',
  'sweden-cabinet': 'SWE',
  'solomons-ministers': 'SLB',
  'spain-ministers': 'ESP',
  'swiss-federal-council': 'CHE',
  'san-marino-ministers': 'SMR',
  'sierra-leone': 'SLE',
  'slovakia-cabinet': 'SVK',
  'st-vincent-and-the-grenadines': 'VCT',
  'sao-tome-and-principe': 'STP',
  'saudi-ministers': 'SAU',
  'serbia-ministers': 'SRB',
  'st-kitts-and-nevis-cabinet': 'KNA',
  suriname: 'SUR',
  syria: 'SYR',
  'turkey-ministers': 'TUR',
  taiwan: 'TWN',
  togo: 'TGO',
  'tonga-ministers': 'TON',
  'tanzania-ministers': 'TZA',
  'tunisia-ministers': 'TUN',
  'trinidad-and-tobago-cabinet': 'TTO',
  'tuvalu-ministers': 'TUV',
  'tajikistan-ministers': 'TJK',
  'timor-leste-ministers': 'TLS',
  turkmenistan: 'TKM',
  'us-cabinet': 'USA',
  'united-kingdom-cabinet': 'GBR',
  'ukraine-cabinet': 'UKR',
  'uae-ministers': 'ARE',
  'uzbekistan-ministers': 'UZB',
  'uruguay-ministers': 'URY',
  'uganda-ministers': 'UGA',
  vietnam: 'VNM',
  venezuela: 'VEN',
  'vanuatu-cabinet': 'VUT',
  yemen: 'YEM',
  zimbabwe: 'ZWE',
  'zambia-ministers': 'ZMB',
};

const cleanName = (s) =>
  s
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();

function cabinets(people) {
  const seenQid = new Map();
  for (const [name, country] of Object.entries(REPOS)) {
    const repo = `every-politician-scrapers+${name}`;
    const commit = git(repo, 'rev-parse', 'HEAD').trim().slice(0, 12);
    const rows = parseCsv(git(repo, 'show', 'HEAD:html/holders21.csv'));
    const byId = new Map();
    for (const r of rows) {
      const person = cleanName(r.person ?? '');
      if (!/^Q\d+$/.test(r.personID) || person.length < 2 || /^Q\d+$/.test(person) || !/[A-Za-z]/.test(person)) continue;
      const code = sectorOf(r.position);
      if (!code || DIPLOMATS?.test(r.position)) continue;
      const role = { code: country + code, title: r.position.replace(/^./, (c) => c.toUpperCase()), from: isoDate(r.start, false), to: isoDate(r.end, true) };
      if (role.to && role.to < CUTOFF) continue;
      if (role.from && role.to && role.to <= role.from) continue;
      const p = byId.get(r.personID) ?? { person, enwiki: cleanName(r.enwiki ?? ''), roles: [] };
      if (!p.roles.some((o) => o.title === role.title && o.from === role.from)) p.roles.push(role);
      byId.set(r.personID, p);
    }
    for (const [qid, p] of byId) {
      const first = seenQid.get(qid);
      if (first) {
        // One person in two countries' lists (a co-prince, a minister listed twice): one entry, each role its own code.
        for (const r of p.roles) if (!first.roles.some((o) => o.code === r.code && o.title === r.title && o.from === r.from)) first.roles.push(r);
        continue;
      }
      const aliases = [...new Set([asciiName(p.person), p.enwiki, asciiName(p.enwiki)].filter((a) => a && a.length >= 2 && a !== p.person))];
      p.roles.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
      people.add(
        'wikidata-cabinets.jsonl',
        country,
        p.person,
        aliases,
        p.roles,
        `Wikidata (CC0) via every-politician-scrapers/${name} html/holders21.csv @${commit}, ${qid}`,
      );
      seenQid.set(qid, p);
    }
  }
}

const HEADERS = {
  'us-congress.jsonl': [
    '# people: members of the 119th US Congress (with their earlier terms since 1990 and leadership roles) and US presidents and vice-presidents since 1989',
    '# generated by scripts/data/people.mjs from unitedstates/congress-legislators (CC0 1.0); do not edit by hand, re-run the script',
    "# to null: in office at the data set's date; consecutive terms of one seat are one role",
  ],
  'wikidata-cabinets.jsonl': [
    '# people: cabinet members, heads of state and government, chiefs of staff, central bankers, speakers, judges and regional governors of 177 countries, 1990 on',
    '# generated by scripts/data/people.mjs from Wikidata (CC0) position-held statements as collected by the every-politician-scrapers repositories; do not edit by hand',
    '# to null: in office when the source snapshot was taken (2022-2023; see the commit in each source); YYYY-01-01/YYYY-12-31 stand for a year-only date',
  ],
};

function main() {
  const people = new People(takenNames(OUT));
  congress(people);
  cabinets(people);
  for (const file of Object.keys(HEADERS)) {
    const entries = people.entries(file).sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
    const lines = entries.map(({ file: _f, ...e }) => JSON.stringify(e));
    writeFileSync(join(OUT, file), [...HEADERS[file], ...lines].join('\n') + '\n');
    const roles = entries.reduce((n, e) => n + e.roles.length, 0);
    console.log(`${file}: ${entries.length} people, ${roles} roles`);
  }
  console.log(`skipped (already in another people file): ${people.skipped}`);
}

main();
