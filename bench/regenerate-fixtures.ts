import { writeFileSync } from 'node:fs';
import { code } from '../src/index.js';
import { comparable, fixtureInputs } from '../test/fixtures.js';

// `npm run fixtures`: rewrite the expected JSON of every golden fixture; review the diff before committing.
for (const f of fixtureInputs()) {
  const [doc] = code(f.input);
  writeFileSync(f.expectedPath, `${JSON.stringify(comparable(doc!), null, 2)}\n`);
  console.log(`wrote ${f.expectedPath} (${doc!.events.length} events)`);
}
