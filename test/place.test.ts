import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code, loadLexicon } from '../src/index.js';
import type { Location } from '../src/index.js';
import { countryIndex, gazetteerStats, placeOfVerb, resolvePlaceName } from '../src/place/index.js';

const PUB = '2020-01-11';

/** Great-circle distance in km. */
function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

function near(loc: Location | null, lat: number, lon: number, within = 50): void {
  assert.ok(loc, 'a location');
  assert.ok(
    loc.lat !== null && loc.lon !== null && km(loc.lat, loc.lon, lat, lon) <= within,
    `${loc.name} at ${loc.lat},${loc.lon} is within ${within} km of ${lat},${lon}`,
  );
}

// Runs first, in this file's own process: a country needs no gazetteer.
test('the gazetteer is not loaded for documents without city names', () => {
  code({ id: 't', text: 'Turkey shelled positions in Iraq. Putin met Erdogan on Friday.', date: PUB });
  assert.equal(gazetteerStats.loaded, false);
});

const lex = loadLexicon();

test('cities, with their country and admin-1 region', () => {
  const sochi = placeOfVerb('Putin met Erdogan in Sochi on Tuesday.', 'met', lex);
  near(sochi, 43.6, 39.73);
  assert.deepEqual([sochi!.name, sochi!.country, sochi!.precision, sochi!.start, sochi!.end], ['Sochi', 'RUS', 'city', 21, 26]);
  assert.equal(gazetteerStats.loaded, true);

  const bakhmut = placeOfVerb('Russian forces shelled positions near Bakhmut.', 'shelled', lex);
  near(bakhmut, 48.59, 38.0);
  assert.deepEqual([bakhmut!.country, bakhmut!.admin1], ['UKR', 'Donetsk Oblast']);

  near(placeOfVerb('The army struck targets in the northern city of Mosul.', 'struck', lex), 36.34, 43.13);
  assert.equal(placeOfVerb('Troops clashed with militants in Deir ez-Zor.', 'clashed', lex)?.country, 'SYR');
  assert.equal(placeOfVerb('Soldiers fired on crowds in Kiev.', 'fired', lex)?.country, 'UKR');
});

test('disambiguation by population, capitals and the countries mentioned', () => {
  assert.equal(placeOfVerb('Colombian negotiators resumed talks in Havana.', 'resumed', lex)?.country, 'CUB');
  assert.equal(placeOfVerb('American and Russian diplomats met in Geneva.', 'met', lex)?.country, 'CHE');
  assert.equal(placeOfVerb('Ministers met in Paris.', 'met', lex)?.country, 'FRA');
  assert.equal(placeOfVerb('Ukrainian troops shelled Russian positions in Donetsk.', 'shelled', lex)?.country, 'UKR');
});

test('countries and nationalities before a place noun', () => {
  const iraq = placeOfVerb('Turkey shelled positions in Iraq.', 'shelled', lex);
  const row = lex.countries.get('IRQ')!;
  assert.deepEqual(iraq, { name: 'Iraq', country: 'IRQ', admin1: null, lat: row.lat, lon: row.lon, precision: 'country', start: 28, end: 32 });
  const bases = placeOfVerb('Iran fired missiles at two Iraqi bases.', 'fired', lex);
  assert.deepEqual([bases?.country, bases?.precision, bases?.start, bases?.end], ['IRQ', 'country', 27, 32]);
  assert.equal(placeOfVerb('Gunmen burned a Syrian village.', 'burned', lex)?.country, 'SYR');
});

test('admin-1 regions', () => {
  const borno = placeOfVerb('Militants attacked a village in Borno state.', 'attacked', lex);
  assert.deepEqual([borno?.country, borno?.precision, borno?.admin1, borno?.name], ['NGA', 'admin1', 'Borno State', 'Borno state']);
  const idlib = placeOfVerb('Government jets bombed rebels in Idlib province.', 'bombed', lex);
  assert.deepEqual([idlib?.country, idlib?.precision], ['SYR', 'admin1']);
  const donetsk = placeOfVerb('Artillery hit towns in the Donetsk region.', 'hit', lex);
  assert.deepEqual([donetsk?.country, donetsk?.precision], ['UKR', 'admin1']);
  const gaza = placeOfVerb('Israel struck targets in the Gaza Strip.', 'struck', lex);
  assert.deepEqual([gaza?.country, gaza?.precision, gaza?.name], ['PSE', 'admin1', 'Gaza Strip']);
  const anbar = placeOfVerb("Gunmen killed 12 people in Iraq's Anbar province.", 'killed', lex);
  assert.deepEqual([anbar?.country, anbar?.admin1], ['IRQ', 'Anbar Governorate']);
  assert.equal(placeOfVerb('Fighters advanced across Tigray.', 'advanced', lex)?.admin1, 'Tigray Region');
});

test('what does not place an event', () => {
  assert.equal(placeOfVerb('Rebels attacked a convoy from Goma.', 'attacked', lex), null);
  assert.equal(placeOfVerb('Iran attacked the base, which is near Erbil.', 'attacked', lex), null);
  assert.equal(placeOfVerb('The council met in March.', 'met', lex), null);
  assert.equal(placeOfVerb('Iran attacked the base.', 'attacked', lex), null);
  const ix = countryIndex(lex.countries);
  assert.equal(resolvePlaceName('Zzyzxqv', null, ix, new Map()), null);
});

test('through code(): the event location', () => {
  const [doc] = code({ id: 't', text: 'Putin met Erdogan in Sochi on Tuesday.', date: PUB });
  const ev = doc!.events.find((e) => e.verb.text === 'met');
  assert.ok(ev, 'an event is coded for "met"');
  near(ev.location, 43.6, 39.73);
  assert.equal(doc!.text.slice(ev.location!.start, ev.location!.end), 'Sochi');

  const [havana] = code({ id: 't', text: 'Cuban officials met Colombian rebels in Havana on Friday.', date: PUB });
  assert.equal(havana!.events[0]?.location?.country, 'CUB');

  // A place in another sentence does not place the event.
  const [other] = code({ id: 't', text: 'Putin met Erdogan. The summit was held in Sochi.', date: PUB });
  const met = other!.events.find((e) => e.verb.text === 'met');
  assert.ok(met);
  assert.equal(met.location, null);
});
