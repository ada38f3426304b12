import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';

/** A problem in a dictionary file, always naming file and line. */
export class DictionaryError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'DictionaryError';
  }
}

export interface Row<T> {
  value: T;
  file: string;
  line: number;
}

// Loaded on first use: the project's own files are checked at build time, so most runs never need it.
let ajv: Ajv | null = null;
const validators = new Map<string, ValidateFunction>();

export function validatorFor(schemaPath: string): ValidateFunction {
  let v = validators.get(schemaPath);
  if (!v) {
    ajv ??= new (createRequire(import.meta.url)('ajv') as typeof import('ajv')).Ajv({ allErrors: false, strict: false });
    v = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    validators.set(schemaPath, v);
  }
  return v;
}

/**
 * Parse JSON Lines text (blank lines and `#` comments allowed), validating each row.
 * Collects every problem instead of stopping at the first.
 */
export function parseJsonl<T>(text: string, file: string, validate: ValidateFunction | null, problems: DictionaryError[]): Row<T>[] {
  const rows: Row<T>[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push(new DictionaryError(file, i + 1, `not valid JSON (${(e as Error).message})`));
      continue;
    }
    if (validate && !validate(value)) {
      const err = validate.errors?.[0];
      const where = err?.instancePath ? `${err.instancePath} ` : '';
      const extra = err?.params && 'additionalProperty' in err.params ? ` '${String(err.params.additionalProperty)}'` : '';
      problems.push(new DictionaryError(file, i + 1, `${where}${err?.message ?? 'does not match the schema'}${extra}`));
      continue;
    }
    rows.push({ value: value as T, file, line: i + 1 });
  }
  return rows;
}
