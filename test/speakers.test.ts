import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code, type Quote } from '../src/index.js';

// Sentences written for these tests; each checks one rule for who says a quotation or reported statement.
const quotes = (text: string): Quote[] => code({ id: 's', text, date: '2022-03-01' })[0]!.quotes;
/** The quote of `text` that `pick` chooses (`what` names it in the failure message). */
const quoteOf = (text: string, pick: (q: Quote) => boolean, what: string): Quote => {
  const qs = quotes(text);
  const q = qs.find(pick);
  assert.ok(q, `no quote ${what} among ${JSON.stringify(qs.map((x) => x.text))}`);
  return q;
};
/** The speaker's text of the quote whose text starts with `start`. */
const speakerOf = (text: string, start: string): string | null => quoteOf(text, (x) => x.text.startsWith(start), `starting "${start}"`).speaker?.text ?? null;

test('a party label in brackets between the name and the verb: "Rep. Jane Doe (D-Ohio) said"', () => {
  const text = 'The vote was close. "This bill will not pass the Senate," Rep. Helen Marsh (D-Ohio) said on Tuesday.';
  assert.match(speakerOf(text, 'This bill') ?? '', /Helen Marsh/);
});

test("an abbreviation's full stop inside the brackets does not end the sentence", () => {
  const text = 'Rep. Owen Tiller (R-Fla.) said the hearing was a waste of time.';
  assert.match(speakerOf(text, 'the hearing') ?? '', /Owen Tiller/);
});

test('asides between the subject and the verb are skipped: age, place, relative clause', () => {
  const text = 'Greta Holm, 61, of Duluth, who has voted in every election since 1980, said the new rules confuse older voters.';
  assert.match(speakerOf(text, 'the new rules') ?? '', /Greta Holm/);
});

test('"X, the union\'s president, told reporters": the addressee after "told" is not the speaker', () => {
  const text = '"We are ready to strike," Paul Okafor, the union\'s president, told reporters.';
  assert.match(speakerOf(text, 'We are ready') ?? '', /Paul Okafor/);
});

test('"X did Y and said ...": the speaker is the subject of the first verb', () => {
  const text = 'Mayor Lena Ruiz visited the flooded district on Monday and said the city would pay for the repairs.';
  assert.match(speakerOf(text, 'the city would pay') ?? '', /Lena Ruiz/);
});

test('"X, who said ...": the antecedent of the relative pronoun speaks', () => {
  const text = 'The plan was drafted by Omar Haddad, who said it would cut emissions by half before 2040.';
  assert.match(speakerOf(text, 'it would cut') ?? '', /Omar Haddad/);
});

test('an inverted cue takes any noun phrase after it: "..., said a spokesman for the port authority"', () => {
  const text = 'The cranes will stay idle until the strike ends, said a spokesman for the port authority.';
  assert.match(speakerOf(text, 'The cranes') ?? '', /spokesman/);
});

test('a noun phrase no dictionary knows can be the speaker: "the report says"', () => {
  const text = 'The annual report says most rural clinics lack a full-time doctor.';
  assert.match(speakerOf(text, 'most rural clinics') ?? '', /report/);
});

test('"according to" an uncoded source names it', () => {
  const text = 'Turnout fell to 41 percent in the northern districts, according to early estimates.';
  assert.match(speakerOf(text, 'Turnout fell') ?? '', /early estimates/);
});

test('the passive agent of a speech verb: "was written by X"', () => {
  const text = '"The river remembers everything" was written by Ada Stromberg in 1921.';
  assert.match(speakerOf(text, 'The river') ?? '', /Ada Stromberg/);
});

test('a speech verb in the previous sentence does not claim the next quotation', () => {
  const text = 'Officials said little. "We will rebuild every school," Governor Ruth Bakker said in a statement.';
  assert.match(speakerOf(text, 'We will rebuild') ?? '', /Ruth Bakker/);
});

test('a quotation with no speech verb belongs to the subject of the sentence, not a place before it', () => {
  const text = 'At a rally in Denver on Friday, Senator Mark Ellison called the tax plan "a gift to landlords."';
  assert.match(speakerOf(text, 'a gift') ?? '', /Mark Ellison/);
});

test('a transcript label inside the quotation names the speaker', () => {
  const text = 'Senator Anna Kowalski spoke to the host on Sunday.\n\n"KOWALSKI: The budget is a disgrace and I will vote against it."';
  assert.match(speakerOf(text, 'KOWALSKI') ?? '', /Kowalski/);
});

test("a dash after a quotation, as in a list of readers' reactions, names the speaker", () => {
  const text = '“We will not give up on this town.” ― Maria Lopez\n\n“Nobody listens to us anymore.” ― Tom Brennan';
  assert.match(speakerOf(text, 'We will not') ?? '', /Lopez/);
  assert.match(speakerOf(text, 'Nobody listens') ?? '', /Brennan/);
});

test('reported content runs past a nested speech verb to the end of the sentence', () => {
  const qs = quotes('The minister said the inspectors reported no damage to the reactor building.');
  const outer = qs.find((q) => q.cue?.text === 'said');
  assert.ok(outer, JSON.stringify(qs));
  assert.match(outer.text, /reactor building$/);
});

test('a time or a prepositional phrase between subject and verb is not the speaker', () => {
  assert.match(speakerOf('Northwind Airlines this month announced it would close the Rotterdam depot.', 'it would close') ?? '', /Northwind Airlines/);
  assert.match(speakerOf('Federal prosecutors in April charged two developers with fraud.', 'two developers') ?? '', /prosecutors/);
});

test('a quantifier can be the speaker: "not everyone agrees"', () => {
  assert.match(speakerOf('Not everyone agrees that the bridge should be rebuilt.', 'the bridge') ?? '', /everyone/);
});

test('a question closing its own sentence is claimed by the short cue sentence after it', () => {
  const text = 'The hearing grew tense. “Why is this bank still too big to manage?” Harlan Voss demanded. Nobody answered.';
  assert.match(speakerOf(text, 'Why is this bank') ?? '', /Harlan Voss/);
});

test('a time after an inverted cue is not the speaker: "X, an aide, said Thursday"', () => {
  const text = '“The talks are over,” Lars Wendt, a senior aide, said Thursday morning on state radio.';
  assert.match(speakerOf(text, 'The talks') ?? '', /Lars Wendt/);
});

test('a coordinated cue ends the content before it: "X said A, but she warned B"', () => {
  const qs = quotes('Mayor Ines Corbett said the budget was balanced, but she warned that property taxes would rise next year.');
  const said = qs.find((q) => q.cue?.text === 'said');
  const warned = qs.find((q) => q.cue?.text === 'warned');
  assert.ok(said && warned, JSON.stringify(qs.map((q) => q.text)));
  assert.doesNotMatch(said.text, /taxes/);
  assert.match(warned.text, /property taxes would rise/);
});

test("two apostrophes mark a quotation as in some newspaper copy: ''...,'' said X", () => {
  const text = "''We cannot keep the clinic open past June,'' said Dr. Priya Natarajan. She did not say more.";
  const q = quotes(text).find((x) => x.direct);
  assert.ok(q, JSON.stringify(quotes(text)));
  assert.equal(q.text, 'We cannot keep the clinic open past June,');
  assert.match(q.speaker?.text ?? '', /Natarajan/);
});

test('a surname the tagger reads as a verb still names the person met earlier: "Lynch said"', () => {
  const text = 'Attorney General Loretta Lynch spoke in May. Lynch said her colleague had not worked on the case.';
  assert.match(speakerOf(text, 'her colleague') ?? '', /Lynch/);
});

test('a curly opening quote closed by a straight mark ends there, so the cue after it counts', () => {
  const text = '“Deals should not be required," Chairman Rolf Haugen said in a statement.';
  const q = quotes(text).find((x) => x.direct);
  assert.equal(q?.text, 'Deals should not be required,');
  assert.match(q?.speaker?.text ?? '', /Rolf Haugen/);
});

test('an opening participle phrase has the subject of the clause after its comma', () => {
  const text = 'Writing for the Herald, Mark Ostrander noted that the debate was dull.';
  assert.match(speakerOf(text, 'the debate was dull') ?? '', /Mark Ostrander/);
});

/** The speaker's entity name of the quote containing `part`. */
const speakerNameOf = (text: string, part: string): string | null => quoteOf(text, (x) => x.text.includes(part), `with "${part}"`).speaker?.name ?? null;

test('"she" skips a man named after the woman (first names)', () => {
  const text = 'Senator Margaret Holloway met Governor Peter Lindqvist in Denver on Monday. "We settled nothing today," she said.';
  assert.equal(speakerNameOf(text, 'We settled nothing'), 'Margaret Holloway');
});

test('"he" skips a woman known by her honorific', () => {
  const text = 'Mr. Okafor, the union leader, spoke after Mrs. Brandt left the hall. "The strike goes on," he told reporters.';
  assert.match(speakerNameOf(text, 'The strike goes on') ?? '', /Okafor/);
});
