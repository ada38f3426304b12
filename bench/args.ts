/** Command-line flags of `npm run bench`. */

export const SECTIONS = ['events', 'quotes', 'opinion', 'speed', 'fresh', 'store', 'throughput', 'load'] as const;
export type SectionId = (typeof SECTIONS)[number];

export interface BenchArgs {
  only: SectionId[];
  json: string | null;
  markdown: string | null;
  raw: string[];
}

export const USAGE = `usage: npm run bench -- [--only events,quotes,opinion,speed,fresh,store,throughput] [--json FILE] [--markdown FILE] [--big]
  --only LIST      run only these sections (comma-separated; default: all)
  --big            store section: query a 10-million-event store (generated once, cached in the temp folder) instead of 1 million
                   throughput section: also measure peak memory of casus code on a ~1 GB JSONL input (CASUS_BENCH_BIG_MB)
  --json FILE      write every figure as JSON
  --markdown FILE  write a Markdown report (tables and the exact command) for BENCHMARKS.md`;

export function parseArgs(argv: string[]): BenchArgs {
  const out: BenchArgs = { only: [...SECTIONS], json: null, markdown: null, raw: argv };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--only') {
      const list = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = list.filter((s) => !(SECTIONS as readonly string[]).includes(s));
      if (bad.length) throw new Error(`unknown section(s): ${bad.join(', ')} (known: ${SECTIONS.join(', ')})`);
      out.only = SECTIONS.filter((s) => list.includes(s));
    } else if (flag === '--json') out.json = value();
    else if (flag === '--markdown') out.markdown = value();
    else if (flag === '--big')
      continue; // read by the store section (process.argv)
    else if (flag === '--help' || flag === '-h') throw new Error('help');
    else throw new Error(`unknown argument: ${a}`);
  }
  return out;
}

/** The command as a reader would type it again. */
export function commandLine(raw: string[]): string {
  const q = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return raw.length ? `npm run bench -- ${raw.map(q).join(' ')}` : 'npm run bench';
}
