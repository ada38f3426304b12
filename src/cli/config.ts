/**
 * `casus.config.json` in the working folder: `{"dict": ["local-politicians.jsonl", ...]}`, paths relative to the
 * config file. The CLI reads it, not the library: its dictionaries load before those given with --dict.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DictionaryError } from '../lexicon/jsonl.js';

const CONFIG = 'casus.config.json';

/** The dictionaries `casus.config.json` in `dir` names, as absolute paths; its problems go to `problems`. */
export function configDictionaries(problems: DictionaryError[], dir = process.cwd()): string[] {
  const file = join(dir, CONFIG);
  if (!existsSync(file)) return [];
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(new DictionaryError(CONFIG, 1, `not valid JSON (${(e as Error).message})`));
    return [];
  }
  const dict = (config as { dict?: unknown }).dict;
  if (dict === undefined) return [];
  if (!Array.isArray(dict) || !dict.every((d) => typeof d === 'string')) {
    problems.push(new DictionaryError(CONFIG, 1, '"dict" must be a list of file or folder paths'));
    return [];
  }
  return dict.map((d) => resolve(dir, d));
}

/** The dictionaries a command loads: those of the working folder's config, then its own --dict paths. */
export function dictionaryPaths(dictFlags: string[] = [], dir = process.cwd()): string[] {
  const problems: DictionaryError[] = [];
  const fromConfig = configDictionaries(problems, dir);
  if (problems.length) throw problems[0]!;
  return [...fromConfig, ...dictFlags];
}
