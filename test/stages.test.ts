import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../src/analysis.js';
import { createCoder } from '../src/pipeline.js';
import { checkStages, STAGES, type Field, type Stage } from '../src/stages.js';
import { ROOT } from './helpers.js';

/** Sub-fields of every sentence and event that stages declare on their own. */
const SUB_FIELDS: Record<'sentences' | 'events', string[]> = { sentences: ['kind', 'subjective'], events: ['voice', 'when', 'location'] };

const json = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Set) return { set: [...(v as Set<unknown>)] };
    if (ArrayBuffer.isView(v)) return { typed: Array.from(v as unknown as ArrayLike<number>) };
    if (v && typeof v === 'object' && 'rest' in v && 'specificity' in v) return { pattern: (v as unknown as { id: string }).id };
    return v;
  });

/** A fingerprint of each field of the analysis (the lexicon by identity: no stage may replace it). */
function fingerprints(a: Analysis): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(a)) {
    if (key === 'trace') continue;
    if (key === 'lexicon') {
      out.set(key, value === a.lexicon ? a.lexicon.version : 'replaced');
      continue;
    }
    if (key === 'sentences' || key === 'events') {
      const subs = SUB_FIELDS[key];
      const rows = value as Array<Record<string, unknown>>;
      out.set(key, json(rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !subs.includes(k))))));
      for (const sub of subs) out.set(`${key}.${sub}`, json(rows.map((row) => row[sub])));
      continue;
    }
    out.set(key, json(value));
  }
  return out;
}

/** The fields a stage changed that it did not declare as written or appended to. */
function undeclaredWrites(stage: Stage, before: Map<string, string>, after: Map<string, string>): string[] {
  const declared = new Set<string>([...stage.writes, ...(stage.appends ?? [])]);
  const changed = [...after.keys()].filter((k) => before.get(k) !== after.get(k));
  // A new event or sentence changes its sub-fields too: the stage that writes the list made them.
  return changed.filter((k) => !declared.has(k) && !declared.has(k.split('.')[0]!));
}

/** Run a coder whose stages record the undeclared fields each one writes. */
function watch(stages: readonly Stage[], texts: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const watched = stages.map((stage): Stage => ({
    ...stage,
    run: (a) => {
      const before = fingerprints(a);
      stage.run(a);
      const bad = undeclaredWrites(stage, before, fingerprints(a));
      if (bad.length) found.set(stage.name, [...new Set([...(found.get(stage.name) ?? []), ...bad])]);
    },
  }));
  const coder = createCoder({ stages: watched });
  texts.forEach((text, i) => coder.code({ id: `w${i}`, text, date: '2021-03-09' }));
  return found;
}

const TEXTS = [
  readFileSync(join(ROOT, 'examples', 'aegean-talks.txt'), 'utf8'),
  'Iran will not lift its sanctions on Iraq, the foreign minister said on Monday. “We reject the talks,” he added.',
  'This is a disgraceful decision. Egypt and Greece signed a deal in Athens on 3 March 2021.',
  'Police in Kabul arrested 12 protesters, according to the interior ministry. The ministry statement added that the protests were illegal.',
];

test('every stage writes only the fields it declares, on the example article and sentences with quotes, opinion, dates and places', () => {
  const found = watch(STAGES, TEXTS);
  assert.deepEqual(Object.fromEntries(found), {});
});

test('a stage that writes a field it did not declare is caught', () => {
  const rogue: Stage[] = STAGES.map((s) =>
    s.name === 'time'
      ? {
          ...s,
          run: (a: Analysis) => {
            s.run(a);
            a.mainCountry = 'XXX';
          },
        }
      : s,
  );
  assert.deepEqual(Object.fromEntries(watch(rogue, TEXTS.slice(1, 2))), { time: ['mainCountry'] });
  const quiet: Stage[] = STAGES.map((s) => (s.name === 'voice' ? { ...s, writes: ['sentences.kind'] as Field[] } : s));
  assert.deepEqual(Object.fromEntries(watch(quiet, TEXTS.slice(1, 2))), { voice: ['events.voice'] });
});

test('the coder checks the order of its stages when it is made', () => {
  assert.doesNotThrow(() => checkStages(STAGES));
  const withoutActors = STAGES.filter((s) => s.name !== 'actors');
  assert.throws(() => createCoder({ stages: withoutActors }), /stage "events" reads "mentions", which no stage before it writes/);
  const time = STAGES.find((s) => s.name === 'time')!;
  const timeFirst = [time, ...STAGES.filter((s) => s !== time)];
  assert.throws(() => createCoder({ stages: timeFirst }), /stage "time" reads "events", which no stage before it writes/);
});

test('no field is written by two stages, nor by a stage and the input', () => {
  const twice: Stage[] = [...STAGES, { name: 'again', reads: [], writes: ['events.voice'], run: () => {} }];
  assert.throws(() => checkStages(twice), /stage "again" writes "events.voice", which stage "voice" writes/);
  const overInput: Stage[] = [{ name: 'retoken', reads: [], writes: ['tokens'], run: () => {} }];
  assert.throws(() => checkStages(overInput), /stage "retoken" writes "tokens", which the input gives/);
  const writers = STAGES.flatMap((s) => s.writes);
  assert.equal(new Set(writers).size, writers.length);
});
