/** Where the repository and the shared benchmark data are. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The casus repository root: the nearest folder above this file whose package.json is named "casus". */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'casus') return dir;
      } catch {
        /* keep climbing */
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('bench: cannot find the casus repository root (package.json named "casus")');
    dir = up;
  }
}

/** The shared benchmark folder, `../shared/benchmarks` next to the repository. Exits 1 with a message when missing. */
export function benchmarksDir(): string {
  const dir = path.resolve(repoRoot(), '..', 'shared', 'benchmarks');
  if (!existsSync(dir)) {
    process.stderr.write(
      `bench: the benchmark data folder is missing: ${dir}\n` +
        'bench: it must sit next to the repository (../shared/benchmarks); it is read at run time and never copied in.\n',
    );
    process.exit(1);
  }
  return dir;
}

/** A path inside the benchmark folder, or null when it does not exist (the section then prints a notice). */
export function dataPath(...parts: string[]): string | null {
  const p = path.join(benchmarksDir(), ...parts);
  return existsSync(p) ? p : null;
}
