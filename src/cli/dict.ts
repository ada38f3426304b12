import type { Out } from './code.js';
import { UsageError, flag, parseArgs } from './args.js';
import { readDictionaries, compileLexicon } from '../lexicon/load.js';
import { DictionaryError } from '../lexicon/jsonl.js';
import { checkDictionaries } from '../tools/check-dictionaries.js';
import { explain } from '../tools/explain.js';
import { normalizeDate } from '../document/dates.js';
import { configDictionaries, dictionaryPaths } from './config.js';

/** `casus dict stats|check|explain`. */
export async function runDict(argv: string[], out: Out, err: Out): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, { dict: { value: true, repeat: true }, date: { value: true }, json: {} });
  const flagPaths = args.flags.get('dict') ?? [];
  switch (sub) {
    case 'stats': {
      const problems: DictionaryError[] = [];
      const raw = readDictionaries([...configDictionaries(problems), ...flagPaths], problems);
      const lex = compileLexicon(raw);
      const byCode = new Map<string, { patterns: number; examples: number }>();
      for (const r of raw.patterns) {
        const s = byCode.get(r.value.code) ?? { patterns: 0, examples: 0 };
        s.patterns++;
        s.examples += r.value.examples.length;
        byCode.set(r.value.code, s);
      }
      const rows: string[] = [];
      const missing: string[] = [];
      for (const c of lex.cameo.values()) {
        if (c.code.length === 2) continue;
        const s = byCode.get(c.code) ?? { patterns: 0, examples: 0 };
        const residual = /not specified/i.test(c.name) || (c.code.endsWith('0') && c.code.length === 3);
        if (s.patterns === 0 && !residual) missing.push(c.code);
        rows.push(`${c.code.padEnd(5)} ${String(s.patterns).padStart(3)} ${String(s.examples).padStart(3)}  ${c.name}`);
      }
      out.write(`CODE  PAT  EX  NAME\n${rows.join('\n')}\n\n`);
      out.write(
        `files ${raw.files.length}; patterns ${raw.patterns.length}; countries ${raw.countries.length}; organizations ${raw.organizations.length}; agents ${raw.agents.length}; people ${raw.people.length}\n`,
      );
      out.write(missing.length ? `codes with no pattern (${missing.length}): ${missing.join(' ')}\n` : 'every specific CAMEO code has at least one pattern\n');
      for (const p of problems) err.write(`casus: ${p.message}\n`);
      return problems.length ? 1 : 0;
    }
    case 'check': {
      const configProblems: DictionaryError[] = [];
      const paths = [...configDictionaries(configProblems), ...flagPaths, ...args.positionals];
      const report = checkDictionaries(paths);
      report.problems.unshift(...configProblems.map((p) => ({ level: 'error' as const, file: p.file, line: p.line, text: p.reason })));
      report.errors += configProblems.length;
      for (const p of report.problems) (p.level === 'error' ? err : out).write(`${p.file}:${p.line}: ${p.level}: ${p.text}\n`);
      out.write(`checked ${report.files} files, ${report.entries} entries: ${report.errors} errors, ${report.warnings} warnings\n`);
      return report.errors ? 1 : 0;
    }
    case 'explain': {
      const sentence = args.positionals.join(' ');
      if (!sentence) throw new UsageError('dict explain needs a sentence in quotes');
      const d = normalizeDate(flag(args, 'date'));
      if (d.error) throw new UsageError(`--date: ${d.error}`);
      out.write(explain(sentence, d.date, dictionaryPaths(flagPaths)));
      return 0;
    }
    default:
      throw new UsageError(`unknown dict command '${sub ?? ''}' (use stats, check or explain)`);
  }
}
