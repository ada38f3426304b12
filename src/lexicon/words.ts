import { DictionaryError, type Row } from './jsonl.js';
import type { WordsRow } from './types.js';

/** The word lists of data/words/*.jsonl, by the name the coder reads them with (see each line's "note"). */
export const WORD_LISTS = [
  'speechVerbs',
  'reportingVerbs',
  'addresseeVerbs',
  'intentVerbs',
  'pledgeVerbs',
  'refusalVerbs',
  'tryVerbs',
  'directiveVerbs',
  'lightVerbs',
  'continuingWords',
  'readyAdjectives',
  'ownedNouns',
  'ownedActNouns',
  'ownedSpeechNouns',
  'statementNouns',
  'enactedNouns',
  'notActorHeads',
  'notSurnames',
  'placeTypeWords',
  'placeOfNouns',
  'placeNouns',
  'placeNameLinks',
  'notPlaces',
] as const;
/** The code tables of data/words/*.jsonl. */
export const CODE_TABLES = ['refusals', 'intentCodes', 'threatCodes', 'demandCodes'] as const;

export type WordListName = (typeof WORD_LISTS)[number];
export type CodeTableName = (typeof CODE_TABLES)[number];
export type Words = { readonly [K in WordListName]: ReadonlySet<string> } & { readonly [K in CodeTableName]: Readonly<Record<string, string>> };

const isList = (name: string): name is WordListName => (WORD_LISTS as readonly string[]).includes(name);
const isTable = (name: string): name is CodeTableName => (CODE_TABLES as readonly string[]).includes(name);

/**
 * Compile the schema-checked lines of data/words/ into the lists the coder reads. Every problem names the file and
 * line: an unknown or repeated name, a list given as a table (or the other way), an include of a list not given
 * on an earlier line, a word given twice; and, at `where`, a list no line gives.
 */
export function compileWords(rows: Row<WordsRow>[], problems: DictionaryError[], where = 'data/words'): Words {
  const words = new Map<string, ReadonlySet<string>>();
  const tables = new Map<string, Readonly<Record<string, string>>>();
  for (const r of rows) {
    const { list, include, table } = r.value;
    const fail = (reason: string): void => void problems.push(new DictionaryError(r.file, r.line, reason));
    if (words.has(list) || tables.has(list)) fail(`the list '${list}' is given twice`);
    else if (table) {
      if (isTable(list)) tables.set(list, { ...table });
      else fail(isList(list) ? `'${list}' is a word list, not a table` : `no list is named '${list}'`);
    } else if (!isList(list)) fail(isTable(list) ? `'${list}' is a table, not a word list` : `no list is named '${list}'`);
    else {
      const set = new Set<string>();
      for (const name of include ?? []) {
        const other = words.get(name);
        if (other) for (const w of other) set.add(w);
        else fail(`'${list}' includes '${name}', which no earlier line gives`);
      }
      for (const w of r.value.words ?? []) {
        if (set.has(w)) fail(`'${list}' has the word '${w}' twice`);
        set.add(w);
      }
      words.set(list, set);
    }
  }
  for (const name of [...WORD_LISTS, ...CODE_TABLES]) {
    if (!words.has(name) && !tables.has(name)) problems.push(new DictionaryError(where, 0, `no line gives the list '${name}'`));
  }
  const out: Record<string, unknown> = {};
  for (const name of WORD_LISTS) out[name] = words.get(name) ?? new Set<string>();
  for (const name of CODE_TABLES) out[name] = tables.get(name) ?? {};
  return out as Words;
}
