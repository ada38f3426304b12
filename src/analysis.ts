import type { Block } from './language/sections.js';
import type { SentenceSpan, Tokens } from './language/tokens.js';
import type { InputDoc, Location, Message, Modality, SectionKind, SentenceKind, Span } from './document/types.js';
import type { CameoCode, CompiledPattern, Lexicon } from './lexicon/lexicon.js';
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
}

/** A token range [first, last). */
export interface TokenRange {
  first: number;
  last: number;
}

/** An event while the stages work on it: tokens and mentions by index. The contract's Event is made from it only in toDocument. */
export interface EventWork {
  sentence: number;
  pattern: CompiledPattern;
  /** The CAMEO code after mood and refusal. */
  cameo: CameoCode;
  /** The trigger: the verb (with its particles and prepositions) or noun, as the token range [first, last). */
  trigger: TokenRange;
  /** Mention index of the source and the target (null: none found). */
  source: number | null;
  target: number | null;
  /** The noun phrases of the source and target, as token ranges [first, last) (null with no source or target). */
  sourcePhrase: TokenRange | null;
  targetPhrase: TokenRange | null;
  negated: boolean;
  modality: Modality;
  confidence: number;
  /** Whose voice the event is in (the voice stage): the kind, and the speaker's mention index. */
  voice: { kind: SentenceKind; speaker: number | null };
  /** When it happened (the time stage). */
  when: { date: string | null; precision: 'day' | 'month' | 'year' | null; from: 'text' | 'publication' | null; span: Span | null };
  /** Where it happened (the place stage). */
  location: Location | null;
}

/** A quotation or reported speech: character span, the speech verb's token and the speaker's mention index. */
export interface QuoteWork extends Span {
  direct: boolean;
  /** Token index of the speech verb (or "according"), or -1. */
  cue: number;
  speaker: number | null;
}

/** A speech verb (or "according to") of a sentence, outside quotation marks, with who speaks. */
export interface SpeechCue {
  verb: number;
  /** Mention index of the speaker, or null. */
  speaker: number | null;
  /** The cue closes the sentence ("..., the ministry said."): the content comes before it. */
  final: boolean;
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
  /** The document's syntax (offset index, each sentence's clauses), made with the tokens and computed on first use. */
  syntax: Syntax;
  mentions: Mention[];
  /** For each token, the index of the mention covering it, or -1. */
  mentionAt: Int32Array;
  entities: EntityWork[];
  mainCountry: string | null;
  quotes: QuoteWork[];
  /** The speech cues of each sentence (the provenance stage). */
  speechCues: SpeechCue[][];
  events: EventWork[];
  /** When set, stages explain their decisions here (casus dict explain). */
  trace?: string[];
}

export function message(a: Analysis, m: Omit<Message, 'start' | 'end'> & { start?: number | null; end?: number | null }): void {
  a.messages.push({ start: null, end: null, ...m });
}
