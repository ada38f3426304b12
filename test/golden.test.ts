import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { code } from '../src/index.js';
import { comparable, FIXTURE_DIR, fixtureInputs } from './fixtures.js';

// Each fixture's coded Document must equal its golden JSON. After an intended change run
// `npm run fixtures` and read the diff: it shows exactly what the coder now does differently.
test('the golden fixtures are there', () => {
  assert.ok(fixtureInputs().length >= 3, `fixtures in ${FIXTURE_DIR}`);
});

for (const f of fixtureInputs()) {
  test(`golden fixture ${f.name}`, () => {
    assert.ok(existsSync(f.expectedPath), `missing ${f.expectedPath}: run npm run fixtures`);
    const expected = JSON.parse(readFileSync(f.expectedPath, 'utf8'));
    const [doc] = code(f.input);
    assert.deepEqual(JSON.parse(JSON.stringify(comparable(doc!))), expected);
  });
}
