/**
 * Packed files: what casus compiles at build time from `data/` and its dependencies' word lists (the English
 * lexicon, the city gazetteer, the dictionaries), written to `dist/compiled/` by `npm run build` and read at start-up
 * in a few milliseconds: a JSON header, then typed arrays and strings taken straight from the file's bytes, with no
 * parsing per entry. Each pack carries a stamp of its inputs; a pack whose stamp differs is ignored (then casus
 * compiles from the sources, as the build does).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/compiled/ (this module is dist/src/compiled/pack.js). */
export const COMPILED_DIR = fileURLToPath(new URL('../../compiled/', import.meta.url));
export const packPath = (name: string): string => join(COMPILED_DIR, `${name}.pack`);

const MAGIC = 0x4b505343; // "CSPK", little-endian
const FORMAT = 1;

type Section = Int8Array | Uint8Array | Uint16Array | Int32Array | Uint32Array | Float32Array | string;
const KINDS = { i8: Int8Array, u8: Uint8Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array, f32: Float32Array } as const;
type Kind = keyof typeof KINDS | 'str';
const kindOf = (s: Section): Kind =>
  typeof s === 'string'
    ? 'str'
    : s instanceof Int8Array
      ? 'i8'
      : s instanceof Uint8Array
        ? 'u8'
        : s instanceof Uint16Array
          ? 'u16'
          : s instanceof Int32Array
            ? 'i32'
            : s instanceof Uint32Array
              ? 'u32'
              : 'f32';

interface Header {
  stamp: string;
  meta: unknown;
  sections: Record<string, { kind: Kind; offset: number; bytes: number }>;
}

/** A stamp of a pack's inputs: files (by content) and any other strings (versions, sizes). */
export function stampOf(files: string[], extra: string[] = []): string {
  const h = createHash('sha256');
  for (const f of files)
    h.update(f.slice(f.lastIndexOf('/') + 1))
      .update('\0')
      .update(readFileSync(f))
      .update('\0');
  for (const e of extra) h.update(e).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Write a pack atomically (a reader never sees half a file). */
export function writePack(file: string, stamp: string, meta: unknown, sections: Record<string, Section>): void {
  const parts: Buffer[] = [];
  const layout: Header['sections'] = {};
  let offset = 0;
  for (const [name, s] of Object.entries(sections)) {
    const bytes = typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s.buffer, s.byteOffset, s.byteLength);
    layout[name] = { kind: kindOf(s), offset, bytes: bytes.length };
    const pad = (8 - (bytes.length % 8)) % 8;
    parts.push(bytes, Buffer.alloc(pad));
    offset += bytes.length + pad;
  }
  const head = Buffer.from(JSON.stringify({ stamp, meta, sections: layout } satisfies Header), 'utf8');
  const headPad = (8 - ((12 + head.length) % 8)) % 8;
  const prefix = Buffer.alloc(12);
  prefix.writeUInt32LE(MAGIC, 0);
  prefix.writeUInt32LE(FORMAT, 4);
  prefix.writeUInt32LE(head.length + headPad, 8);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([prefix, head, Buffer.alloc(headPad, 32), ...parts]));
  renameSync(tmp, file);
}

/** A pack read back: its meta and sections, the typed arrays viewing the file's bytes. */
export class Pack {
  constructor(
    readonly meta: unknown,
    private readonly buf: Buffer,
    private readonly base: number,
    private readonly sections: Header['sections'],
  ) {}

  private section(name: string, kind: Kind): { offset: number; bytes: number } {
    const s = this.sections[name];
    if (!s || s.kind !== kind) throw new Error(`packed file: no ${kind} section '${name}'`);
    return { offset: this.base + s.offset, bytes: s.bytes };
  }

  str(name: string): string {
    const { offset, bytes } = this.section(name, 'str');
    return this.buf.toString('utf8', offset, offset + bytes);
  }

  array<K extends keyof typeof KINDS>(name: string, kind: K): InstanceType<(typeof KINDS)[K]> {
    const { offset, bytes } = this.section(name, kind);
    const T = KINDS[kind];
    const at = this.buf.byteOffset + offset;
    if (at % T.BYTES_PER_ELEMENT === 0) return new T(this.buf.buffer as ArrayBuffer, at, bytes / T.BYTES_PER_ELEMENT) as InstanceType<(typeof KINDS)[K]>;
    return new T(new Uint8Array(this.buf.subarray(offset, offset + bytes)).buffer) as InstanceType<(typeof KINDS)[K]>;
  }
}

/** The pack at `file` when it exists and its stamp is `stamp`; otherwise null. */
export function readPack(file: string, stamp: string): Pack | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== FORMAT) return null;
  const headLen = buf.readUInt32LE(8);
  let head: Header;
  try {
    head = JSON.parse(buf.toString('utf8', 12, 12 + headLen)) as Header;
  } catch {
    return null;
  }
  if (head.stamp !== stamp) return null;
  return new Pack(head.meta, buf, 12 + headLen, head.sections);
}
