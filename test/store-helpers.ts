/** Helpers for the store tests: a small news corpus written for the tests, a big generated one, and a CLI child. */
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, ROOT } from './helpers.js';

/** Short news-like articles (written for these tests). n7 reprints n1 under another id; the 5th line has no id. */
export const NEWS = [
  {
    id: 'n1',
    date: '2024-03-04',
    source: 'Reuters',
    title: 'US imposes sanctions on Iran',
    text: 'US imposes sanctions on Iran\n\nWASHINGTON - The United States imposed new sanctions on Iran on Monday. Iran condemned the United States over the sanctions.',
  },
  {
    id: 'n2',
    date: '2024-03-04',
    source: 'AP',
    title: 'Washington sanctions Tehran',
    text: 'The United States imposed sanctions on Iran on Monday, officials said. China criticized the United States for the move.',
  },
  {
    id: 'n3',
    date: '2024-03-05',
    source: 'Reuters',
    title: 'Russia attacks Ukraine',
    text: 'Russian forces attacked Ukraine on Tuesday. Ukraine accused Russia of war crimes. Germany praised Ukraine for its resistance.',
  },
  {
    id: 'n4',
    date: '2024-03-12',
    source: 'BBC',
    title: 'Talks in Beijing',
    text: 'China met with Russia in Beijing on Tuesday. The United States criticized China. Officials said Russia did not attack Moldova.',
  },
  {
    date: '2024-03-13',
    source: 'Al Jazeera',
    text: 'Israel struck Hamas targets in Gaza on Wednesday. Egypt called for a ceasefire between Israel and Hamas.',
  },
  {
    id: 'n6',
    date: '2024-03-14',
    source: 'Guardian',
    title: 'Comment',
    text: "It is a disgrace that the United States criticized China. France welcomed Germany's offer of aid.",
  },
  {
    id: 'n7',
    date: '2024-03-04',
    source: 'CNN',
    title: 'US imposes sanctions on Iran',
    text: 'US imposes sanctions on Iran\n\nWASHINGTON - The United States imposed new sanctions on Iran on Monday. Iran condemned the United States over the sanctions.',
  },
  {
    id: 'n8',
    date: '2024-03-20',
    source: 'AFP',
    title: 'Ministers',
    text: 'Ingrid Haldor criticized China on Wednesday. Japan and South Korea signed a trade agreement.',
  },
];

export const jsonl = (docs: object[]): string => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

const COUNTRIES = ['France', 'Germany', 'Japan', 'Brazil', 'India', 'Egypt', 'Turkey', 'Canada', 'Mexico', 'Kenya', 'Poland', 'Spain'];
const VERBS = ['criticized', 'praised', 'met with', 'accused', 'threatened', 'thanked'];

/** `n` distinct short articles with events, ids big-1..big-n. */
export function bigCorpus(n: number): string {
  const docs = [];
  for (let i = 0; i < n; i++) {
    const a = COUNTRIES[i % COUNTRIES.length]!,
      b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length]!,
      v = VERBS[i % VERBS.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    docs.push({
      id: `big-${i + 1}`,
      date: `2023-05-${day}`,
      source: `outlet${i % 5}`,
      text: `${a} ${v} ${b} on Monday. Report number ${i + 1} said ${b} ${VERBS[(i + 1) % VERBS.length]} ${a}.`,
    });
  }
  return jsonl(docs);
}

/** Start the CLI in the background; resolves `seen` when a stderr line matches. */
export function startCli(args: string[]): {
  child: ChildProcess;
  seen(re: RegExp, timeoutMs?: number): Promise<string>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
} {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CASUS_DEBUG: '' } });
  let stderr = '';
  let stdout = '';
  const waiters: { re: RegExp; resolve(s: string): void }[] = [];
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of [...waiters]) {
      const line = stderr.split('\n').find((l) => w.re.test(l));
      if (line) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr, stdout })),
  );
  return {
    child,
    done,
    seen(re, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${re} (stderr: ${stderr.slice(-500)})`)), timeoutMs);
        waiters.push({ re, resolve: (s) => (clearTimeout(t), resolve(s)) });
        void done.then(() => reject(new Error(`process ended before ${re} (stderr: ${stderr.slice(-500)})`)));
      });
    },
  };
}
