/** Shared helpers for the CLI/contract tests: run the CLI, validate Documents against the schema, check offsets. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Document, Event } from '../src/index.js';

// Tests run from dist/test/, so the repo root is two levels up.
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/casus.js', import.meta.url));
export const SCHEMA_PATH = fileURLToPath(new URL('../../schema/document.schema.json', import.meta.url));

/** Path of a fixture in test/inputs/ (the source folder: tsc does not copy these). */
export function input(name: string): string {
  return fileURLToPath(new URL(`../../test/inputs/${name}`, import.meta.url));
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { input?: string | Buffer; cwd?: string; timeoutMs?: number } = {}): CliResult {
  const timeout = opts.timeoutMs ?? 120_000;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.cwd ?? ROOT,
    maxBuffer: 256 * 1024 * 1024,
    timeout,
    env: { ...process.env, CASUS_DEBUG: '' },
  });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') assert.fail(`casus ${args.join(' ')} did not finish within ${timeout / 1000}s`);
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder; call the returned cleanup when done. */
export function tempDir(): { dir: string; write(name: string, data: string | Buffer): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'casus-test-'));
  return {
    dir,
    write(name, data) {
      const p = join(dir, name);
      writeFileSync(p, data);
      return p;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- schema ----

const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as {
  definitions: Record<string, unknown>;
  properties: { events: { items: Record<string, unknown> } };
};
const ajv = new Ajv({ strict: false, allErrors: true });
const validateDoc: ValidateFunction = ajv.compile(schema);
// The event item on its own, with the definitions it refers to (no $id, so it does not clash with the document schema).
const validateEv: ValidateFunction = ajv.compile({ definitions: schema.definitions, ...schema.properties.events.items });

function errorsOf(v: ValidateFunction): string {
  return ajv.errorsText(v.errors, { separator: '\n  ' });
}

export function validateDocument(doc: unknown, label = 'document'): asserts doc is Document {
  const ok = validateDoc(doc);
  assert.ok(ok, `${label} does not match schema/document.schema.json:\n  ${errorsOf(validateDoc)}`);
}

export function validateEvent(ev: unknown, label = 'event'): asserts ev is Event {
  const ok = validateEv(ev);
  assert.ok(ok, `${label} does not match the schema's event item:\n  ${errorsOf(validateEv)}`);
}

// ---- offsets ----

interface Spanned {
  start: number;
  end: number;
  text: string;
}

function checkSpan(doc: Document, s: Spanned | null | undefined, what: string): void {
  if (!s) return;
  assert.ok(
    s.start >= 0 && s.start <= s.end && s.end <= doc.text.length,
    `${doc.id}: ${what} [${s.start},${s.end}) outside the text (length ${doc.text.length})`,
  );
  assert.equal(doc.text.slice(s.start, s.end), s.text, `${doc.id}: ${what} text does not match doc.text.slice(${s.start}, ${s.end})`);
}

/** Every offset-bearing object with a `text` must satisfy doc.text.slice(start, end) === text. */
export function checkOffsets(doc: Document): void {
  for (const s of doc.sentences) checkSpan(doc, s, `sentence ${s.index}`);
  for (const a of doc.actors) for (const m of a.mentions) checkSpan(doc, m, `mention of actor ${a.id}`);
  for (const [i, q] of doc.quotes.entries()) {
    checkSpan(doc, q, `quote ${i}`);
    checkSpan(doc, q.cue, `quote ${i} cue`);
    checkSpan(doc, q.speaker, `quote ${i} speaker`);
  }
  for (const e of doc.events) {
    checkSpan(doc, e.verb, `event ${e.id} verb`);
    checkSpan(doc, e.source, `event ${e.id} source`);
    checkSpan(doc, e.target, `event ${e.id} target`);
    checkSpan(doc, e.attribution.speaker, `event ${e.id} speaker`);
    assert.ok(e.sentence < doc.sentences.length, `${doc.id}: event ${e.id} points at sentence ${e.sentence} of ${doc.sentences.length}`);
    for (const sp of [e.dateSpan, e.location]) {
      if (sp)
        assert.ok(sp.start >= 0 && sp.start <= sp.end && sp.end <= doc.text.length, `${doc.id}: event ${e.id} span [${sp.start},${sp.end}) outside the text`);
    }
  }
}

/** Schema + offsets. */
export function checkDocument(doc: unknown, label?: string): asserts doc is Document {
  validateDocument(doc, label);
  checkOffsets(doc);
}

// ---- output parsing and stderr checks ----

/** Parse one JSON value per non-empty line. */
export function parseLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch (e) {
        assert.fail(`stdout line ${i + 1} is not JSON (${(e as Error).message}): ${l.slice(0, 200)}`);
      }
    });
}

export function parseDocuments(stdout: string): Document[] {
  const docs = parseLines(stdout);
  docs.forEach((d, i) => checkDocument(d, `document on line ${i + 1}`));
  return docs as Document[];
}

export function stderrLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() !== '');
}

/** No stack trace: no "    at " frames, no "Error:" dumps from Node itself. */
export function assertNoStack(stderr: string): void {
  assert.ok(!/^\s+at /m.test(stderr), `stderr has a stack trace:\n${stderr}`);
  assert.ok(!/node:internal|Uncaught|triggerUncaughtException/.test(stderr), `stderr looks like a crash:\n${stderr}`);
}

/**
 * stderr holds exactly `count` error lines (if given), each one line starting with "casus: ",
 * and, for each `mentions` entry, some line that contains it (a file name, or file:line).
 */
export function assertOneLineErrors(stderr: string, mentions: string[], count?: number): string[] {
  assertNoStack(stderr);
  const lines = stderrLines(stderr);
  for (const l of lines) assert.match(l, /^casus: /, `stderr line is not a casus message: ${l}`);
  if (count !== undefined) assert.equal(lines.length, count, `expected ${count} stderr line(s), got:\n${stderr}`);
  for (const m of mentions)
    assert.ok(
      lines.some((l) => l.includes(m)),
      `no stderr line names '${m}':\n${stderr}`,
    );
  return lines;
}
