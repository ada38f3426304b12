/**
 * The page's assets, served from an allow-list built once at startup: the files of web/ (flat, known types) and three
 * vendored files from node_modules (d3, the Natural Earth countries of world-atlas, topojson-client), so the page
 * works offline. A request path is
 * looked up as a key; nothing is ever joined onto a file-system path, so `..`, encoded or absolute paths cannot escape.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** web/ of the repository (the server runs from dist/src/server/). */
export const WEB_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));

/** Pages: clean URL → file in web/. */
const PAGES: Record<string, string> = { '/': 'index.html', '/corpus': 'corpus.html', '/favicon.ico': 'favicon.svg' };

/** Vendored files: URL → module path resolved through node_modules, or [package, file next to its entry point]. */
const VENDOR: Record<string, string | [string, string]> = {
  '/vendor/countries-110m.json': 'world-atlas/countries-110m.json',
  '/vendor/topojson-client.min.js': 'topojson-client/dist/topojson-client.min.js',
  // d3 (scales, axes, shapes, force layout, projections) as one UMD file; its package exports no subpaths.
  '/vendor/d3.min.js': ['d3', 'd3.min.js'],
};

export function buildAssets(webDir = WEB_DIR): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const add = (url: string, file: string): void => {
    const type = TYPES[extname(file).toLowerCase()];
    if (!type) return;
    assets.set(url, { body: new Uint8Array(readFileSync(file)), type });
  };
  let names: string[] = [];
  try {
    names = readdirSync(webDir);
  } catch {
    process.stderr.write(`casus serve: no web assets at ${webDir}; serving the API only\n`);
  }
  for (const name of names) {
    if (name.startsWith('.') || !/^[\w.-]+$/.test(name)) continue;
    const file = join(webDir, name);
    if (statSync(file).isFile()) add(`/${name}`, file);
  }
  for (const [url, name] of Object.entries(PAGES)) {
    const a = assets.get(`/${name}`);
    if (a) assets.set(url, a);
  }
  const require = createRequire(import.meta.url);
  for (const [url, spec] of Object.entries(VENDOR)) {
    try {
      add(url, typeof spec === 'string' ? require.resolve(spec) : join(dirname(require.resolve(spec[0])), spec[1]));
    } catch {
      /* a missing optional asset: the map shows no shapes */
    }
  }
  return assets;
}

/** Whether a raw request path tries to leave the asset namespace (dot segments, encoded separators, backslashes, `//`). */
export function isSuspiciousPath(rawPath: string): boolean {
  let p = rawPath;
  if (/%(2e|2f|5c|00)/i.test(p) || p.includes('\\') || p.includes('\0')) return true;
  try {
    p = decodeURIComponent(p);
  } catch {
    return true;
  }
  return p.split('/').some((seg) => seg === '..' || seg === '.') || p.startsWith('//') || /^\/[A-Za-z]:/.test(p);
}
