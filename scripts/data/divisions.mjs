#!/usr/bin/env node
// Generates data/actors/divisions.ndjson: every first-level subdivision of ISO 3166-2 (a subdivision whose parent is a
// country), with its country's alpha-3 code, the ISO name, English and short forms, and the source of each entry.
// Facts only; no code is taken from the packages read.
//
// Sources (npm packages unpacked outside the repository; both MIT, licence file in the package):
//   iso-3166@4.4.0 (wooorm): 2.js `iso31662` (code, name, parent) and 1-a2-to-1-a3.js (alpha-2 -> alpha-3).
//   country-region-data@4.1.0 (Benjamin Keen): data.json, English region names with their ISO 3166-2 short codes,
//     used as alternative names where the short code matches.
//   data/places/admin1.ndjson of this project: its English names and aliases join the division of the same name.
// Get them with: npm pack iso-3166@4.4.0 country-region-data@4.1.0, then tar xzf each into its own folder.
// Usage: node scripts/data/divisions.mjs --iso DIR_OF_iso-3166 --crd DIR_OF_country-region-data [--out data/actors/divisions.ndjson]
//
// The .ndjson extension keeps the file out of the dictionary loader (which reads every .jsonl under data/ and would
// not know this kind); fields per schema/dict/divisions.schema.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const ISO = resolve(arg('--iso', '/tmp/data9/package'));
const CRD = resolve(arg('--crd', '/tmp/data9/crd/package'));
const OUT = arg('--out', 'data/actors/divisions.ndjson');

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const ascii = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'");

// Words naming the kind of division; a name ending in one also stands without it ("Amur Oblast" -> "Amur").
const TYPE =
  /\s+(oblast|krai|kray|province|autonomous region|region|state|governorate|prefecture|county|district|department|territory|autonomous okrug|okrug|shi|sheng|municipality|division|emirate|voivodeship|canton|parish)$/i;
// Bare forms too common as words to stand alone.
const GENERIC = new Set([
  'central',
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'capital',
  'upper',
  'lower',
  'coast',
  'lakes',
  'islands',
  'national',
  'federal',
  'city',
  'center',
  'centre',
  'north east',
  'north west',
  'south east',
  'south west',
  'north central',
  'far west',
  'mid west',
  'great',
  'new',
]);

/** Other forms of one ISO name: "Asturias, Principado de", "A / B", "Name (note)", accents folded. */
function forms(name) {
  const out = [name];
  for (const part of name.split(/\s+\/\s+|\s*\/\s*(?=[A-Z])/)) out.push(part);
  for (const s of [...out]) {
    const noParen = s.replace(/\s*\([^)]*\)\s*$/, '').trim();
    out.push(noParen);
    const m = /^(.+?),\s+(.+)$/.exec(noParen);
    if (m && !/ and /.test(m[2])) out.push(m[1], `${m[2]} ${m[1]}`.replace(/\s+de$/, ''));
  }
  for (const s of [...out]) out.push(ascii(s));
  return out.map((s) => s.trim()).filter((s) => s.length >= 2);
}

/** The one admin1.ndjson region whose short alias begins the division's name ("Donetsk" of "Donetska oblast"). */
function stemMatch(regions, names) {
  const hits = regions.filter((r) =>
    r.aliases.some(
      (x) => x.length >= 5 && names.some((n) => fold(n).startsWith(fold(x)) && /^[a-z]{0,4}( oblast| province| state| region)?$/.test(fold(n).slice(x.length))),
    ),
  );
  return hits.length === 1 ? hits[0] : undefined;
}

function uniqueBy(list, key) {
  const seen = new Set();
  return list.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

async function main() {
  const { iso31662 } = await import(pathToFileURL(join(ISO, '2.js')).href);
  const { iso31661Alpha2ToAlpha3: a3 } = await import(pathToFileURL(join(ISO, '1-a2-to-1-a3.js')).href);
  const isoVersion = JSON.parse(readFileSync(join(ISO, 'package.json'), 'utf8')).version;
  const crdVersion = JSON.parse(readFileSync(join(CRD, 'package.json'), 'utf8')).version;
  const english = new Map();
  for (const c of JSON.parse(readFileSync(join(CRD, 'data.json'), 'utf8'))) {
    for (const r of c.regions) if (r.shortCode) english.set(`${c.countryShortCode}-${r.shortCode}`, r.name);
  }
  // A country whose region-data codes disagree with ISO (a name given under another ISO code) lends no names at all.
  const isoByName = new Map(iso31662.map((d) => [`${d.parent}|${fold(d.name)}`, d.code]));
  const unreliable = new Set();
  for (const [code, name] of english) {
    const other = isoByName.get(`${code.slice(0, 2)}|${fold(name)}`);
    if (other && other !== code) unreliable.add(code.slice(0, 2));
  }
  for (const code of [...english.keys()]) if (unreliable.has(code.slice(0, 2))) english.delete(code);
  console.log(`region-data codes disagree with ISO in ${[...unreliable].sort().join(' ') || 'no country'}`);
  const admin1 = readFileSync('data/places/admin1.ndjson', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  const lines = [];
  let withEnglish = 0,
    withAdmin1 = 0;
  for (const d of iso31662) {
    if (d.parent.length !== 2 || !a3[d.parent]) continue;
    const country = a3[d.parent];
    const sources = [`iso-3166 ${isoVersion} (MIT), ${d.code}`];
    const names = forms(d.name);
    const en = english.get(d.code);
    if (en && fold(en) !== fold(d.name)) {
      names.push(...forms(en));
      sources.push(`country-region-data ${crdVersion} (MIT), ${d.code}`);
      withEnglish++;
    }
    const keys = new Set(names.map(fold));
    const a =
      admin1.find((r) => r.country === country && [r.name, ...r.aliases].some((n) => keys.has(fold(n)))) ??
      stemMatch(
        admin1.filter((r) => r.country === country),
        names,
      );
    if (a) {
      names.push(a.name, ...a.aliases.filter((x) => !TYPE.test(` ${x}`) || x.includes(' ')));
      sources.push(`casus data/places/admin1.ndjson, ${a.name}`);
      withAdmin1++;
    }
    const full = uniqueBy(names, fold);
    const bare = uniqueBy(
      full
        .map((n) => n.replace(TYPE, ''))
        .filter((n) => !keys.has(fold(n)) && !full.some((f) => fold(f) === fold(n)) && n.length >= 3 && !GENERIC.has(fold(n))),
      fold,
    );
    lines.push(JSON.stringify({ code: d.code, name: d.name, aliases: full.filter((n) => n !== d.name), bare, country, source: sources.join('; ') }));
  }
  const header = [
    '# casus first-level divisions (ISO 3166-2 subdivisions whose parent is a country): one per line, fields per schema/dict/divisions.schema.json.',
    '# generated by scripts/data/divisions.mjs from iso-3166 (MIT) and country-region-data (MIT); do not edit by hand, re-run the script.',
    '# aliases: other full names (English, folded accents, inverted "X, Y de" forms); bare: the name without its type word, to be used only with one ("Amur" in "Amur region").',
  ];
  writeFileSync(OUT, [...header, ...lines].join('\n') + '\n');
  console.log(`${lines.length} divisions (${withEnglish} with an English name, ${withAdmin1} joined with admin1.ndjson) -> ${OUT}`);
}

main();
