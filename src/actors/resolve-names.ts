/** Small string helpers for matching names within a document. */

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Two spellings of one name: same first letter, long enough, at most two edits apart ("Suleimani"/"Soleimani"). */
export function sameNameSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || a[0] !== b[0]) return false;
  return editDistance(a, b, 2) <= (Math.min(a.length, b.length) >= 8 ? 2 : 1);
}

const NAME_BREAK = /[\s-]/;

/** The last word of a name, after its last space or hyphen (as `split(/[\s-]+/).pop()`: empty when the name ends with one). */
export function lastWord(name: string): string {
  let k = name.length - 1;
  while (k >= 0 && !NAME_BREAK.test(name[k]!)) k--;
  return k < 0 ? name : name.slice(k + 1);
}
