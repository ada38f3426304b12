/** `casus code --workers N`: input order, per-document errors, usage errors, crashes, quiet progress (issue "part 6"). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import type { InputDoc } from '../src/document/types.js';
import type { ReadItem } from '../src/ingest/read.js';
import type { Coded } from '../src/cli/coded.js';
import { codeOrdered } from '../src/cli/ordered.js';
import { progressWanted, renderProgress } from '../src/cli/progress.js';
import { BIN, ROOT, assertNoStack, assertOneLineErrors, parseDocuments, tempDir } from './helpers.js';

const SENTENCES = [
  "Norway condemned Russia's missile strikes on Kyiv.",
  'France and Italy signed a trade agreement in Rome.',
  'Germany criticized Iran over its nuclear program.',
  'The United States imposed sanctions on North Korea on Monday.',
  'China and India agreed to hold talks on the border dispute.',
  'Police arrested protesters in Nairobi, officials said.',
];

/** 40 short documents of different lengths (so workers finish out of order); `broken` puts a bad line at that index. */
function corpus(broken?: number): string {
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    if (i === broken) lines.push('{"id":"broken", "text": "Spain met');
    else {
      const text = Array.from({ length: 1 + (i % 4) }, (_, k) => SENTENCES[(i + k * 5) % SENTENCES.length]).join(' ');
      lines.push(JSON.stringify({ id: `d${i}`, text, date: `2022-10-${String(1 + (i % 28)).padStart(2, '0')}` }));
    }
  }
  return lines.join('\n') + '\n';
}

function run(args: string[], env: Record<string, string | undefined> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    input: '',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 180_000,
    env: { ...process.env, CASUS_DEBUG: '', CASUS_TEST_WORKER_CRASH: '', ...env },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('casus code --workers', () => {
  test('--workers 2 prints exactly what --workers 1 prints, in input order; quiet stderr when piped', () => {
    const t = tempDir();
    try {
      const file = t.write('forty.jsonl', corpus());
      const one = run(['code', file, '--format', 'documents', '--workers', '1']);
      // CI unset: stderr is a pipe here, so progress must stay quiet anyway.
      const two = run(['code', file, '--format', 'documents', '--workers', '2'], { CI: undefined });
      for (const r of [one, two]) {
        assertNoStack(r.stderr);
        assert.equal(r.stderr, '', `stderr must be empty when piped:\n${r.stderr}`);
        assert.equal(r.status, 0);
      }
      assert.equal(two.stdout, one.stdout, 'output with 2 workers differs from the output in one thread');
      assert.deepEqual(
        parseDocuments(two.stdout).map((d) => d.id),
        Array.from({ length: 40 }, (_, i) => `d${i}`),
      );
    } finally {
      t.cleanup();
    }
  });

  test('a broken line in the middle is reported with FILE:LINE, every other line is coded, in order', () => {
    const t = tempDir();
    try {
      const file = t.write('broken.jsonl', corpus(20));
      const r = run(['code', file, '--format', 'documents', '--workers', '2']);
      assert.equal(r.status, 1);
      assertOneLineErrors(r.stderr, [`${file}:21`], 1);
      const ids = parseDocuments(r.stdout).map((d) => d.id);
      assert.deepEqual(
        ids,
        Array.from({ length: 40 }, (_, i) => `d${i}`).filter((id) => id !== 'd20'),
      );
    } finally {
      t.cleanup();
    }
  });

  test('a worker that dies is reported for its document; the run goes on and ends', () => {
    const t = tempDir();
    try {
      const file = t.write('crash.jsonl', corpus());
      const r = run(['code', file, '--format', 'documents', '--workers', '2'], { CASUS_TEST_WORKER_CRASH: 'd7' });
      assert.equal(r.status, 1);
      const [line] = assertOneLineErrors(r.stderr, [`${file}:8`], 1);
      assert.match(line!, /internal error/);
      assert.deepEqual(
        parseDocuments(r.stdout).map((d) => d.id),
        Array.from({ length: 40 }, (_, i) => `d${i}`).filter((id) => id !== 'd7'),
      );
    } finally {
      t.cleanup();
    }
  });

  test("a document that fills a worker's capped heap is coded again without the cap: nothing lost, no error", () => {
    const t = tempDir();
    try {
      const file = t.write('oom.jsonl', corpus());
      const one = run(['code', file, '--format', 'documents', '--workers', '1']);
      // The hook fills the heap only in capped workers, so the retry in the uncapped spare worker succeeds.
      const r = run(['code', file, '--format', 'documents', '--workers', '2'], { CASUS_TEST_WORKER_OOM: 'd7' });
      assertNoStack(r.stderr);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
      assert.equal(r.stdout, one.stdout);
    } finally {
      t.cleanup();
    }
  });

  test('--workers 0, abc, 1.5 are usage errors (exit 2)', () => {
    for (const w of ['0', 'abc', '1.5', '-3']) {
      const r = run(['code', '--workers', w, '--format', 'jsonl']);
      assert.equal(r.status, 2, `--workers ${w}`);
      assertNoStack(r.stderr);
      assert.match(r.stderr, /^casus: --workers must be a whole number/);
      assert.equal(r.stdout, '');
    }
  });
});

describe('progress', () => {
  test('only on a terminal, never with CI set', () => {
    assert.equal(progressWanted({ isTTY: true }, {}), true);
    assert.equal(progressWanted({ isTTY: true }, { CI: 'true' }), false);
    assert.equal(progressWanted({ isTTY: false }, {}), false);
    assert.equal(progressWanted({}, {}), false);
  });

  test('shows documents, events, rate, and the time left when the size is known', () => {
    const line = renderProgress({ docs: 1500, failed: 2, events: 4200, doneBytes: 25, totalBytes: 100, elapsedMs: 10_000, width: 120 });
    assert.match(line, /1,500 docs, 4,200 events, 2 failed, 150 docs\/s/);
    assert.match(line, /25%, 30s left/);
    assert.ok(!/left/.test(renderProgress({ docs: 3, failed: 0, events: 1, doneBytes: 9, totalBytes: null, elapsedMs: 2000, width: 80 })));
    assert.ok(renderProgress({ docs: 3, failed: 0, events: 1, doneBytes: 9, totalBytes: 100, elapsedMs: 2000, width: 40 }).length < 40);
  });
});

describe('ordered streaming core', () => {
  async function* source(n: number): AsyncGenerator<ReadItem> {
    for (let i = 0; i < n; i++) {
      if (i % 13 === 5) yield { error: `f:${i + 1}: bad` };
      else yield { doc: { id: `d${i}`, text: 'x'.repeat(1 + (i % 7)), date: null } };
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
  }

  test('results come out in input order with a bounded number of batches in flight and drain respected', async () => {
    let inFlight = 0;
    let peak = 0;
    let blocked = false;
    const out: string[] = [];
    const errs: string[] = [];
    const engine = {
      batchDocs: 4,
      batchChars: 1e9,
      maxBatches: 3,
      run: (docs: InputDoc[]): Promise<Coded[]> => {
        peak = Math.max(peak, ++inFlight);
        return new Promise((resolve) =>
          setTimeout(() => {
            inFlight--;
            resolve(docs.map((d) => (d.id === 'd42' ? { err: `casus: ${d.id}: failed\n` } : { out: `${d.id}\n`, events: 1 })));
          }, Math.random() * 5),
        );
      },
    };
    const sink = {
      out: (s: string) => {
        assert.ok(!blocked, 'wrote while waiting for drain');
        out.push(s);
        blocked = out.length % 9 === 0;
        return !blocked;
      },
      drain: () => new Promise<void>((r) => setTimeout(() => ((blocked = false), r()), 2)),
      err: (s: string) => void errs.push(s),
    };
    const { failed } = await codeOrdered(source(200), engine, sink, () => '');
    assert.equal(failed, true);
    const want = Array.from({ length: 200 }, (_, i) => i)
      .filter((i) => i % 13 !== 5 && i !== 42)
      .map((i) => `d${i}\n`);
    assert.deepEqual(out, want);
    assert.equal(errs.length, Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 13 === 5).length + 1);
    assert.ok(peak <= 3, `${peak} batches in flight (max 3)`);
  });
});
