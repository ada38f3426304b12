import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../src/language/nlp.js';
import { createCoder } from '../src/pipeline.js';

const words = (text: string): string[] => tokenize(text).tokens.value;

test('a possessive is two tokens however often the tagger has seen it', () => {
  const probe = "Aides to President Karimova said Karimova's convoy reached the border.";
  const before = words(probe);
  assert.ok(before.includes('Karimova') && before.includes("'s"), before.join(' '));
  // Tokens come from per-form caches; what was seen before (here, before a full stop) must not change them.
  for (let i = 0; i < 3; i++) words("The plan was Karimova's. Everyone knew it was Karimova's.");
  assert.deepEqual(words(probe), before);
  const curly = words('It was Karimova’s. Karimova’s aides left.');
  assert.equal(curly.filter((w) => w === 'Karimova').length, 2, curly.join(' '));
});

test('a contraction keeps its verb: "it\'s" is "it" and the auxiliary', () => {
  for (let i = 0; i < 2; i++) words("Everyone said it's. It's.");
  const t = tokenize("It's over, and that's final.").tokens;
  const i = t.value.indexOf("'s");
  assert.ok(i > 0, t.value.join(' '));
  assert.equal(t.lemma[i], 'be');
});

test('coding a document gives the same events alone or after others', () => {
  const text = "Karimova's government accused Ukraine of shelling the town. Later, Karimova's envoy met the Russian foreign minister.";
  const fresh = JSON.stringify(createCoder().code({ id: 'a', text, date: '2024-05-02' }).events);
  const coder = createCoder();
  for (let i = 0; i < 3; i++) coder.code({ id: 'w', text: "The decision was Karimova's. It was all Karimova's.", date: '2024-05-02' });
  assert.equal(JSON.stringify(coder.code({ id: 'a', text, date: '2024-05-02' }).events), fresh);
});
