import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code, type Event } from '../src/index.js';

// Sentences written for these tests: announced, promised and demanded acts (src/events/mood.ts).
const events = (text: string): Event[] => code({ id: 'm', text, date: '2021-06-15' })[0]!.events;
const codes = (text: string): string[] =>
  events(text)
    .filter((e) => !e.negated)
    .map((e) => e.code);

test('a release done is a release; a release announced with "will" is an intent to release', () => {
  assert.deepEqual(codes('Malian rebels released two Algerian engineers.'), ['0841']);
  assert.deepEqual(codes('Malian rebels said they will release two Algerian engineers.'), ['0353']);
});

test('"said it would" is the reported form of "will"', () => {
  assert.deepEqual(codes('Chad said it would withdraw its troops from Niger.'), ['0356']);
});

test('"is willing / ready to" states a will to act', () => {
  assert.deepEqual(codes('Ghana is willing to send peacekeepers to Mali.'), ['0334']);
  assert.deepEqual(codes('Norway is ready to provide aid to Sudan.'), ['033']);
  const refused = events('Norway is not willing to provide aid to Sudan.');
  assert.ok(refused.length > 0 && refused.every((e) => e.penta === 3 || e.negated), refused.map((e) => e.code).join(','));
});

test('"decided to" is the act itself, not a promise', () => {
  assert.deepEqual(codes('Japan decided to lift its sanctions on India.'), ['085']);
});

test('an announced attack is a threat', () => {
  const es = codes('The Turkish army will attack Kurdish militants in Syria.');
  assert.ok(es.length > 0 && es.every((c) => c.startsWith('138')), es.join(','));
});

test('"X said Y must ..." is a demand by X on Y', () => {
  const es = events('Germany said Russia must withdraw its troops from Moldova.');
  assert.equal(es.length, 1);
  assert.equal(es[0]!.code, '1056');
  assert.equal(es[0]!.source?.code, 'DEU');
  assert.equal(es[0]!.target?.code, 'RUS');
});
