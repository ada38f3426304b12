import { recognizeActors } from './actors/recognize.js';
import type { Analysis } from './analysis.js';
import { codeEvents } from './events/code.js';
import { attribute } from './provenance/attribute.js';
import { subjectivity } from './provenance/subjectivity.js';
import { voice } from './provenance/voice.js';
import { placeEvents } from './place/stage.js';
import { dateEvents } from './time/stage.js';

/**
 * A part of the Analysis a stage reads or writes: a field, or one field of every sentence or event
 * ("sentences.kind", "events.when").
 */
export type Field =
  | Exclude<keyof Analysis, 'sentences' | 'events' | 'trace'>
  | 'sentences'
  | `sentences.${'kind' | 'subjective'}`
  | 'events'
  | `events.${'voice' | 'when' | 'location'}`;

/**
 * A stage: a named function that adds its layer to the analysis of one document. Like a spaCy component,
 * it declares what it reads (set before it runs) and what it writes (no other stage writes it);
 * `appends` are shared logs and lists it only adds to (messages; the speakers the actors stage did not find).
 */
export interface Stage {
  name: string;
  reads: readonly Field[];
  writes: readonly Field[];
  appends?: readonly Field[];
  run: (a: Analysis) => void;
}

/** What the reading and segmenting of the input give every stage. */
export const INPUT_FIELDS: readonly Field[] = [
  'input',
  'id',
  'text',
  'date',
  'title',
  'url',
  'source',
  'lexicon',
  'messages',
  'blocks',
  'tokens',
  'sentences',
  'syntax',
];

export const STAGES: Stage[] = [
  {
    name: 'actors',
    run: recognizeActors,
    reads: ['tokens', 'sentences', 'lexicon', 'text', 'date'],
    writes: ['mentions', 'mentionAt', 'entities', 'mainCountry'],
  },
  {
    name: 'events',
    run: codeEvents,
    reads: ['tokens', 'sentences', 'lexicon', 'mentions', 'mentionAt', 'entities', 'date'],
    writes: ['events'],
  },
  {
    name: 'provenance',
    run: attribute,
    reads: ['tokens', 'sentences', 'syntax', 'text', 'mentions', 'mentionAt', 'entities'],
    writes: ['quotes', 'speechCues'],
    appends: ['mentions', 'mentionAt', 'entities'],
  },
  { name: 'subjectivity', run: subjectivity, reads: ['tokens', 'sentences', 'text', 'lexicon'], writes: ['sentences.subjective'] },
  {
    name: 'voice',
    run: voice,
    reads: ['tokens', 'sentences', 'sentences.subjective', 'quotes', 'speechCues', 'events'],
    writes: ['sentences.kind', 'events.voice'],
  },
  {
    name: 'time',
    run: dateEvents,
    reads: ['tokens', 'sentences', 'syntax', 'text', 'date', 'events'],
    writes: ['events.when'],
    appends: ['messages'],
  },
  {
    name: 'place',
    run: placeEvents,
    reads: ['tokens', 'sentences', 'syntax', 'text', 'lexicon', 'mentions', 'mentionAt', 'events'],
    writes: ['events.location'],
  },
];

/**
 * Check a list of stages: each reads only what the input or an earlier stage gives, and no field is written
 * by two stages (or by a stage and the input). Throws with the first problem found.
 */
export function checkStages(stages: readonly Stage[]): void {
  const given = new Set<Field>(INPUT_FIELDS);
  const writer = new Map<Field, string>();
  for (const f of INPUT_FIELDS) writer.set(f, 'the input');
  for (const stage of stages) {
    for (const f of stage.reads) {
      if (!given.has(f)) throw new Error(`stage "${stage.name}" reads "${f}", which no stage before it writes`);
    }
    for (const f of stage.writes) {
      const other = writer.get(f);
      if (other !== undefined)
        throw new Error(`stage "${stage.name}" writes "${f}", which ${other === 'the input' ? 'the input gives' : `stage "${other}" writes`}`);
      writer.set(f, stage.name);
    }
    for (const f of [...stage.writes, ...(stage.appends ?? [])]) given.add(f);
  }
}
