/** A small argument parser: `--flag value`, `--flag=value`, repeatable flags, positionals. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface FlagSpec {
  /** Takes a value. */
  value?: boolean;
  /** May be given more than once. */
  repeat?: boolean;
}

export interface Parsed {
  flags: Map<string, string[]>;
  positionals: string[];
}

export function parseArgs(argv: string[], spec: Record<string, FlagSpec>): Parsed {
  const flags = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const s = spec[name];
      if (!s) throw new UsageError(`unknown option --${name}`);
      let value = 'true';
      if (s.value) {
        if (eq >= 0) value = arg.slice(eq + 1);
        else {
          const next = argv[++i];
          if (next === undefined) throw new UsageError(`--${name} needs a value`);
          value = next;
        }
      } else if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      const list = flags.get(name) ?? [];
      if (list.length && !s.repeat) throw new UsageError(`--${name} given twice`);
      list.push(value);
      flags.set(name, list);
    } else positionals.push(arg);
  }
  return { flags, positionals };
}

export const flag = (p: Parsed, name: string): string | undefined => p.flags.get(name)?.[0];

export function oneOf<T extends string>(p: Parsed, name: string, allowed: readonly T[], fallback: T): T {
  const v = flag(p, name);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${v}')`);
  return v as T;
}
