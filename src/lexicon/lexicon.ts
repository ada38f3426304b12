import type { TrieNode } from './trie.js';
import type { CameoRow, PersonRow, PloverRow, CountryRow } from './types.js';
import type { Words } from './words.js';

export type ActorKind = 'country' | 'demonym' | 'capital' | 'org' | 'person' | 'agent';

/** One way of naming an actor, as compiled into the actor trie. */
export interface ActorEntry {
  kind: ActorKind;
  /** 0: any case; 1: first token capitalised in the text; 2: exact case (acronyms). */
  caseMode: 0 | 1 | 2;
  surface: string[];
  code: string | null;
  country: string | null;
  sector: string | null;
  name: string;
  /** Agents only: can stand as a title before a name. */
  title: boolean;
  person: PersonRow | null;
  /** file:line of the dictionary entry, shown as evidence. */
  ref: string;
}

export type TargetRule = 'object' | 'none' | string;

export interface CompiledPattern {
  id: string;
  code: string;
  kind: 'verb' | 'noun';
  head: string;
  rest: string[];
  object: Set<string> | null;
  /** The multi-word entries of `object`, split into words. */
  objectPhrases: string[][];
  target: TargetRule;
  reciprocal: boolean;
  specificity: number;
  ref: string;
}

export interface SubjectivityCue {
  weight: number;
  kind: string;
}

export interface CameoCode extends CameoRow {
  root: string;
  quad: 1 | 2 | 3 | 4;
  penta: 0 | 1 | 2 | 3 | 4;
}

export interface Lexicon {
  version: string;
  actors: TrieNode<ActorEntry>;
  /** Lower-cased surname -> people whose name ends with it. */
  surnames: Map<string, PersonRow[]>;
  countries: Map<string, CountryRow>;
  verbPatterns: Map<string, CompiledPattern[]>;
  /** Inflected form -> base form, for every verb that has a pattern. */
  verbForms: Map<string, string>;
  nounPatterns: Map<string, CompiledPattern[]>;
  cameo: Map<string, CameoCode>;
  plover: Map<string, PloverRow>;
  /** Words and phrases that mark a sentence as evaluative (data/provenance/subjectivity.jsonl). */
  subjectivity: TrieNode<SubjectivityCue>;
  /** Lower-cased first names -> the gender they almost always mark, for "he" and "she" (data/actors/given-names.jsonl). */
  givenNames: Map<string, 'f' | 'm'>;
  /** Named word lists and code tables the stages consult (data/words/*.jsonl). */
  words: Words;
  /** Counts for `dict stats`. */
  stats: { files: number; entries: number; loadMs: number };
}
