import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../src/language/nlp.js';
import { POS, type SentenceSpan, type Tokens } from '../src/language/tokens.js';
import { chunksOf } from '../src/syntax/chunks.js';
import { clauseOf } from '../src/syntax/clauses.js';
import { documentSyntax, syntaxOf } from '../src/syntax/document.js';
import { nounPhraseAround } from '../src/syntax/noun-phrase.js';
import { bareStartBefore, nominalRunEnd } from '../src/syntax/np-runs.js';
import { objectSpanEnd } from '../src/syntax/object-span.js';
import { offsetIndex } from '../src/syntax/offsets.js';
import { isAside, subjectSlot, subjectlessParticiple, type SlotOptions } from '../src/syntax/subject.js';

// Sentences written for these tests; each checks one piece of the syntax layer on the tokens the tagger gives.

function parse(text: string): { t: Tokens; sentences: SentenceSpan[] } {
  const { tokens: t, sentences } = tokenize(text);
  return { t, sentences: sentences.map(([first, last]) => ({ first, last, start: t.start[first]!, end: t.end[last - 1]! })) };
}
const at = (t: Tokens, word: string): number => {
  const i = t.value.indexOf(word);
  assert.ok(i >= 0, `no token "${word}"`);
  return i;
};
const slice = (text: string, t: Tokens, first: number, last: number): string => text.slice(t.start[first]!, t.end[last - 1]!);

test('the offset index answers the three questions the stages ask', () => {
  const text = 'Rebels seized the town on Monday.';
  const { t } = parse(text);
  const ix = offsetIndex(t);
  const seized = at(t, 'seized');
  // Inside a word: the token holding the offset, the next token to start, the token ending after it.
  const inside = t.start[seized]! + 3;
  assert.equal(ix.tokenAt(inside), seized);
  assert.equal(ix.firstStartingFrom(inside), seized + 1);
  assert.equal(ix.firstStartingFrom(t.start[seized]!), seized);
  assert.equal(ix.firstEndingAfter(inside), seized);
  assert.equal(ix.firstEndingAfter(t.end[seized]!), seized + 1);
  // Past the text: no token starts there; before it, token 0.
  assert.equal(ix.firstStartingFrom(text.length + 5), t.n);
  assert.equal(ix.tokenAt(text.length + 5), t.n - 1);
  assert.equal(ix.firstEndingAfter(text.length), t.n);
});

test("a document's clauses are split once, and a subordinate clause is told from the main one", () => {
  const text = 'The army shelled the town after rebels attacked a convoy. Talks resumed.';
  const { t, sentences } = parse(text);
  assert.equal(sentences.length, 2);
  const doc = { tokens: t, sentences };
  const syntax = syntaxOf(doc);
  assert.equal(syntaxOf(doc), syntax, 'the syntax is kept on the document');
  const clauses = syntax.clauses(0);
  assert.equal(syntax.clauses(0), clauses, 'the clauses of a sentence are split once');
  const shelled = clauseOf(clauses, at(t, 'shelled'));
  const attacked = clauseOf(clauses, at(t, 'attacked'));
  assert.notEqual(shelled, attacked);
  assert.equal(clauses.sub[shelled], false);
  assert.equal(clauses.sub[attacked], true);
  assert.notEqual(documentSyntax(t, sentences).clauses(0), clauses, 'another syntax object splits again');
});

test('a noun phrase grows over a quantity and a place phrase with a name in it', () => {
  const text = 'At least 75 protesters in Baghdad marched on Tuesday.';
  const { t } = parse(text);
  const head = at(t, 'protesters');
  const np = nounPhraseAround(t, head, head + 1, 0, t.n);
  assert.equal(slice(text, t, np.first, np.last), 'At least 75 protesters in Baghdad');
});

test('a noun phrase takes its possessor, and names joined by "and" before a shared verb', () => {
  const text1 = "Israel's military shelled the town.";
  const p1 = parse(text1);
  const israel = at(p1.t, 'Israel');
  const np1 = nounPhraseAround(p1.t, israel, israel + 1, 0, p1.t.n);
  assert.equal(slice(text1, p1.t, np1.first, np1.last), "Israel's military");
  const text2 = 'Egypt and Jordan have agreed to talks.';
  const p2 = parse(text2);
  const jordan = at(p2.t, 'Jordan');
  const np2 = nounPhraseAround(p2.t, jordan, jordan + 1, 0, p2.t.n);
  assert.equal(slice(text2, p2.t, np2.first, np2.last), 'Egypt and Jordan');
});

test('an appositive set off by commas belongs to the phrase before it', () => {
  const text = 'Jane Doe, the party leader, said the vote was lost.';
  const { t } = parse(text);
  const np = nounPhraseAround(t, at(t, 'Jane'), at(t, 'Doe') + 1, 0, t.n);
  assert.equal(slice(text, t, np.first, np.last), 'Jane Doe, the party leader');
});

test('the bare walks stop at a name before the phrase and need a noun at the end', () => {
  const text = "Reporters read the party's new bylaws quickly.";
  const { t } = parse(text);
  const bylaws = at(t, 'bylaws');
  assert.equal(
    slice(
      text,
      t,
      bareStartBefore(t, bylaws, 0, () => false),
      bylaws + 1,
    ),
    "the party's new bylaws",
  );
  // A name at "party" stops the walk there, unless a possessor joins them: "'s" follows it, so the walk goes on.
  const party = at(t, 'party');
  assert.equal(
    bareStartBefore(t, bylaws, 0, (k) => k === party),
    at(t, 'the'),
  );
  const neu = at(t, 'new');
  assert.equal(
    bareStartBefore(t, bylaws, 0, (k) => k === neu),
    bylaws,
  );
  assert.equal(nominalRunEnd(t, neu, t.n), bylaws + 1);
  assert.equal(nominalRunEnd(t, at(t, 'quickly'), t.n), -1);
});

const QUOTES = /^["“”]$/;
const modifiers: SlotOptions = {
  skip: 'modifiers',
  quoteMark: QUOTES,
  relatives: new Set(['who']),
  relativeTags: new Set([POS.PRON]),
  coordinators: null,
  infinitive: true,
};
const punctuation: SlotOptions = { ...modifiers, skip: 'punctuation', coordinators: new Set(['and']), relativeTags: null, infinitive: false };

test('the subject slot passes an aside only when the reading asks for it', () => {
  const text = 'Jane Doe, the party leader, said the vote was lost.';
  const { t } = parse(text);
  const said = at(t, 'said');
  const withAsides = { ...modifiers, aside: (s: number, e: number) => isAside(text, t, s, e) };
  assert.deepEqual(subjectSlot(t, said, 0, withAsides), { kind: 'phrase', at: at(t, 'Doe') });
  assert.deepEqual(subjectSlot(t, said, 0, punctuation), { kind: 'phrase', at: at(t, 'leader') });
});

test('the subject slot finds a relative pronoun, a conjunction and an infinitive', () => {
  const text = 'The envoy, who arrived late and spoke briefly, refused to comment.';
  const { t } = parse(text);
  assert.equal(subjectSlot(t, at(t, 'arrived'), 0, modifiers).kind, 'relative');
  assert.deepEqual(subjectSlot(t, at(t, 'spoke'), 0, modifiers), { kind: 'coordinated', at: at(t, 'and') });
  assert.deepEqual(subjectSlot(t, at(t, 'comment'), 0, modifiers), { kind: 'infinitive', at: at(t, 'to') });
  assert.equal(subjectSlot(t, at(t, 'comment'), 0, punctuation).kind, 'phrase');
  assert.deepEqual(subjectSlot(t, 0, 0, modifiers), { kind: 'none' });
});

test("a verb's object stretch stops before a subordinate clause", () => {
  const text = 'Rebels attacked the convoy, while troops slept.';
  const { t } = parse(text);
  const end = objectSpanEnd(t, at(t, 'attacked') + 1, t.n, new Set(['that', 'which', 'who']), new Set(['including']));
  assert.equal(slice(text, t, at(t, 'attacked') + 1, end), 'the convoy');
});

test('chunks break where a determiner opens a new phrase', () => {
  const text = 'The ministry of defence the rebels.';
  const { t } = parse(text);
  const none = new Int32Array(t.n).fill(-1);
  const chunks = chunksOf(t, 0, t.n, none, new Map()).map((c) => slice(text, t, c.first, c.last));
  assert.deepEqual(chunks, ['The ministry', 'defence', 'the rebels']);
});

test('an -ing verb after a comma or at the start has no subject before it', () => {
  const text = 'Speaking in Geneva, the envoy praised the talks, saying progress was made.';
  const { t } = parse(text);
  assert.equal(subjectlessParticiple(t, at(t, 'Speaking'), 0), 'opening');
  assert.equal(subjectlessParticiple(t, at(t, 'saying'), 0), 'adjunct');
  assert.equal(subjectlessParticiple(t, at(t, 'praised'), 0), null);
});
