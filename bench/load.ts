/**
 * load: 50 concurrent clients on loopback post a ~1,000-word article to /api/code of a `casus serve` child process
 * for 30 seconds after a 5-second warm-up (bounded loops that stop by themselves). Reports requests, errors, latency percentiles and the
 * server's RSS at start, middle and end. Run alone: `node dist/bench/load.js [--clients N] [--seconds S]`.
 *
 * `--mixed` (runMixedLoad): 200 concurrent clients post articles, one more posts the largest body the API takes
 * (2 MiB of nested HTML elements), and a status request goes out every 100 ms: no request may fail, the status p99
 * must stay under 200 ms, and the server's RSS after the run must be within 20 % of its RSS before.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { spawnServer } from '../src/server/child.js';
import { renderText, type SectionResult } from './report.js';

const TITLE = 'Load (HTTP /api/code)';
const WARMUP_S = 5;
const MIXED_WARMUP_S = 10;
const COUNTRIES = [
  ['Turkish', 'Greek'],
  ['Russian', 'Ukrainian'],
  ['American', 'Chinese'],
  ['Indian', 'Pakistani'],
  ['Israeli', 'Egyptian'],
  ['French', 'German'],
];
const TEMPLATES = [
  'The {a} foreign minister met his {b} counterpart on Monday to discuss the dispute over the border, officials said.',
  '{A} troops fired on {b} positions near the frontier late on Tuesday, according to a statement from the {b} army.',
  'The {b} government condemned the attack and accused {A} leaders of escalating the conflict.',
  '"We will not accept threats against our sovereignty," the {b} prime minister told reporters in the capital.',
  'Diplomats from both countries agreed to resume talks next month, a spokesperson for the {a} embassy said.',
  'The {a} president rejected calls for a ceasefire, saying the military operation would continue until its goals were met.',
  'Protesters gathered outside the {a} embassy, urging the government to expel the ambassador.',
  'The United Nations Secretary-General urged both sides to exercise restraint and return to negotiations.',
];

/** A deterministic news article of about `words` words. */
export function loadArticle(words = 1000): string {
  const paras: string[] = ['Tensions Rise as Neighbours Trade Accusations'];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const [a, b] = COUNTRIES[i % COUNTRIES.length]!;
    const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
    const s = TEMPLATES[i % TEMPLATES.length]!.replaceAll('{a}', a!).replaceAll('{A}', cap(a!)).replaceAll('{b}', b!);
    if (i % 3 === 0) paras.push(s);
    else paras[paras.length - 1] += ' ' + s;
    n += s.split(/\s+/).length;
  }
  return paras.join('\n\n') + '\n';
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const pctl = (sorted: number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

export async function runLoad(log: (s: string) => void, { clients = 50, seconds = 30 } = {}): Promise<SectionResult> {
  const server = await spawnServer();
  try {
    const { hostname } = new URL(server.url);
    if (hostname !== '127.0.0.1') throw new Error(`the load test only targets 127.0.0.1 (got ${hostname})`);
    const pid = server.child.pid!;
    const text = loadArticle();
    const body = JSON.stringify({ text, date: '2024-05-14', title: 'load test' });
    const words = text.split(/\s+/).length;
    const post = () => fetch(`${server.url}/api/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const warm = await post();
    const events = ((await warm.json()) as { events?: unknown[] }).events?.length ?? 0;
    log(`bench: load: ${clients} clients for ${seconds} s against ${server.url} (${words} words, ${events} events per article)`);
    const idle = rssMb(pid);
    const latencies: number[] = [];
    const errors = new Map<string, number>();
    let deadline = 0;
    let record = false;
    const client = async (): Promise<void> => {
      for (let i = 0; i < 100_000 && performance.now() < deadline; i++) {
        const t = performance.now();
        try {
          const res = await post();
          const json = (await res.json()) as { schemaVersion?: string };
          if (res.status !== 200 || json.schemaVersion !== '1') errors.set(`HTTP ${res.status}`, (errors.get(`HTTP ${res.status}`) ?? 0) + 1);
          else if (record) latencies.push(performance.now() - t);
        } catch (e) {
          const k = (e as Error).message;
          errors.set(k, (errors.get(k) ?? 0) + 1);
        }
      }
    };
    // Warm-up: the same load for a few seconds, so that "start" is the server's RSS once its heap has grown to the load.
    deadline = performance.now() + WARMUP_S * 1000;
    await Promise.all(Array.from({ length: clients }, client));
    const rss = { idle, start: rssMb(pid), middle: NaN, end: NaN };
    record = true;
    const t0 = performance.now();
    deadline = t0 + seconds * 1000;
    const middle = setTimeout(() => (rss.middle = rssMb(pid)), (seconds * 1000) / 2);
    await Promise.all(Array.from({ length: clients }, client));
    clearTimeout(middle);
    const elapsed = (performance.now() - t0) / 1000;
    rss.end = rssMb(pid);
    const sorted = latencies.sort((a, b) => a - b);
    const nErr = [...errors.values()].reduce((a, b) => a + b, 0);
    const ms = (x: number) => `${Math.round(x)} ms`;
    const mb = (x: number) => `${x.toFixed(0)} MB`;
    return {
      id: 'load',
      title: TITLE,
      status: 'ok',
      notices: nErr ? [`errors: ${[...errors].map(([k, v]) => `${k} ×${v}`).join(', ')}`] : [],
      figures: [
        ['clients / duration', `${clients} on ${server.url}, ${elapsed.toFixed(1)} s`],
        ['article', `${words} words, ${text.length} characters, ${events} events`],
        ['requests completed', `${sorted.length} (${(sorted.length / elapsed).toFixed(1)}/s)`],
        ['errors', String(nErr)],
        ['latency p50 / p95 / p99', `${ms(pctl(sorted, 50))} / ${ms(pctl(sorted, 95))} / ${ms(pctl(sorted, 99))}`],
        [
          'server RSS start / middle / end',
          `${mb(rss.start)} / ${mb(rss.middle)} / ${mb(rss.end)} (idle before load: ${mb(rss.idle)}; after ${WARMUP_S} s warm-up)`,
        ],
      ],
      tables: [],
      data: {
        clients,
        seconds: elapsed,
        words,
        events,
        requests: sorted.length,
        errors: nErr,
        errorKinds: Object.fromEntries(errors),
        latencyMs: { p50: pctl(sorted, 50), p95: pctl(sorted, 95), p99: pctl(sorted, 99), max: sorted[sorted.length - 1] ?? null },
        rssMb: rss,
      },
    };
  } finally {
    await server.stop();
  }
}

/** The largest body /api/code takes (2 MiB): one sentence inside nested <div>s. */
export function nestedBody(bytes = 2 * 1024 * 1024 - 64): string {
  const n = Math.floor((bytes - 120) / 11);
  return JSON.stringify({ html: '<div>'.repeat(n) + 'Turkey condemned Greece on Monday.' + '</div>'.repeat(n), date: '2021-03-08' });
}

/** A status request every 100 ms until `until`; posts back the latencies (ms) and the errors. */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const ms = [], errors = [];
  while (Date.now() < workerData.until) {
    const t = performance.now();
    try {
      const res = await fetch(workerData.url);
      await res.json();
      if (res.status !== 200) errors.push('HTTP ' + res.status);
      ms.push(performance.now() - t);
    } catch (e) {
      errors.push(e.message);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - t))));
  }
  parentPort.postMessage({ ms, errors });
})();
`;

export async function runMixedLoad(log: (s: string) => void, { clients = 200, seconds = 20 } = {}): Promise<SectionResult> {
  const server = await spawnServer();
  try {
    const pid = server.child.pid!;
    const text = loadArticle(300);
    const body = JSON.stringify({ text, date: '2024-05-14', title: 'load test' });
    const post = (b: string) => fetch(`${server.url}/api/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: b });
    for (let i = 0; i < 4; i++) await (await post(body)).json();
    const idle = rssMb(pid);
    const errors = new Map<string, number>();
    const fail = (k: string) => errors.set(k, (errors.get(k) ?? 0) + 1);
    const latencies: number[] = [];
    const statusMs: number[] = [];
    let record = false;
    let deadline = 0;
    const client = async (): Promise<void> => {
      for (let i = 0; i < 100_000 && performance.now() < deadline; i++) {
        const t = performance.now();
        try {
          const res = await post(body);
          // Checked, not parsed: parsing 600 Documents a second would slow this process's own clock.
          const json = await res.text();
          if (res.status !== 200 || !json.startsWith('{"schemaVersion":"1"')) fail(`HTTP ${res.status}`);
          else if (record) latencies.push(performance.now() - t);
        } catch (e) {
          fail((e as Error).message);
        }
      }
    };
    // Warm-up: the same clients for a few seconds, so that "before" is the RSS of a server whose heaps have grown to
    // the load (as in the plain load test); the RSS of the idle server is reported too.
    deadline = performance.now() + MIXED_WARMUP_S * 1000;
    await Promise.all(Array.from({ length: clients }, client));
    await new Promise((r) => setTimeout(r, 2000));
    const before = rssMb(pid);
    let peak = before;
    log(`bench: load --mixed: ${clients} clients + one 2 MiB nested body + status every 100 ms for ${seconds} s against ${server.url}`);
    record = true;
    deadline = performance.now() + seconds * 1000;
    const big = (async () => {
      const t = performance.now();
      const res = await post(nestedBody());
      const doc = (await res.json()) as { text?: string; events?: unknown[] };
      if (res.status !== 200 || doc.text !== 'Turkey condemned Greece on Monday.') fail(`nested body: HTTP ${res.status}`);
      return { ms: performance.now() - t, events: doc.events?.length ?? 0 };
    })();
    // The status requests go out from a thread of their own, so that the 200 clients' work does not delay them here.
    const poller = new Worker(POLLER, { eval: true, workerData: { url: `${server.url}/api/status`, until: Date.now() + seconds * 1000 } });
    const memory = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 500);
    const poll = new Promise<void>((resolve, reject) => {
      poller.on('message', (m: { ms: number[]; errors: string[] }) => {
        statusMs.push(...m.ms);
        for (const e of m.errors) fail(`status: ${e}`);
        resolve();
      });
      poller.on('error', reject);
    }).finally(() => clearInterval(memory));
    const [nested] = await Promise.all([big, poll, ...Array.from({ length: clients }, client)]);
    await new Promise((r) => setTimeout(r, 2000));
    const after = rssMb(pid);
    const st = statusMs.sort((a, b) => a - b);
    const lat = latencies.sort((a, b) => a - b);
    const nErr = [...errors.values()].reduce((a, b) => a + b, 0);
    const ms = (x: number) => `${Math.round(x)} ms`;
    const growth = (after - before) / before;
    const ok = nErr === 0 && pctl(st, 99) < 200 && Math.abs(growth) <= 0.2;
    return {
      id: 'load',
      title: `${TITLE}, mixed`,
      status: ok ? 'ok' : 'failed',
      notices: nErr ? [`errors: ${[...errors].map(([k, v]) => `${k} ×${v}`).join(', ')}`] : [],
      figures: [
        ['clients / duration', `${clients} posting a ${text.split(/\s+/).length}-word article, ${seconds} s, on ${server.url}`],
        ['articles coded', `${lat.length} (${(lat.length / seconds).toFixed(1)}/s), latency p50 / p99 ${ms(pctl(lat, 50))} / ${ms(pctl(lat, 99))}`],
        ['2 MiB nested body', `coded in ${ms(nested.ms)} (${nested.events} events)`],
        ['status requests', `${st.length}, p50 / p99 / max ${ms(pctl(st, 50))} / ${ms(pctl(st, 99))} / ${ms(st[st.length - 1] ?? NaN)} (limit: p99 < 200 ms)`],
        ['errors', String(nErr)],
        [
          'server RSS before / peak / after',
          `${before.toFixed(0)} / ${peak.toFixed(0)} / ${after.toFixed(0)} MB (after ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % of before; limit ±20 %; before: after a ${MIXED_WARMUP_S}-s warm-up; idle at start ${idle.toFixed(0)} MB)`,
        ],
      ],
      tables: [],
      data: {
        clients,
        seconds,
        requests: lat.length,
        errors: nErr,
        errorKinds: Object.fromEntries(errors),
        nestedMs: nested.ms,
        statusMs: { n: st.length, p50: pctl(st, 50), p99: pctl(st, 99), max: st[st.length - 1] ?? null },
        rssMb: { idle, before, peak, after },
        ok,
      },
    };
  } finally {
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string, d: number) => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i > 0 ? Number(process.argv[i + 1]) : d;
    if (!Number.isInteger(v) || v < 1 || v > 600) throw new Error(`--${name} must be a whole number from 1 to 600`);
    return v;
  };
  const mixed = process.argv.includes('--mixed');
  const log = (s: string) => process.stderr.write(s + '\n');
  (mixed
    ? runMixedLoad(log, { clients: arg('clients', 200), seconds: arg('seconds', 20) })
    : runLoad(log, { clients: arg('clients', 50), seconds: arg('seconds', 30) })
  ).then(
    (r) => {
      process.stdout.write(renderText(r));
      if (r.data.errors || r.data.ok === false) process.exitCode = 1;
    },
    (e) => {
      process.stderr.write(`load: ${(e as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
