import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code, type Actor, type Event } from '../src/index.js';

// Sentences written for these tests: each checks how far an event actor's phrase (its text span) reaches.
const events = (text: string): Event[] => code({ id: 'p', text, date: '2022-03-01' })[0]!.events.filter((e) => !e.negated);
const phrase = (a: Actor | null): string | undefined => a?.phrase?.text;

/** The phrase must be a real slice of the text and, apart from pronouns, contain the mention. */
function checkSpan(text: string, a: Actor | null): void {
  assert.ok(a?.phrase, 'the actor has a phrase');
  assert.equal(text.slice(a.phrase.start, a.phrase.end), a.phrase.text);
  assert.ok(a.phrase.start <= a.start && a.phrase.end >= a.end, `phrase "${a.phrase.text}" does not hold "${a.text}"`);
}

test('a possessor and the noun it owns make one phrase', () => {
  const text = "The Iraqi parliament's foreign affairs committee condemned the Turkish airstrikes.";
  const [e] = events(text);
  assert.ok(e);
  assert.equal(phrase(e.source), "The Iraqi parliament's foreign affairs committee");
  assert.equal(phrase(e.target), 'the Turkish airstrikes');
  checkSpan(text, e.source);
  checkSpan(text, e.target);
});

test('the target phrase keeps the owned noun: "the government\'s request"', () => {
  const [e] = events("Indonesia rejected the Australian government's request.");
  assert.equal(e?.target?.text, 'Australian government');
  assert.equal(phrase(e?.target ?? null), "the Australian government's request");
});

test('quantities, "of" phrases and a named place belong to the phrase', () => {
  const text = 'Hundreds of protesters in Basra attacked the Iranian consulate.';
  const [e] = events(text);
  assert.equal(phrase(e?.source ?? null), 'Hundreds of protesters in Basra');
  checkSpan(text, e!.source);
  const [k] = events('Gunmen in northern Mali killed at least 12 soldiers.');
  assert.equal(phrase(k?.target ?? null), 'at least 12 soldiers');
});

test('a place phrase with no name in it stays out', () => {
  const [e] = events('Rebels killed 12 soldiers in recent weeks.');
  assert.equal(phrase(e?.target ?? null), '12 soldiers');
});

test('an appositive names the same actor', () => {
  const text = 'Vladimir Putin, the Russian president, met Emmanuel Macron.';
  const es = events(text);
  const e = es.find((x) => x.source?.code === 'RUSGOV');
  assert.ok(e, es.map((x) => phrase(x.source)).join(' | '));
  assert.equal(phrase(e.source), 'Vladimir Putin, the Russian president');
});

test('a reciprocal event between two actors is reported both ways', () => {
  const es = events('Vladimir Putin met Emmanuel Macron.');
  assert.deepEqual(
    es.map((e) => `${e.source?.code}>${e.target?.code}`),
    ['RUSGOV>FRAGOV', 'FRAGOV>RUSGOV'],
  );
  assert.ok(es.every((e) => e.reciprocal));
});

test('partners coordinated in one phrase share it; their mentions tell them apart', () => {
  const es = events('China and the European Union signed a trade deal.');
  assert.deepEqual(es.map((e) => `${e.source?.text}>${e.target?.text}`).sort(), ['China>European Union', 'European Union>China']);
  for (const e of es) {
    assert.equal(phrase(e.source), 'China and the European Union');
    assert.equal(phrase(e.target), 'China and the European Union');
  }
});

test('coordinated actors make one phrase when they act together', () => {
  const [e] = events("Egypt and Jordan's intelligence services arrested a smuggler.");
  assert.equal(phrase(e?.source ?? null), "Egypt and Jordan's intelligence services");
});

test('an uncoded subject with a place phrase before its verb is the source', () => {
  const [e] = events('A roadside bomb in Kandahar killed three police officers.');
  assert.ok(e);
  assert.equal(e.source?.code, null);
  assert.equal(phrase(e.source), 'A roadside bomb in Kandahar');
  // No country on either side: the police are still the target.
  assert.equal(phrase(e.target), 'three police officers');
});

test('"carried out airstrikes": the subject of a light verb with a particle is the source', () => {
  const [e] = events('Turkish jets carried out airstrikes on Kurdish militants.');
  assert.equal(e?.source?.code, 'TURMIL');
});

test('a given thing is no target when a recipient follows "to"', () => {
  const [e] = events('Norway donated tents to earthquake survivors.');
  assert.equal(phrase(e?.target ?? null), 'earthquake survivors');
});

test('a partitive and a number written with a separator belong to the phrase', () => {
  const [e] = events('Some of the protesters attacked the police station.');
  assert.equal(phrase(e?.source ?? null), 'Some of the protesters');
});

test('a participle clause after a comma shares the main subject', () => {
  const es = events('Rebel fighters stormed the town, killing 14 villagers.');
  const kill = es.find((e) => e.verb.text === 'killing');
  assert.ok(kill, es.map((e) => e.verb.text).join(' | '));
  assert.equal(kill.source?.code?.endsWith('REB'), true);
});

test('"X, backed by Y," is a passive: Y backs X', () => {
  const es = events('The Afghan army, backed by American drones, attacked Taliban positions.');
  const back = es.find((e) => e.verb.text === 'backed');
  assert.ok(back);
  assert.equal(back.source?.code, 'USAMIL');
  assert.equal(back.target?.code, 'AFGMIL');
});

test('"following a fire that killed": a preposition, so the fire is not the police\'s act', () => {
  const es = events('Police arrested 300 people following a riot that killed two officers.');
  const kill = es.find((e) => e.verb.text === 'killed');
  assert.ok(kill);
  assert.notEqual(kill.source?.code, 'COP');
});

test('"it" after a country is that country, and its phrase is the antecedent\'s', () => {
  const [e] = events('Kenya said it had expelled two Somali diplomats.');
  assert.equal(e?.source?.text, 'it');
  assert.equal(e?.source?.code, 'KEN');
  assert.equal(phrase(e?.source ?? null), 'Kenya');
});

test('the subject of "renewed" is the source of the embargo it renews', () => {
  const [e] = events('The United Nations renewed the arms embargo on Libya.');
  assert.equal(e?.source?.code, 'IGOUNO');
  assert.equal(e?.target?.code, 'LBY');
});

test('a subject coordinated with an uncoded phrase keeps it in its phrase', () => {
  const [e] = events('The Nigerian navy and the Lagos harbour board have agreed to cooperate.');
  assert.equal(e?.source?.code, 'NGAMIL');
  assert.equal(phrase(e?.source ?? null), 'The Nigerian navy and the Lagos harbour board');
});

test('"and" followed by a subject and its verb opens a new clause', () => {
  const es = events('Russia attacked Ukraine and Belarus condemned the strike.');
  const attack = es.filter((e) => e.root === '19');
  assert.deepEqual(
    attack.map((e) => e.target?.code),
    ['UKR'],
  );
  assert.equal(phrase(attack[0]!.target), 'Ukraine');
  const condemn = es.find((e) => e.root === '11');
  assert.equal(phrase(condemn?.source ?? null), 'Belarus');
});

test('an acronym in brackets is the actor before it, not a subject of its own', () => {
  const es = events('Ghana and the Economic Community of West African States (ECOWAS) signed an agreement.');
  assert.deepEqual(es.map((e) => `${e.source?.code}>${e.target?.code}`).sort(), ['GHA>IGOWAF', 'IGOWAF>GHA']);
  assert.ok(es.every((e) => e.source?.text !== 'ECOWAS'));
  assert.ok(phrase(es[0]!.source)!.endsWith('(ECOWAS)'));
});

test('an amount of money is no actor', () => {
  const es = events('Japan pledged 200 million dollars to rebuild the port.');
  assert.ok(es.length > 0);
  assert.ok(
    es.every((e) => !/dollars/.test(e.target?.text ?? '')),
    es.map((e) => e.target?.text).join(' | '),
  );
});

test('a passive participle with its agent stays in the phrase; so does a hyphenated age', () => {
  const [e] = events('Kenya rejected the peace plan submitted by the African Union.');
  assert.equal(phrase(e?.target ?? null), 'the peace plan submitted by the African Union');
  const [k] = events('Police arrested a 35-year-old teacher.');
  assert.equal(phrase(k?.target ?? null), 'a 35-year-old teacher');
});

test('a title with an "of" phrase before a comma is an appositive to the name after it', () => {
  const [e] = events('The Grand Mufti of Egypt, Sheikh Shawki Allam, condemned the attack on the church.');
  assert.equal(phrase(e?.source ?? null), 'The Grand Mufti of Egypt, Sheikh Shawki Allam');
  // An opening adverbial phrase is no appositive.
  const es = events('Following his visit, Vladimir Putin met Emmanuel Macron.');
  assert.ok(es.length > 0);
  assert.ok(
    es.every((x) => !phrase(x.source)!.includes('visit')),
    es.map((x) => phrase(x.source)).join(' | '),
  );
});
