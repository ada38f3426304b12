import { UsageError } from './args.js';
import { DictionaryError } from '../lexicon/jsonl.js';
import { runCode } from './code.js';
import { CASUS_VERSION } from '../version.js';

const USAGE = `casus ${CASUS_VERSION}: code English political news into event data (CAMEO, PLOVER)

Usage:
  casus code [FILE...|-] [--format table|json|documents|jsonl|tsv] [--input text|html|jsonl]
             [--date YYYY-MM-DD] [--dict PATH]... [--include-opinion] [--ontology cameo|plover] [--workers N]
  casus serve [--port N] [--db PATH] [--host 127.0.0.1] [--workers N] [--token-file PATH]
  casus dict stats|check [PATH...]|explain "SENTENCE" [--date D]
  casus ingest FILE... --db PATH [--date D] [--dict PATH]... [--recode] [--batch N]
  casus query events|dyads|actors --db PATH [--source CODE] [--target CODE] [--root NN] [--from D] [--to D]
             [--by day|week|month] [--format table|json|csv] [--limit N] [--include-opinion]
  casus export --db PATH --format csv|parquet --out FILE [--reports]
  (ingest, query, export and serve take --store postgres://... instead of --db PATH for a shared PostgreSQL store)
  casus submit FILE... --queue nats://HOST:PORT [--stream NAME]
  casus worker --queue nats://HOST:PORT --store postgres://... [--stream NAME] [--workers N] [--batch N]
             [--max-deliver N] [--ack-wait SECONDS] [--exit-when-empty]
  casus queue status --queue nats://HOST:PORT [--stream NAME] [--store postgres://...]
  casus queue failures --store postgres://...
  casus queue retry --queue nats://HOST:PORT --store postgres://... [--stream NAME]
  casus --version | --help | COMMAND --help

Input type comes from the extension (.txt, .html/.htm, .jsonl/.ndjson); stdin is read when no file or '-' is given.
casus code streams its input and codes it on --workers N threads (default: all cores; 1: no worker), output in input order;
it shows progress on stderr when that is a terminal (not with CI set).
Exit codes: 0 all input read, 1 some input could not be read (the rest was coded), 2 usage error.
`;

export interface Io {
  out: { write(s: string): void };
  err: { write(s: string): void };
}

const COMMANDS = ['code', 'serve', 'dict', 'ingest', 'query', 'export', 'submit', 'worker', 'queue'];

/** The usage lines of one command (each of its lines in USAGE and the lines that continue them), then the notes. */
function commandUsage(cmd: string): string {
  const lines = USAGE.split('\n');
  const mine: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith(`  casus ${cmd} `)) continue;
    mine.push(lines[i]!);
    while (i + 1 < lines.length && /^ {5,}\S/.test(lines[i + 1]!)) mine.push(lines[++i]!);
  }
  return `Usage:\n${mine.join('\n')}\n\n${USAGE.slice(USAGE.indexOf('Input type comes'))}`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (cmd && COMMANDS.includes(cmd) && (options.includes('--help') || options.includes('-h'))) {
    io.out.write(commandUsage(cmd));
    return 0;
  }
  try {
    switch (cmd) {
      case 'code':
        return await runCode(rest, io.out, io.err);
      case 'serve': {
        const { runServe } = await import('./serve.js');
        // The server takes its dictionaries as --dict paths; those named in casus.config.json go first.
        const { dictionaryPaths } = await import('./config.js');
        return await runServe([...dictionaryPaths().flatMap((d) => ['--dict', d]), ...rest], io.out, io.err);
      }
      case 'dict': {
        const { runDict } = await import('./dict.js');
        return await runDict(rest, io.out, io.err);
      }
      case 'ingest':
      case 'query':
      case 'export': {
        const store = await import('./store.js');
        const run = cmd === 'ingest' ? store.runIngest : cmd === 'query' ? store.runQuery : store.runExport;
        return await run(rest, io.out, io.err);
      }
      case 'submit':
      case 'worker':
      case 'queue': {
        const q = await import('./queue.js');
        const run = cmd === 'submit' ? q.runSubmit : cmd === 'worker' ? q.runWorkerCommand : q.runQueue;
        return await run(rest, io.out, io.err);
      }
      case '--version':
      case '-v':
        io.out.write(`${CASUS_VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out.write(USAGE);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${cmd}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err.write(`casus: ${e.message}\nRun 'casus --help' for usage.\n`);
      return 2;
    }
    if (e instanceof DictionaryError) {
      io.err.write(`casus: dictionary error: ${e.message}\n`);
      return 2;
    }
    io.err.write(`casus: internal error: ${(e as Error).message}\n`);
    if (process.env.CASUS_DEBUG) io.err.write(`${(e as Error).stack}\n`);
    return 1;
  }
}
