/**
 * The project's dictionaries compiled at build time (dist/compiled/dictionaries.pack): the Lexicon that
 * compileLexicon makes of `data/`, in the JSON form of compiled/graph.ts, and a hash of every project data file
 * the build checked against its schema. At start-up, when `data/` is as the build saw it, the Lexicon is decoded
 * instead of compiled, and no file is checked again; a file that changed since is checked as usual. User
 * dictionaries (--dict) are always checked. The pack is ignored when the code that compiles or checks
 * dictionaries, or a schema, differs from the build's.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeGraph, encodeGraph } from '../compiled/graph.js';
import { packPath, readPack, stampOf, writePack, type Pack } from '../compiled/pack.js';
import type { Lexicon } from './lexicon.js';

const PACK = packPath('dictionaries');

interface Meta {
  /** Hash of every file under data/ when the Lexicon was compiled (see dataHash). */
  data: string;
  /** Project data file (as displayed, e.g. "data/actors/agents.jsonl") -> hash of the text the build checked. */
  checked: Record<string, string>;
}

export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** The code that compiles and checks dictionaries (this folder and ontology/, as built) and the schemas. */
function stamp(schemaDir: string): string {
  const files: string[] = [];
  for (const dir of [fileURLToPath(new URL('.', import.meta.url)), fileURLToPath(new URL('../ontology/', import.meta.url)), schemaDir]) {
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.js') || f.endsWith('.json')) files.push(join(dir, f));
  }
  return stampOf(files);
}

/**
 * Every file under `dir`, any kind, by path and content: the Lexicon is current only when none changed. `staging/`
 * holds data the loader does not read (data/README.md), so it is left out.
 */
function dataHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) {
        if (rel !== '' || e.name !== 'staging') walk(join(d, e.name), `${rel}${e.name}/`);
      } else
        h.update(`${rel}${e.name}`)
          .update('\0')
          .update(readFileSync(join(d, e.name)))
          .update('\0');
    }
  };
  walk(dir, '');
  return h.digest('hex').slice(0, 24);
}

let pack: { meta: Meta; pack: Pack } | null | undefined;

function current(schemaDir: string): { meta: Meta; pack: Pack } | null {
  if (pack === undefined) {
    const p = readPack(PACK, stamp(schemaDir));
    pack = p ? { meta: p.meta as Meta, pack: p } : null;
  }
  return pack;
}

/** Build time: trust no earlier pack (every file is checked again). */
export function forgetLexiconPack(): void {
  pack = null;
}

/** The compiled Lexicon when the build compiled it from `dataDir` as it is now; else null. */
export function compiledLexicon(dataDir: string, schemaDir: string): Lexicon | null {
  const p = current(schemaDir);
  if (!p || p.meta.data !== dataHash(dataDir)) return null;
  return decodeGraph(JSON.parse(p.pack.str('lexicon'))) as Lexicon;
}

/** Whether the build checked this very text of the project file `display` against its schema. */
export function checkedAtBuild(display: string, text: string, schemaDir: string): boolean {
  const h = current(schemaDir)?.meta.checked[display];
  return h !== undefined && h === textHash(text);
}

/** Write the pack (build time): `lexicon` compiled from the project's files `checked` (display -> text). */
export function writeLexiconPack(lexicon: Lexicon, checked: Array<[string, string]>, dataDir: string, schemaDir: string): void {
  const meta: Meta = { data: dataHash(dataDir), checked: Object.fromEntries(checked.map(([d, t]) => [d, textHash(t)])) };
  writePack(PACK, stamp(schemaDir), meta, { lexicon: JSON.stringify(encodeGraph({ ...lexicon, stats: { ...lexicon.stats, loadMs: 0 } })) });
}
