/**
 * `npm run build` (and `prepare`, which `npm ci` runs) ends here: compile what casus would otherwise compile at every
 * start (the English lexicon, the city gazetteer, the dictionaries) into dist/compiled/. Reads only the project's
 * own `src/` (as built), `data/`, `schema/` and its dependencies' packages.
 */
import { writeEnglishPack } from '../language/english-pack.js';
import { writeDictionariesPack } from '../lexicon/load.js';
import { checkAdmin1 } from '../place/admin1.js';
import { writeGazetteerPack } from '../place/gazetteer-pack.js';

const t0 = performance.now();
const steps: Array<[string, () => void]> = [
  ['English lexicon', writeEnglishPack],
  ['gazetteer', writeGazetteerPack],
  ['dictionaries', () => writeDictionariesPack([checkAdmin1()])],
];
for (const [name, step] of steps) {
  const t = performance.now();
  step();
  process.stderr.write(`compiled ${name} in ${Math.round(performance.now() - t)} ms\n`);
}
process.stderr.write(`casus: compiled data written in ${Math.round(performance.now() - t0)} ms\n`);
