import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DictionaryError, type Row } from '../src/lexicon/jsonl.js';
import { loadLexicon, readDictionaries } from '../src/lexicon/load.js';
import type { WordsRow } from '../src/lexicon/types.js';
import { CODE_TABLES, WORD_LISTS, compileWords } from '../src/lexicon/words.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('the word lists of data/words load, each with its words, and the version covers them and the gazetteer', () => {
  const problems: DictionaryError[] = [];
  const raw = readDictionaries([], problems);
  assert.deepEqual(
    problems.map((p) => p.message),
    [],
  );
  assert.ok(raw.files.includes('data/words/verbs.jsonl'));
  assert.ok(raw.files.includes('data/places/admin1.ndjson'));
  const words = loadLexicon().words;
  for (const name of WORD_LISTS) assert.ok(words[name].size > 0, `${name} is empty`);
  for (const name of CODE_TABLES) assert.ok(Object.keys(words[name]).length > 0, `${name} is empty`);
  assert.ok(words.speechVerbs.has('say'));
  // Lists built with "include" hold the words of the shared list and their own.
  for (const w of words.ownedNouns) assert.ok(words.ownedActNouns.has(w) && words.ownedSpeechNouns.has(w), w);
  assert.ok(words.ownedActNouns.has('ultimatum') && !words.ownedSpeechNouns.has('ultimatum'));
  assert.ok(words.ownedSpeechNouns.has('plea') && !words.ownedActNouns.has('plea'));
  assert.equal(words.refusals['03'], '120');
});

test('a broken line of a word-list file is reported with its file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casus-words-'));
  dirs.push(dir);
  const file = join(dir, 'broken.words.jsonl');
  writeFileSync(
    file,
    [
      '# a word-list file with one problem a line',
      '{"list": "speechVerbs", "note": "again", "words": ["say"]}',
      '{"list": "tryVerbs", "note": "not JSON", "words": ["try"]',
      '{"list": "noSuchList", "note": "unknown name", "words": ["word"]}',
      '{"list": "lightVerbs2", "note": "a capital letter", "words": ["Hold"]}',
      '{"list": "refusals2", "note": "words and a table", "words": ["x"], "table": {"03": "120"}}',
    ].join('\n'),
  );
  const problems: DictionaryError[] = [];
  readDictionaries([file], problems);
  const mine = problems.filter((p) => p.file === file).map((p) => `${p.line}: ${p.reason}`);
  assert.equal(mine.length, 5, mine.join('\n'));
  assert.match(mine[0]!, /^3: not valid JSON/);
  assert.match(mine[1]!, /^5: \/words\/0 /);
  assert.match(mine[2]!, /^6: /);
  assert.match(mine[3]!, /^2: the list 'speechVerbs' is given twice$/);
  assert.match(mine[4]!, /^4: no list is named 'noSuchList'$/);
  assert.throws(() => loadLexicon([file]), /broken\.words\.jsonl:3: not valid JSON/);
});

test('a word list that includes a later list, repeats a word, or is missing is reported', () => {
  const row = (line: number, value: WordsRow): Row<WordsRow> => ({ value, file: 'w.jsonl', line });
  const problems: DictionaryError[] = [];
  const words = compileWords(
    [
      row(1, { list: 'ownedActNouns', note: 'n', include: ['ownedNouns'], words: ['deal'] }),
      row(2, { list: 'ownedNouns', note: 'n', words: ['offer', 'offer'] }),
      row(3, { list: 'speechVerbs', note: 'n', table: { '03': '120' } }),
    ],
    problems,
    'w',
  );
  const messages = problems.map((p) => p.message);
  assert.ok(messages.includes("w.jsonl:1: 'ownedActNouns' includes 'ownedNouns', which no earlier line gives"), messages.join('\n'));
  assert.ok(messages.includes("w.jsonl:2: 'ownedNouns' has the word 'offer' twice"));
  assert.ok(messages.includes("w.jsonl:3: 'speechVerbs' is a word list, not a table"));
  assert.ok(messages.includes("w:0: no line gives the list 'refusals'"));
  assert.deepEqual([...words.ownedActNouns], ['deal']);
});
