import type { Block } from './language/sections.js';
import type { SentenceSpan, Tokens } from './language/tokens.js';
import type { Event, InputDoc, Message, Quote, SectionKind, SentenceKind } from './document/types.js';
import type { Lexicon } from './lexicon/lexicon.js';
import type { PersonRow } from './lexicon/types.js';
import type { Syntax } from './syntax/document.js';

/** One actor mention: a noun phrase (or part of one) that names an actor. */
export interface Mention {
  /** Token range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
  code: string | null;
  country: string | null;
  sector: string | null;
  name: string;
  /** `unknown`: a noun phrase no dictionary names, used as a source or target when no known actor is there. */
  kind: 'person' | 'group' | 'country' | 'org' | 'pronoun' | 'unknown';
  /** False when the actor only modifies another noun ("Iraqi sovereignty", "Russia's strikes"). */
  strong: boolean;
  /** True when the country came from the article, not the phrase. */
  inferred: boolean;
  /** A nationality with no noun of its own ("American" in "American and Iranian troops"). */
  adjective: boolean;
  /** Token index of the NP's head (its last token). */
  head: number;
  entity: number;
  /** Mentions joined by "and" / "or" share a group number. */
  group: number;
  person: PersonRow | null;
  /** Agent words that titled a person ("prime minister"), for later "the prime minister". */
  title: string | null;
  refs: string[];
}

export interface EntityWork {
  id: string;
  name: string;
  code: string | null;
  country: string | null;
  sector: string | null;
  kind: Mention['kind'];
  title: string | null;
  /** Lower-cased name keys that refer to this entity within the document. */
  keys: Set<string>;
  mentions: number[];
  /** A person's gender when a mention shows it (honorific, title, first name). */
  gender?: 'f' | 'm' | null;
}

export interface SentenceWork extends SentenceSpan {
  index: number;
  section: SectionKind;
  kind: SentenceKind;
  subjective: boolean;
  /** Index into Analysis.quotes of each quote overlapping the sentence. */
  speaker: number | null;
}

export interface StageTimes {
  [stage: string]: number;
}

/** Everything the pipeline knows about one document while coding it. */
export interface Analysis {
  input: InputDoc;
  id: string;
  text: string;
  date: string | null;
  title: string | null;
  url: string | null;
  source: string | null;
  lexicon: Lexicon;
  messages: Message[];
  blocks: Block[];
  tokens: Tokens;
  sentences: SentenceWork[];
  mentions: Mention[];
  /** For each token, the index of the mention covering it, or -1. */
  mentionAt: Int32Array;
  entities: EntityWork[];
  mainCountry: string | null;
  quotes: Quote[];
  /** Mention index of each quote's speaker, aligned with quotes. */
  quoteSpeakers: number[];
  events: Event[];
  /** The document's syntax (offset index, clauses), made on first use: see syntaxOf. */
  syntax?: Syntax;
  /** When set, stages explain their decisions here (casus dict explain). */
  trace?: string[];
}

export function message(a: Analysis, m: Omit<Message, 'start' | 'end'> & { start?: number | null; end?: number | null }): void {
  a.messages.push({ start: null, end: null, ...m });
}
