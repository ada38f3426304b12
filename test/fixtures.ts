import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Document, InputDoc } from '../src/index.js';

/** Golden fixtures: test/fixtures/NAME.(txt|html) -> NAME.json, the Document casus produces. */
export const FIXTURE_DIR = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
export const FIXTURE_DATE = '2022-09-14';

export function fixtureInputs(): Array<{ name: string; input: InputDoc; expectedPath: string }> {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => {
      const name = f.replace(/\.[^.]+$/, '');
      const raw = readFileSync(join(FIXTURE_DIR, f), 'utf8');
      const input: InputDoc = f.endsWith('.html') ? { id: name, html: raw } : { id: name, text: raw, date: FIXTURE_DATE };
      return { name, input, expectedPath: join(FIXTURE_DIR, `${name}.json`) };
    });
}

/** Versions change with every release and dictionary edit; the fixture compares everything else. */
export function comparable(doc: Document): Omit<Document, 'casusVersion' | 'dictionaryVersion'> {
  const { casusVersion: _c, dictionaryVersion: _d, ...rest } = doc;
  return rest;
}
