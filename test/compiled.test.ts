import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeGraph, encodeGraph } from '../src/compiled/graph.js';
import { buildEnglish, loadEnglish } from '../src/language/english-pack.js';
import { compileLexicon, loadLexicon, readDictionaries } from '../src/lexicon/load.js';
import { buildGazetteer, loadGazetteer } from '../src/place/gazetteer-pack.js';
import { RangeTable, hashOf } from '../src/language/range-table.js';

test('the graph form keeps maps, sets, shared objects, undefined and null-prototype objects', () => {
  const person = { name: 'Ayse Demir', roles: ['minister'] };
  const bare = Object.create(null) as object;
  Reflect.set(bare, 'constructor', 1);
  const value = { people: new Map([['demir', [person]]]), first: person, words: new Set(['talks', 'truce']), gap: undefined, zero: -0, bare, $odd: 2 };
  const back = decodeGraph(JSON.parse(JSON.stringify(encodeGraph(value)))) as typeof value;
  assert.deepEqual(back.people.get('demir'), [person]);
  assert.equal(back.people.get('demir')![0], back.first);
  assert.deepEqual([...back.words], ['talks', 'truce']);
  assert.ok('gap' in back && back.gap === undefined);
  assert.ok(Object.is(back.zero, -0));
  assert.equal(Object.getPrototypeOf(back.bare), null);
  assert.equal(Reflect.get(back.bare, 'constructor'), 1);
  assert.equal(back.$odd, 2);
  assert.throws(() => encodeGraph({ when: new Date(0) }));
});

test('the compiled dictionaries are the Lexicon compiled from data/', () => {
  const compiled = loadLexicon();
  const fresh = compileLexicon(readDictionaries());
  const form = (l: typeof compiled): string => JSON.stringify(encodeGraph({ ...l, stats: { ...l.stats, loadMs: 0 } }));
  assert.equal(form(compiled), form(fresh));
  assert.equal(compiled.version, fresh.version);
});

test('the compiled English lexicon and gazetteer are the tables built from their packages', () => {
  const same = (a: object, b: object): void => {
    for (const [k, v] of Object.entries(a)) assert.deepEqual(v, (b as Record<string, unknown>)[k], k);
  };
  same(loadEnglish(), buildEnglish());
  same(loadGazetteer(), buildGazetteer());
});

test('a cache generation grows past its first size and keeps every entry', () => {
  const t = new RangeTable<number>(5000);
  const words = Array.from({ length: 4000 }, (_, i) => `w${i}`);
  words.forEach((w, i) => t.set(w, hashOf(w), i));
  const text = words.join(' ');
  let at = 0;
  words.forEach((w, i) => {
    assert.equal(t.get(text, at, at + w.length, hashOf(w)), i);
    at += w.length + 1;
  });
  assert.equal(t.size, 4000);
});
