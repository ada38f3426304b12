/** The shapes of one line of each dictionary file (see data/README.md and schema/dict/). */

export interface CameoRow {
  code: string;
  name: string;
  goldstein: number;
  description: string;
}

export interface PloverRow {
  cameo: string;
  type: string;
  mode: string;
  context: string;
}

export interface CountryRow {
  code: string;
  iso2: string;
  name: string;
  names: string[];
  demonyms: string[];
  capitals: string[];
  lat: number;
  lon: number;
  region: string;
}

export interface OrganizationRow {
  code: string;
  names: string[];
  country: string | null;
  sector: string;
  kind: string;
}

export interface AgentRow {
  words: string[];
  sector: string;
  title: boolean;
  /** A title that belongs to one country ("secretary of state" is American unless a country is named). */
  country?: string;
}

export interface RoleRow {
  code: string;
  title: string;
  from: string | null;
  to: string | null;
}

export interface PersonRow {
  name: string;
  aliases: string[];
  country: string;
  roles: RoleRow[];
  source: string;
}

export interface PatternExample {
  text: string;
  source: string | null;
  target: string | null;
  code?: string;
}

export interface PatternRow {
  id: string;
  code: string;
  verb?: string;
  noun?: string;
  object?: string[];
  target?: string;
  reciprocal?: boolean;
  examples: PatternExample[];
  note?: string;
}

export interface SubjectivityRow {
  kind: string;
  weight: number;
  words: string[];
}

/** One line of data/actors/given-names.jsonl: first names that almost always belong to people of one gender. */
export interface GivenNamesRow {
  gender: 'f' | 'm';
  names: string[];
  note?: string;
}

/** One line of data/words/*.jsonl: a named word list, or a named table from CAMEO code to CAMEO code. */
export interface WordsRow {
  list: string;
  note: string;
  include?: string[];
  words?: string[];
  table?: Record<string, string>;
}
