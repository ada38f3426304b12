import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { InputDoc } from '../document/types.js';

export type InputType = 'text' | 'html' | 'jsonl';

/** One document read from an input, or one problem with a file or line. */
export type ReadItem = { doc: InputDoc } | { error: string };

export function inputTypeOf(file: string): InputType | null {
  const f = file.toLowerCase();
  if (f.endsWith('.txt') || f.endsWith('.text') || f.endsWith('.md')) return 'text';
  if (f.endsWith('.html') || f.endsWith('.htm') || f.endsWith('.xhtml')) return 'html';
  if (f.endsWith('.jsonl') || f.endsWith('.ndjson')) return 'jsonl';
  return null;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Check bytes read whole: not empty, not binary, valid UTF-8. */
export function decodeWhole(buf: Buffer, name: string): { text?: string; error?: string } {
  if (buf.length === 0) return { error: `${name}: empty input` };
  const nul = buf.indexOf(0);
  if (nul >= 0) return { error: `${name}: looks binary (NUL byte at offset ${nul}); expected UTF-8 text` };
  try {
    return { text: decoder.decode(buf).replace(/^\uFEFF/, '') };
  } catch {
    return { error: `${name}: not valid UTF-8; convert it first (for example with iconv -f latin1 -t utf-8)` };
  }
}

export interface ReadOptions {
  type: InputType;
  date: string | null;
}

/** Parse one JSONL line into an InputDoc, or say what is wrong with it. */
export function jsonlDoc(line: string, name: string, n: number, date: string | null): ReadItem | null {
  const trimmed = line.trim();
  if (!trimmed) return null;
  const where = `${name}:${n}`;
  if (trimmed.includes('\uFFFD')) return { error: `${where}: not valid UTF-8` };
  if (trimmed.includes('\u0000')) return { error: `${where}: contains a NUL byte` };
  let v: unknown;
  try {
    v = JSON.parse(trimmed);
  } catch (e) {
    return { error: `${where}: not valid JSON (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 120)})` };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { error: `${where}: expected a JSON object with "text" or "html"` };
  const o = v as Record<string, unknown>;
  const text = o.text;
  const html = o.html;
  if (typeof text !== 'string' && typeof html !== 'string') return { error: `${where}: needs a "text" or "html" string` };
  for (const k of ['id', 'title', 'url', 'source', 'date'] as const) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string' && !(k === 'id' && typeof o[k] === 'number')) {
      return { error: `${where}: "${k}" must be a string` };
    }
  }
  const doc: InputDoc = {
    id: o.id !== undefined && o.id !== null && o.id !== '' ? String(o.id) : where,
    title: (o.title as string | undefined) ?? null,
    url: (o.url as string | undefined) ?? null,
    source: (o.source as string | undefined) ?? null,
    date: (o.date as string | undefined) ?? date,
    origin: { file: name, line: n },
  };
  if (typeof text === 'string') doc.text = text;
  else doc.html = html as string;
  return { doc };
}

/**
 * A file whose first 8 KB are more than 5 % control bytes (NUL and the like: never in JSON text) is binary, not JSON
 * lines: one error for the file, not one per "line". A stray NUL or latin1 byte in one line is that line's error.
 */
function sniffBinary(path: string, name: string): string | null {
  const buf = Buffer.alloc(8192);
  let n: number;
  const fd = openSync(path, 'r');
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (control < 16 || control < n * 0.05) return null;
  return `${name}: looks binary (${control} control bytes in the first ${n}); expected UTF-8 JSON lines`;
}

async function* readJsonlStream(stream: Readable, name: string, date: string | null): AsyncGenerator<ReadItem> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  let any = false;
  for await (const line of rl) {
    n++;
    const item = jsonlDoc(line, name, n, date);
    if (item) {
      any = true;
      yield item;
    }
  }
  if (!any) yield { error: `${name}: empty input (no JSON lines)` };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

/** Read one input (a file path or '-' for stdin) as a stream of documents and problems. */
export async function* readInput(path: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const name = path === '-' ? '<stdin>' : path;
  let stream: Readable;
  if (path === '-') stream = process.stdin;
  else {
    try {
      if (statSync(path).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
      closeSync(openSync(path, 'r'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
      yield { error: `${name}: cannot read (${why})` };
      return;
    }
    stream = createReadStream(path);
  }
  if (opts.type === 'jsonl') {
    const binary = path === '-' ? null : sniffBinary(path, name);
    if (binary) {
      stream.destroy();
      yield { error: binary };
      return;
    }
    yield* readJsonlStream(stream, name, opts.date);
    return;
  }
  const buf = await readAll(stream);
  const { text, error } = decodeWhole(buf, name);
  if (error || text === undefined) {
    yield { error: error ?? `${name}: unreadable` };
    return;
  }
  if (!text.trim()) {
    yield { error: `${name}: empty input (only whitespace)` };
    return;
  }
  const base =
    path === '-'
      ? 'stdin'
      : path
          .split('/')
          .pop()!
          .replace(/\.[^.]+$/, '');
  const doc: InputDoc = { id: base, date: opts.date, origin: { file: name } };
  if (opts.type === 'html') doc.html = text;
  else doc.text = text;
  yield { doc };
}
