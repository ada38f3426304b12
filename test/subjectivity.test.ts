import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { code, createCoder, type Document } from '../src/index.js';
import { tokenize } from '../src/language/nlp.js';
import { quotedTokens } from '../src/provenance/quoted.js';
import { subjectivityCues } from '../src/provenance/subjectivity.js';
import { ROOT } from './helpers.js';

// Sentences written for these tests: each pair differs in the one cue under test.
const doc = (text: string): Document => code({ id: 's', text, date: '2022-03-01' })[0]!;
const subjective = (text: string): boolean => doc(text).sentences.some((s) => s.subjective);
const coder = createCoder();
const kinds = (text: string): string[] => {
  const { analysis: a } = coder.analyze({ id: 'k', text });
  return a.sentences.flatMap((s) => subjectivityCues(a.lexicon.subjectivity, a.tokens, s.first, s.last, a.text).map((h) => h.kind));
};

test("an evaluative word in the writer's voice makes the sentence subjective and its voice opinion", () => {
  const d = doc("The new tariff plan is a reckless gamble with farmers' savings.");
  assert.equal(d.sentences[0]!.subjective, true);
  assert.equal(d.sentences[0]!.kind, 'opinion');
  assert.equal(subjective('The new tariff plan applies to imported steel and aluminium.'), false);
});

test('figures, dates and a reporting verb count against subjectivity', () => {
  assert.equal(subjective('Exports fell 4 percent in March, the statistics office said on Tuesday.'), false);
  const k = kinds('Exports fell 4 percent in March, the statistics office said on Tuesday.');
  assert.ok(k.includes('figures') && k.includes('reporting'), k.join(' '));
});

test('first person counts for the writer only outside quotation marks', () => {
  assert.equal(subjective('We cannot keep paying for their mistakes.'), true);
  assert.ok(!kinds('"We met the minister twice," the mayor told reporters.').includes('reader-address'));
  assert.ok(kinds('We met the minister twice in the capital.').includes('reader-address'));
});

test('an imperative opening addresses the reader; a title-case headline does not', () => {
  assert.ok(kinds('Consider the cost of another decade of delay.').includes('imperative'));
  assert.ok(!kinds('Ministers consider the cost of another decade of delay.').includes('imperative'));
  assert.ok(!kinds('Prepare For A Long Winter Of Strikes').includes('imperative'));
});

test('advice, hedges and stance adverbs mark judgement', () => {
  assert.equal(subjective('The council should scrap the parking levy.'), true);
  assert.equal(subjective('Unfortunately, the council kept the parking levy.'), true);
  assert.equal(subjective('The council kept the parking levy.'), false);
});

test('a superlative of judgement counts, one of size does not', () => {
  assert.ok(kinds('This is the weakest budget in a generation.').includes('superlative'));
  assert.ok(!kinds('This is the largest budget in a generation.').includes('superlative'));
});

test('a closing quotation mark with no opening one quotes the line up to it', () => {
  const text = 'we should leave now," the captain said. Then we left.';
  const t = tokenize(text).tokens;
  const q = quotedTokens(t, text);
  const at = (w: string): number => q[t.lower.indexOf(w)]!;
  assert.equal(at('should'), 1);
  assert.equal(at('captain'), 0);
  assert.equal(at('then'), 0);
});

test('single curly quotation marks quote; an apostrophe does not', () => {
  const text = 'The mayor’s aide called the plan ‘a crazy scheme’ before the vote.';
  const t = tokenize(text).tokens;
  const q = quotedTokens(t, text);
  assert.equal(q[t.lower.indexOf('crazy')], 1);
  assert.equal(q[t.lower.indexOf('aide')], 0);
  assert.equal(q[t.lower.indexOf('vote')], 0);
});

test('each subjectivity cue is listed once across the cue files', () => {
  const dir = join(ROOT, 'data', 'provenance');
  const seen = new Map<string, string>();
  for (const f of readdirSync(dir).filter((n) => n === 'subjectivity.jsonl' || n.endsWith('.subjectivity.jsonl'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      const row = JSON.parse(line) as { kind: string; words: string[] };
      for (const w of row.words) {
        assert.ok(!seen.has(w), `"${w}" is in ${seen.get(w)} and ${f} (${row.kind})`);
        seen.set(w, `${f} (${row.kind})`);
      }
    }
  }
  assert.ok(seen.size > 1000);
});
