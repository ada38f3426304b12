import type { CameoCode } from '../lexicon/lexicon.js';
import type { CameoRow } from '../lexicon/types.js';

/** QuadClass as GDELT defines it: 1 verbal coop (01-05), 2 material coop (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20). */
export function quadClass(root: string): 1 | 2 | 3 | 4 {
  const r = Number(root);
  return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
}

/** PentaClass: 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13, 4 = 14-20. */
export function pentaClass(root: string): 0 | 1 | 2 | 3 | 4 {
  const r = Number(root);
  return r <= 2 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

export function compileCameo(row: CameoRow): CameoCode {
  const root = row.code.slice(0, 2);
  return { ...row, root, quad: quadClass(root), penta: pentaClass(root) };
}

/** The event-level code for a root: "01" -> "010". */
export const rootEventCode = (root: string): string => `${root}0`;
