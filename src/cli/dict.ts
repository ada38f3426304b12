import type { Out } from './code.js';
import { UsageError } from './args.js';

export async function runDict(argv: string[], _out: Out, _err: Out): Promise<number> {
  throw new UsageError(`dict ${argv[0] ?? ''}: not available yet`);
}
