import { POS, type Tokens } from '../language/tokens.js';
import { DATE_SOFTENERS as SOFTENERS, MONTH_LEAD, YEAR_LEAD } from '../language/closed-class.js';
import {
  addDays,
  format,
  isRealDay,
  lastMonthNamed,
  lastWeekday,
  monthFrom,
  monthOfLower,
  nextWeekday,
  parseYmd,
  weekdayOfLower,
  yearForDay,
  type DateValue,
} from './calendar.js';

/** One time expression found in a sentence. */
export interface TimeExpr {
  /** Token range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
  /** The date it names; null when it cannot be resolved (impossible, or relative with no publication date). */
  value: DateValue | null;
  impossible: boolean;
  /** A year before a noun ("the 2003 invasion") dates only that noun: its token range [from, to), else null. */
  modifies: [number, number] | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const YEAR = /^(1[89]\d\d|20\d\d)$/;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const dayOf = (w: string | undefined): number => {
  const m = w ? DAY.exec(w) : null;
  return m ? Number(m[1]) : 0;
};
const yearOf = (w: string | undefined): number => (w && YEAR.test(w) ? Number(w) : 0);

const day = (y: number, m: number, d: number): { value: DateValue | null; impossible: boolean } =>
  isRealDay(y, m, d) ? { value: { date: format(y, m, d), precision: 'day' }, impossible: false } : { value: null, impossible: true };

/** The token before i, past softeners ("early", "late"), not before `first`. */
function leadOf(t: Tokens, first: number, i: number): number {
  let j = i - 1;
  while (j >= first && SOFTENERS.has(t.lower[j]!)) j--;
  return j;
}

/** One scan of a sentence's tokens for time expressions. */
interface Scan {
  t: Tokens;
  first: number;
  last: number;
  /** The publication date, or null. */
  pub: string | null;
  out: TimeExpr[];
}

function push(s: Scan, f: number, l: number, value: DateValue | null, impossible = false, modifies: [number, number] | null = null): void {
  s.out.push({ first: f, last: l, start: s.t.start[f]!, end: s.t.end[l - 1]!, value, impossible, modifies });
}

/**
 * A reader of one kind of expression at token i: the last token it used (the scan goes on after it), or -1 when
 * the token starts no expression of its kind.
 */
type Reader = (s: Scan, i: number, w: string) => number;

/** "2020-01-05". */
const readIso: Reader = (s, i, w) => {
  const iso = w.length === 10 && w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57 ? ISO.exec(w) : null;
  if (!iso) return -1;
  const r = day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  push(s, i, i + 1, r.value, r.impossible);
  return i;
};

/** "5 January", "January 5, 2020": a month with a day. Returns -1 when no day stands beside the month. */
function readMonthDay(s: Scan, i: number, month: number): number {
  const { t, first, pub } = s;
  const before = dayOf(t.lower[i - 1]) && i - 1 >= first ? dayOf(t.lower[i - 1]) : 0;
  const after = dayOf(t.lower[i + 1]);
  const d = before || after;
  if (!d) return -1;
  const f = before ? i - 1 : i;
  let l = after && !before ? i + 2 : i + 1;
  let y = yearOf(t.lower[l]);
  if (!y && t.lower[l] === ',' && yearOf(t.lower[l + 1])) {
    y = yearOf(t.lower[l + 1]);
    l++;
  }
  if (y) l++;
  if (!y && !pub) {
    push(s, f, l, null, !isRealDay(2000, month, d));
  } else {
    const r = day(y || yearForDay(pub!, month, d), month, d);
    push(s, f, l, r.value, r.impossible);
  }
  return l - 1;
}

/** A month name: with a day, with a year ("May 2019"), or after a lead ("last March", "in June"). */
const readMonth: Reader = (s, i, w) => {
  const { t, first, pub } = s;
  const month = t.cap[i] ? monthOfLower(w) : 0;
  if (!month || (w === 'may' && t.pos[i] === POS.AUX)) return -1;
  const dated = readMonthDay(s, i, month);
  if (dated >= 0) return dated;
  const y = yearOf(t.lower[i + 1]);
  if (y) {
    push(s, i, i + 2, { date: format(y, month, 1), precision: 'month' });
    return i + 1;
  }
  const j = leadOf(t, first, i);
  const l0 = j >= first ? t.lower[j]! : '';
  if (!MONTH_LEAD.has(l0)) return i;
  const f = l0 === 'last' || l0 === 'this' || l0 === 'next' ? j : i;
  if (!pub) push(s, f, i + 1, null);
  else if (l0 === 'next') {
    const { y: py, m: pm } = parseYmd(pub);
    push(s, f, i + 1, { date: format(month > pm ? py : py + 1, month, 1), precision: 'month' });
  } else push(s, f, i + 1, { date: lastMonthNamed(pub, month), precision: 'month' });
  return i;
};

/** "Monday", "last Friday", "next Tuesday". */
const readWeekday: Reader = (s, i, w) => {
  const { t, first, pub } = s;
  const wd = t.cap[i] ? weekdayOfLower(w) : -1;
  if (wd < 0) return -1;
  const prev = t.lower[i - 1];
  const f = i - 1 >= first && (prev === 'last' || prev === 'next' || prev === 'this') ? i - 1 : i;
  if (!pub) push(s, f, i + 1, null);
  else if (prev === 'next') push(s, f, i + 1, { date: nextWeekday(pub, wd), precision: 'day' });
  else if (prev === 'last') push(s, f, i + 1, { date: lastWeekday(addDays(pub, -1), wd), precision: 'day' });
  else push(s, f, i + 1, { date: lastWeekday(pub, wd), precision: 'day' });
  return i;
};

/** "yesterday", "today", "tonight", "tomorrow". */
const readDeictic: Reader = (s, i, w) => {
  if (w !== 'yesterday' && w !== 'today' && w !== 'tonight' && w !== 'tomorrow') return -1;
  const shift = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
  push(s, i, i + 1, s.pub ? { date: addDays(s.pub, shift), precision: 'day' } : null);
  return i;
};

/** "last week", "next month", "earlier this year". */
const readRelativeUnit: Reader = (s, i, w) => {
  const { t, first, pub } = s;
  if ((w !== 'week' && w !== 'month' && w !== 'year') || i - 1 < first) return -1;
  const prev = t.lower[i - 1]!;
  if (prev !== 'last' && prev !== 'this' && prev !== 'next') return i;
  const f = prev === 'this' && (t.lower[i - 2] === 'earlier' || t.lower[i - 2] === 'later') && i - 2 >= first ? i - 2 : i - 1;
  if (w === 'week' && prev === 'this') return i; // "this week" names no day worth more than the publication date.
  if (!pub) {
    push(s, f, i + 1, null);
    return i;
  }
  const step = prev === 'last' ? -1 : prev === 'next' ? 1 : 0;
  // "last week": no single day is meant; we use the day seven days before publication, precision "day",
  // because the contract has no week precision and the day a week back is the best single guess.
  if (w === 'week') push(s, f, i + 1, { date: addDays(pub, 7 * step), precision: 'day' });
  else if (w === 'month') push(s, f, i + 1, { date: monthFrom(pub, step), precision: 'month' });
  else push(s, f, i + 1, { date: format(parseYmd(pub).y + step, 1, 1), precision: 'year' });
  return i;
};

/** "three days ago", "2 weeks ago". */
const readAgo: Reader = (s, i, w) => {
  const { t, first, pub } = s;
  if (w !== 'ago' || i - 2 < first) return -1;
  const unit = t.lower[i - 1]!.replace(/s$/, '');
  const n = NUMBER_WORDS[t.lower[i - 2]!] ?? (/^\d{1,3}$/.test(t.lower[i - 2]!) ? Number(t.lower[i - 2]) : 0);
  if (!n || (unit !== 'day' && unit !== 'week')) return i;
  push(s, i - 2, i + 1, pub ? { date: addDays(pub, -n * (unit === 'week' ? 7 : 1)), precision: 'day' } : null);
  return i;
};

const nounLike = (p: number | undefined): boolean => p === POS.NOUN || p === POS.ADJ || p === POS.PROPN || p === POS.VERB;

/** A year after a lead ("in 2019"), or before the nouns it dates ("the 2019 election"). */
const readYear: Reader = (s, i, w) => {
  const { t, first, last } = s;
  const c0 = w.charCodeAt(0);
  const y = c0 >= 48 && c0 <= 57 ? yearOf(w) : 0;
  if (!y || t.pos[i] !== POS.NUM) return -1;
  const j = leadOf(t, first, i);
  if (j >= first && YEAR_LEAD.has(t.lower[j]!)) push(s, i, i + 1, { date: format(y, 1, 1), precision: 'year' });
  else if (i + 1 < last && nounLike(t.pos[i + 1])) {
    let k = i + 1;
    while (k < last && k < i + 4 && nounLike(t.pos[k])) k++;
    push(s, i, i + 1, { date: format(y, 1, 1), precision: 'year' }, false, [i + 1, k]);
  }
  return i;
};

const READERS: Reader[] = [readIso, readMonth, readWeekday, readDeictic, readRelativeUnit, readAgo, readYear];

/** Find and resolve the time expressions of tokens [first, last) against the publication date `pub`. */
export function findTimeExpressions(t: Tokens, first: number, last: number, pub: string | null): TimeExpr[] {
  const scan: Scan = { t, first, last, pub, out: [] };
  for (let i = first; i < last; i++) {
    const w = t.lower[i]!;
    for (const read of READERS) {
      const used = read(scan, i, w);
      if (used >= 0) {
        i = used;
        break;
      }
    }
  }
  return scan.out;
}
