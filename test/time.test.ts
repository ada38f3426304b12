import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code } from '../src/index.js';
import { dateOfVerb, findDates } from '../src/time/index.js';

// 2020-01-11 is a Saturday.
const PUB = '2020-01-11';

const one = (text: string, pub: string | null = PUB): { date: string | null; precision: string | null; impossible: boolean } => {
  const found = findDates(text, pub);
  assert.equal(found.length, 1, `one time expression in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`);
  return found[0]!;
};

test('weekdays are the most recent such day on or before publication', () => {
  assert.equal(dateOfVerb('On Sunday, the Iraqi parliament passed a resolution.', PUB, 'passed').date, '2020-01-05');
  assert.equal(dateOfVerb('On Friday, the U.S. State Department dismissed the request.', PUB, 'dismissed').date, '2020-01-10');
  assert.equal(one('The envoy arrived on Saturday.').date, '2020-01-11');
  assert.equal(one('Talks collapsed last Saturday.').date, '2020-01-04');
  assert.equal(one('The ministers will meet next Monday.').date, '2020-01-13');
});

test('relative days, weeks, months and years', () => {
  assert.deepEqual([one('Rebels shelled the town yesterday.').date, one('Rebels shelled the town today.').date], ['2020-01-10', '2020-01-11']);
  const lastWeek = one('The army withdrew last week.');
  assert.deepEqual([lastWeek.date, lastWeek.precision], ['2020-01-04', 'day']);
  assert.deepEqual(
    { ...one('Protests spread earlier this month.') },
    { text: 'earlier this month', start: 16, end: 34, date: '2020-01-01', precision: 'month', impossible: false },
  );
  assert.deepEqual([one('The treaty lapsed last month.').date, one('The treaty lapsed last month.').precision], ['2019-12-01', 'month']);
  assert.deepEqual([one('Elections are due this year.').date, one('Elections are due this year.').precision], ['2020-01-01', 'year']);
  assert.equal(one('The border closed three days ago.').date, '2020-01-08');
});

test('explicit days in their usual spellings', () => {
  for (const text of [
    'Fighting resumed on Dec. 19, 2019.',
    'Fighting resumed on December 19, 2019.',
    'Fighting resumed on 19 December.',
    'Fighting resumed on Dec 19.',
    'Fighting resumed on 2019-12-19.',
  ]) {
    const d = one(text);
    assert.deepEqual([d.date, d.precision], ['2019-12-19', 'day'], text);
  }
  assert.equal(one('The vote is set for January 20.').date, '2020-01-20');
});

test('months and years keep an old date with a coarser precision', () => {
  assert.deepEqual([one('The rebels seized the port in March.').date, one('The rebels seized the port in March.').precision], ['2019-03-01', 'month']);
  assert.deepEqual(
    [one('The rebels seized the port in March 2019.').date, one('The rebels seized the port in March 2019.').precision],
    ['2019-03-01', 'month'],
  );
  assert.deepEqual([one('The two states fought a war in 1988.').date, one('The two states fought a war in 1988.').precision], ['1988-01-01', 'year']);
  const invasion = dateOfVerb('Officials defended the 2003 invasion.', PUB, 'invasion');
  assert.deepEqual([invasion.date, invasion.precision, invasion.text], ['2003-01-01', 'year', '2003']);
  // The year belongs to the noun it modifies, not to the verb of the sentence.
  assert.equal(dateOfVerb('Officials defended the 2003 invasion on Tuesday.', PUB, 'defended').date, '2020-01-07');
});

test('the governing expression is the one in the verb clause', () => {
  const text = 'Iran fired missiles on Wednesday after the U.S. killed a general on Friday.';
  assert.equal(dateOfVerb(text, PUB, 'fired').date, '2020-01-08');
  assert.equal(dateOfVerb(text, PUB, 'killed').date, '2020-01-10');
  // A semicolon separates clauses: Monday dates only the second one.
  assert.equal(dateOfVerb('Iran attacked the base; on Monday the U.S. responded.', PUB, 'attacked').from, 'publication');
  // A time in a relative clause about something else does not date the main verb.
  assert.equal(dateOfVerb('The militia, which was founded in 1988, attacked the base.', PUB, 'attacked').from, 'publication');
  // A fronted time still dates the verb across a subject with its own conjunction.
  assert.equal(dateOfVerb('On Sunday, Russia and Turkey agreed to a truce.', PUB, 'agreed').date, '2020-01-05');
});

test('impossible dates are not used; relative ones need a publication date', () => {
  const bad = one('The council met on February 30.');
  assert.deepEqual([bad.date, bad.impossible], [null, true]);
  assert.deepEqual(dateOfVerb('The council met on Sunday.', null, 'met'), { date: null, precision: null, from: null, text: null });
  assert.equal(dateOfVerb('The council met on Dec. 19, 2019.', null, 'met').date, '2019-12-19');
});

test('through code(): text dates, publication dates, and warnings', () => {
  const [doc] = code({ id: 't', text: 'Putin met Erdogan in Sochi on Tuesday.', date: PUB });
  const ev = doc!.events.find((e) => e.verb.text === 'met');
  assert.ok(ev, 'an event is coded for "met"');
  assert.deepEqual([ev.date, ev.datePrecision, ev.dateFrom], ['2020-01-07', 'day', 'text']);
  assert.equal(doc!.text.slice(ev.dateSpan!.start, ev.dateSpan!.end), 'Tuesday');

  const [plain] = code({ id: 't', text: 'Putin met Erdogan in Sochi.', date: PUB });
  const e2 = plain!.events[0]!;
  assert.deepEqual([e2.date, e2.datePrecision, e2.dateFrom, e2.dateSpan], [PUB, 'day', 'publication', null]);

  const [undated] = code({ id: 't', text: 'Putin met Erdogan in Sochi on Tuesday.' });
  const e3 = undated!.events[0]!;
  assert.deepEqual([e3.date, e3.datePrecision, e3.dateFrom, e3.dateSpan], [null, null, null, null]);

  const [bad] = code({ id: 't', text: 'Putin met Erdogan on February 30.', date: PUB });
  const warning = bad!.messages.find((m) => m.code === 'date-impossible');
  assert.ok(warning, 'a date-impossible warning');
  assert.equal(warning.level, 'warning');
  assert.equal(bad!.text.slice(warning.start!, warning.end!), 'February 30');
  assert.ok(bad!.events.length > 0, 'Putin met Erdogan is an event');
  for (const e of bad!.events) assert.equal(e.dateFrom, 'publication');
});

test('an expression in another sentence does not govern', () => {
  const [doc] = code({ id: 't', text: 'Putin met Erdogan in Sochi. The summit had been planned on Friday.', date: PUB });
  const ev = doc!.events.find((e) => e.verb.text === 'met');
  assert.ok(ev);
  assert.equal(ev.dateFrom, 'publication');
});
