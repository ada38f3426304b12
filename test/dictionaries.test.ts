import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { code, createCoder } from '../src/index.js';
import { checkDictionaries } from '../src/tools/check-dictionaries.js';
import { configDictionaries } from '../src/cli/config.js';

const BIN = fileURLToPath(new URL('../../bin/casus.js', import.meta.url));
const codeOf = (text: string, date: string, who: string): string | null | undefined =>
  code({ id: 'd', text, date })[0]!.actors.find((a) => a.name === who)?.code;

test('roles are chosen by the article date', () => {
  assert.equal(codeOf('Mike Pompeo criticized Iran.', '2017-06-01', 'Mike Pompeo'), 'USASPY');
  assert.equal(codeOf('Mike Pompeo criticized Iran.', '2019-06-01', 'Mike Pompeo'), 'USAGOV');
  const biden2012 = codeOf('Joe Biden visited Iraq.', '2012-06-01', 'Joe Biden');
  const biden2023 = codeOf('Joe Biden visited Iraq.', '2023-06-01', 'Joe Biden');
  assert.equal(biden2012, 'USAGOV');
  assert.equal(biden2023, 'USAGOV');
  // A former leader is an elite, not the government.
  assert.equal(codeOf('Tony Blair visited Iraq.', '2015-06-01', 'Tony Blair'), 'GBRELI');
});

const tempDirs: string[] = [];
after(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'casus-dict-'));
  tempDirs.push(dir);
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const LOCAL =
  '{"name":"Zofia Wrzosek","aliases":[],"country":"POL","roles":[{"code":"POLGOV","title":"Mayor","from":"2019-01-01","to":null}],"source":"city hall website"}\n';

test('a user dictionary adds people and changes dictionaryVersion', () => {
  const file = tempFile('local.jsonl', LOCAL);
  const plain = createCoder();
  const withLocal = createCoder({ dict: [file] });
  const text = 'Zofia Wrzosek condemned Russia.';
  const a = plain.code({ id: 'a', text, date: '2021-01-01' });
  const b = withLocal.code({ id: 'a', text, date: '2021-01-01' });
  assert.notEqual(a.dictionaryVersion, b.dictionaryVersion);
  assert.equal(b.events[0]?.source?.code, 'POLGOV');
  assert.notEqual(a.events[0]?.source?.code, 'POLGOV');
});

test('casus.config.json in the working folder names user dictionaries', () => {
  const file = tempFile('local.jsonl', LOCAL);
  const dir = join(file, '..');
  writeFileSync(join(dir, 'casus.config.json'), JSON.stringify({ dict: ['local.jsonl'] }));
  assert.deepEqual(configDictionaries([], dir), [file]);
  writeFileSync(join(dir, 'a.txt'), 'Zofia Wrzosek condemned Russia.');
  const r = spawnSync(process.execPath, [BIN, 'code', 'a.txt', '--date', '2021-01-01', '--format', 'jsonl', '--workers', '1'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout.split('\n')[0]!).source.code, 'POLGOV');
  // The library loads only the dictionaries it is given, wherever it runs.
  const home = process.cwd();
  process.chdir(dir);
  try {
    const doc = createCoder().code({ id: 'a', text: 'Zofia Wrzosek condemned Russia.', date: '2021-01-01' });
    assert.ok(doc.events.length > 0);
    assert.notEqual(doc.events[0]!.source?.code, 'POLGOV');
  } finally {
    process.chdir(home);
  }
});

test('a broken casus.config.json is a dictionary error naming the file (exit 2)', () => {
  const dir = join(tempFile('local.jsonl', LOCAL), '..');
  writeFileSync(join(dir, 'casus.config.json'), '{"dict": "local.jsonl"}');
  writeFileSync(join(dir, 'a.txt'), 'Zofia Wrzosek condemned Russia.');
  const r = spawnSync(process.execPath, [BIN, 'code', 'a.txt', '--workers', '1'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^casus: dictionary error: casus\.config\.json:1: "dict" must be a list/);
});

test('dict check passes on the project dictionaries and names file:line in a broken user file', () => {
  const clean = checkDictionaries([]);
  assert.equal(
    clean.errors,
    0,
    clean.problems
      .filter((p) => p.level === 'error')
      .map((p) => `${p.file}:${p.line} ${p.text}`)
      .join('\n'),
  );
  const bad = tempFile(
    'bad.jsonl',
    [
      '{"id":"190.zap","code":"999","verb":"zap","examples":[{"text":"Russia zapped Ukraine.","source":"RUS","target":"UKR"}]}',
      '{"name":"Ann Example","aliases":[],"country":"NOR","roles":[{"code":"NORGOV","from":"2020-13-01","to":null}],"source":"x"}',
      'not json',
    ].join('\n'),
  );
  const report = checkDictionaries([bad]);
  const lines = report.problems.filter((p) => p.file.endsWith('bad.jsonl') && p.level === 'error').map((p) => p.line);
  assert.ok(lines.includes(1) && lines.includes(2) && lines.includes(3), JSON.stringify(report.problems.filter((p) => p.file.endsWith('bad.jsonl'))));
  const r = spawnSync(process.execPath, [BIN, 'dict', 'check', bad], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.jsonl:3: error/);
});

test('dict explain shows tokens, actors with their entries, patterns tried and the event', () => {
  const r = spawnSync(process.execPath, [BIN, 'dict', 'explain', 'Norway condemned Russia.'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /tokens: Norway\/PROPN condemned\/VERB\(condemn\)/);
  assert.match(r.stdout, /actor "Norway" -> NOR .*countries\.jsonl:\d+/);
  assert.match(r.stdout, /pattern 111\.[a-z-]+ .*fired/);
  assert.match(r.stdout, /NOR -> RUS {2}111/);
});

test('dict stats names no specific CAMEO code without a pattern', () => {
  const r = spawnSync(process.execPath, [BIN, 'dict', 'stats'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /every specific CAMEO code has at least one pattern/);
});

test('events carry PLOVER where CAMEO has a counterpart', () => {
  const e = code({ id: 'p', text: 'Chad and Sudan signed a peace agreement.', date: '2021-01-01' })[0]!.events[0]!;
  assert.equal(e.root, '05');
  // 057 (sign formal agreement) maps to PLOVER SUPPORT in the correspondence table.
  assert.equal(e.plover?.type, 'SUPPORT');
  const appeal = code({ id: 'p', text: 'Mexico called for calm in Haiti.', date: '2021-01-01' })[0]!.events[0]!;
  assert.equal(appeal.root, '02');
  assert.equal(appeal.plover, null);
});
