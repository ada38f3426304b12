/** The public JSON contract of casus (schemaVersion "1"). See README "The JSON contract". */

export type SectionKind = 'headline' | 'dateline' | 'caption' | 'credit' | 'body' | 'blockquote';
export type SentenceKind = 'reported' | 'attributed' | 'opinion';
export type Modality = 'asserted' | 'future' | 'hypothetical' | 'question';
export type MessageLevel = 'info' | 'warning' | 'error';

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export interface Sentence extends Span {
  index: number;
  text: string;
  section: SectionKind;
  kind: SentenceKind;
  subjective: boolean;
}

export interface Entity {
  id: string;
  name: string;
  code: string | null;
  country: string | null;
  sector: string | null;
  mentions: TextSpan[];
}

export interface Actor extends Span {
  id: string;
  text: string;
  code: string | null;
  country: string | null;
  sector: string | null;
  name: string;
  /** Event actors: the whole noun phrase the mention stands in, as written ("the Iraqi parliament's foreign affairs committee"). */
  phrase?: TextSpan;
}

export interface Plover {
  type: string;
  mode: string;
  context: string;
}

export interface Location extends Span {
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  precision: 'city' | 'admin1' | 'country';
}

export interface Attribution {
  kind: SentenceKind;
  speaker: Actor | null;
}

export interface Event {
  id: string;
  doc: string;
  sentence: number;
  code: string;
  root: string;
  name: string;
  quad: 1 | 2 | 3 | 4;
  penta: 0 | 1 | 2 | 3 | 4;
  goldstein: number;
  plover: Plover | null;
  source: Actor | null;
  target: Actor | null;
  reciprocal: boolean;
  verb: TextSpan;
  negated: boolean;
  modality: Modality;
  attribution: Attribution;
  date: string | null;
  datePrecision: 'day' | 'month' | 'year' | null;
  dateFrom: 'text' | 'publication' | null;
  dateSpan: Span | null;
  location: Location | null;
  pattern: string;
  confidence: number;
}

export interface Quote extends Span {
  text: string;
  direct: boolean;
  cue: TextSpan | null;
  speaker: Actor | null;
}

export interface Message {
  level: MessageLevel;
  code: string;
  text: string;
  start: number | null;
  end: number | null;
  stage: string;
}

export interface Document {
  schemaVersion: '1';
  id: string;
  url: string | null;
  source: string | null;
  date: string | null;
  title: string | null;
  language: 'en';
  casusVersion: string;
  dictionaryVersion: string;
  text: string;
  sentences: Sentence[];
  actors: Entity[];
  quotes: Quote[];
  events: Event[];
  messages: Message[];
}

/** One article as read from a file, before coding. */
export interface InputDoc {
  id: string;
  text?: string;
  html?: string;
  date?: string | null;
  title?: string | null;
  url?: string | null;
  source?: string | null;
  /** Where the article came from, for messages: file name and (for JSONL) line. */
  origin?: { file: string; line?: number };
}
