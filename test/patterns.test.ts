import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoder } from '../src/index.js';
import { readDictionaries } from '../src/lexicon/load.js';
import { exampleProblem } from '../src/lexicon/examples.js';

// Every verb pattern carries example sentences of the project's own; each must code as it says.
const raw = readDictionaries();
const coder = createCoder();

const byRoot = new Map<string, typeof raw.patterns>();
for (const r of raw.patterns) {
  const root = r.value.code.slice(0, 2);
  byRoot.set(root, [...(byRoot.get(root) ?? []), r]);
}

test('every CAMEO root 01-20 has verb patterns', () => {
  for (let r = 1; r <= 20; r++) {
    const root = String(r).padStart(2, '0');
    assert.ok((byRoot.get(root)?.length ?? 0) > 0, `root ${root} has no pattern`);
  }
});

for (const [root, rows] of [...byRoot].sort()) {
  test(`examples of root ${root} code as stated`, () => {
    const failures: string[] = [];
    let n = 0;
    for (const r of rows) {
      for (const ex of r.value.examples) {
        n++;
        const doc = coder.code({ id: 'ex', text: ex.text, date: '2021-06-15' });
        const why = exampleProblem(r.value, ex, doc);
        if (why) failures.push(`${r.file}:${r.line} ${r.value.id}: ${why}`);
      }
    }
    assert.ok(n > 0);
    assert.deepEqual(failures, [], `${failures.length} of ${n} examples fail:\n${failures.join('\n')}`);
  });
}
