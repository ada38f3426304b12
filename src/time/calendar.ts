/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so that no time zone moves a day. */
import { MONTH_NAMES, WEEKDAY_NAMES } from '../language/closed-class.js';

export type Precision = 'day' | 'month' | 'year';

export interface DateValue {
  /** Always YYYY-MM-DD; a month is its first day, a year its 1 January. */
  date: string;
  precision: Precision;
}

const MONTHS = MONTH_NAMES;
const WEEKDAYS = WEEKDAY_NAMES;

const MONTH_ABBR: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
/** Lower-case month names, abbreviations and abbreviations with a full stop, to their number. */
const MONTH_NUMBER = new Map<string, number>([
  ...[...MONTHS.map((m, i): [string, number] => [m, i + 1]), ...Object.entries(MONTH_ABBR)].flatMap(([a, n]): Array<[string, number]> => [
    [a, n],
    [a + '.', n],
  ]),
]);
const WEEKDAY_NUMBER = new Map(WEEKDAYS.map((w, i) => [w, i]));

/** Month number (1-12) of a month name or abbreviation ("Dec.", "December"), else 0. */
export function monthOf(word: string): number {
  return MONTH_NUMBER.get(word) ?? MONTH_NUMBER.get(word.toLowerCase()) ?? 0;
}

/** monthOf for a word already in lower case (a token's `lower`): one lookup. */
export const monthOfLower = (lower: string): number => MONTH_NUMBER.get(lower) ?? 0;

/** Weekday number (0 Sunday - 6 Saturday) of a weekday name, else -1. */
export function weekdayOf(word: string): number {
  return WEEKDAY_NUMBER.get(word) ?? WEEKDAY_NUMBER.get(word.toLowerCase()) ?? -1;
}

/** weekdayOf for a word already in lower case (a token's `lower`): one lookup. */
export const weekdayOfLower = (lower: string): number => WEEKDAY_NUMBER.get(lower) ?? -1;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function format(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** True when y-m-d is a real calendar day (no 30 February). */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function parseYmd(date: string): Ymd {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/** The day `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parseYmd(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function weekdayOfDate(date: string): number {
  const { y, m, d } = parseYmd(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The most recent `weekday` on or before `date` (the date itself when it is that weekday). */
export function lastWeekday(date: string, weekday: number): string {
  return addDays(date, -((weekdayOfDate(date) - weekday + 7) % 7));
}

/** The first `weekday` strictly after `date`. */
export function nextWeekday(date: string, weekday: number): string {
  const ahead = (weekday - weekdayOfDate(date) + 7) % 7;
  return addDays(date, ahead === 0 ? 7 : ahead);
}

/** The first day of the month `offset` months from `date`'s month. */
export function monthFrom(date: string, offset: number): string {
  const { y, m } = parseYmd(date);
  const t = new Date(Date.UTC(y, m - 1 + offset, 1));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, 1);
}

/** The most recent month `month` on or before publication: "in March" said in January is last year's March. */
export function lastMonthNamed(pub: string, month: number): string {
  const { y, m } = parseYmd(pub);
  return format(month <= m ? y : y - 1, month, 1);
}

/**
 * The year of a day given without one ("Dec. 19"): the publication year, unless that puts the day
 * more than about six months after publication, in which case the year before.
 */
export function yearForDay(pub: string, month: number, day: number): number {
  const { y, m, d } = parseYmd(pub);
  const ahead = (month - m) * 31 + (day - d);
  return ahead > 183 ? y - 1 : y;
}
