/** Small measures shared by the sections: precision/recall/F1, overlaps, medians, formatting. */

export interface Prf {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export function ratio(num: number, den: number): number {
  return den > 0 ? num / den : 0;
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** P/R/F1 from a count of true positives, predictions and gold items. */
export function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = ratio(tp, predicted);
  const recall = ratio(tp, gold);
  return { tp, predicted, gold, precision, recall, f1: f1Of(precision, recall) };
}

/** P/R/F1 where precision and recall have different numerators (e.g. matched predictions vs matched gold). */
export function prfSplit(matchedPred: number, predicted: number, matchedGold: number, gold: number) {
  const precision = ratio(matchedPred, predicted);
  const recall = ratio(matchedGold, gold);
  return { matchedPred, predicted, matchedGold, gold, precision, recall, f1: f1Of(precision, recall) };
}

/** Number of characters shared by [a0,a1) and [b0,b1). */
export function overlapLen(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function overlaps(a0: number, a1: number, b0: number, b1: number): boolean {
  return a0 < b1 && b0 < a1;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** 0.4231 → "42.3%". */
export function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a';
}

/** 0.4231 → "0.423". */
export function dec(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

/** 12345.6 → "12,346". */
export function int(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a';
}

export function num(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';
}
