import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, PACKAGE_ROOT } from '../src/lexicon/load.js';
import { parseJsonl, validatorFor, type DictionaryError } from '../src/lexicon/jsonl.js';

interface Division {
  code: string;
  name: string;
  aliases: string[];
  bare: string[];
  country: string;
  source: string;
}
interface Person {
  name: string;
  aliases: string[];
  country: string;
  roles: { code: string; from: string | null; to: string | null }[];
  source: string;
}

const readRows = <T>(file: string, schema: string | null): T[] => {
  const problems: DictionaryError[] = [];
  const validate = schema ? validatorFor(join(PACKAGE_ROOT, 'schema', 'dict', schema)) : null;
  const rows = parseJsonl<T>(readFileSync(file, 'utf8'), file, validate, problems);
  assert.deepEqual(problems.map(String), []);
  return rows.map((r) => r.value);
};
const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const countries = new Set(readRows<{ code: string }>(join(DATA_DIR, 'actors', 'countries.jsonl'), null).map((c) => c.code));

const STAGED = ['us-congress.ndjson', 'wikidata-cabinets.ndjson'];

test('first-level divisions: schema, a known country each, one line per ISO code', () => {
  const rows = readRows<Division>(join(DATA_DIR, 'staging', 'divisions.ndjson'), 'divisions.schema.json');
  assert.ok(rows.length >= 3500, `${rows.length} divisions`);
  assert.equal(new Set(rows.map((d) => d.code)).size, rows.length);
  assert.deepEqual(
    rows.filter((d) => !countries.has(d.country)).map((d) => d.code),
    [],
  );
  const byCode = new Map(rows.map((d) => [d.code, d]));
  assert.equal(byCode.get('US-NH')?.country, 'USA');
  assert.equal(byCode.get('AU-NSW')?.name, 'New South Wales');
  assert.ok(byCode.get('CN-XZ')?.aliases.includes('Tibet'));
  assert.ok(byCode.get('RU-AMU')?.bare.includes('Amur'));
  assert.ok(rows.every((d) => d.source.startsWith('iso-3166 ')));
});

test('generated people files: no entry shares a name or alias with another entry of its country', () => {
  const generated = /^(us-congress|wikidata-cabinets)\.(jsonl|ndjson)#/;
  // The hand-made files are loaded; the generated ones are staged (data/staging/people, not loaded yet).
  const files = [
    ...readdirSync(join(DATA_DIR, 'actors', 'people'))
      .filter((x) => x.endsWith('.jsonl'))
      .sort()
      .map((f) => join(DATA_DIR, 'actors', 'people', f)),
    ...STAGED.map((f) => join(DATA_DIR, 'staging', 'people', f)),
  ];
  assert.ok(files.length >= 4, `${files.length} people files`);
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const file of files) {
    const f = file.slice(file.lastIndexOf('/') + 1);
    readRows<Person>(file, 'people.schema.json').forEach((p, i) => {
      const id = `${f}#${i}`;
      for (const n of new Set([p.name, ...p.aliases].map(fold))) {
        const key = `${p.country}|${n}`;
        const other = seen.get(key);
        if (other && other !== id && (generated.test(other) || generated.test(id))) clashes.push(`${key} (${other}, ${id})`);
        seen.set(key, id);
      }
    });
  }
  assert.deepEqual(clashes, []);
});

test('generated people: roles carry a country code and dates in order, sources name their record', () => {
  for (const f of STAGED) {
    const rows = readRows<Person>(join(DATA_DIR, 'staging', 'people', f), 'people.schema.json');
    assert.ok(rows.length > 500, f);
    for (const p of rows) {
      assert.match(p.source, /(bioguide [A-Z]\d{6}|, Q\d+)/, p.name);
      for (const r of p.roles) {
        assert.ok(countries.has(r.code.slice(0, 3)), `${p.name} ${r.code}`);
        assert.ok(!r.from || !r.to || r.from < r.to, `${p.name} ${r.from} ${r.to}`);
        assert.ok(!r.to || r.to >= '1990-01-01', `${p.name} ${r.to}`);
      }
    }
  }
});
