import { POS, type Tokens } from '../language/tokens.js';
import { DATE_SOFTENERS as SOFTENERS, MONTH_LEAD, YEAR_LEAD } from '../language/closed-class.js';
import {
  addDays, format, isRealDay, lastMonthNamed, lastWeekday, monthFrom, monthOfLower, nextWeekday, parseYmd, weekdayOfLower, yearForDay,
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

/** Find and resolve the time expressions of tokens [first, last) against the publication date `pub`. */
export function findTimeExpressions(t: Tokens, first: number, last: number, pub: string | null): TimeExpr[] {
  const out: TimeExpr[] = [];
  const push = (f: number, l: number, value: DateValue | null, impossible = false, modifies: [number, number] | null = null): void => {
    out.push({ first: f, last: l, start: t.start[f]!, end: t.end[l - 1]!, value, impossible, modifies });
  };
  for (let i = first; i < last; i++) {
    const w = t.lower[i]!;
    const c0 = w.charCodeAt(0);
    const digit = c0 >= 48 && c0 <= 57;
    const iso = digit && w.length === 10 ? ISO.exec(w) : null;
    if (iso) {
      const r = day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      push(i, i + 1, r.value, r.impossible);
      continue;
    }
    const month = t.cap[i] ? monthOfLower(w) : 0;
    if (month && !(w === 'may' && t.pos[i] === POS.AUX)) {
      const before = dayOf(t.lower[i - 1]) && i - 1 >= first ? dayOf(t.lower[i - 1]) : 0;
      const after = dayOf(t.lower[i + 1]);
      const d = before || after;
      let f = before ? i - 1 : i;
      let l = after && !before ? i + 2 : i + 1;
      if (d) {
        let y = yearOf(t.lower[l]);
        if (!y && t.lower[l] === ',' && yearOf(t.lower[l + 1])) {
          y = yearOf(t.lower[l + 1]);
          l++;
        }
        if (y) l++;
        if (!y && !pub) {
          push(f, l, null, !isRealDay(2000, month, d));
        } else {
          const year = y || yearForDay(pub!, month, d);
          const r = day(year, month, d);
          push(f, l, r.value, r.impossible);
        }
        i = l - 1;
        continue;
      }
      const y = yearOf(t.lower[i + 1]);
      if (y) {
        push(f, i + 2, { date: format(y, month, 1), precision: 'month' });
        i++;
        continue;
      }
      const j = leadOf(t, first, i);
      const l0 = j >= first ? t.lower[j]! : '';
      if (!MONTH_LEAD.has(l0)) continue;
      f = l0 === 'last' || l0 === 'this' || l0 === 'next' ? j : i;
      if (!pub) push(f, i + 1, null);
      else if (l0 === 'next') {
        const { y: py, m: pm } = parseYmd(pub);
        push(f, i + 1, { date: format(month > pm ? py : py + 1, month, 1), precision: 'month' });
      } else push(f, i + 1, { date: lastMonthNamed(pub, month), precision: 'month' });
      continue;
    }
    const wd = t.cap[i] ? weekdayOfLower(w) : -1;
    if (wd >= 0) {
      const prev = t.lower[i - 1];
      const f = i - 1 >= first && (prev === 'last' || prev === 'next' || prev === 'this') ? i - 1 : i;
      if (!pub) push(f, i + 1, null);
      else if (prev === 'next') push(f, i + 1, { date: nextWeekday(pub, wd), precision: 'day' });
      else if (prev === 'last') push(f, i + 1, { date: lastWeekday(addDays(pub, -1), wd), precision: 'day' });
      else push(f, i + 1, { date: lastWeekday(pub, wd), precision: 'day' });
      continue;
    }
    if (w === 'yesterday' || w === 'today' || w === 'tonight' || w === 'tomorrow') {
      const shift = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      push(i, i + 1, pub ? { date: addDays(pub, shift), precision: 'day' } : null);
      continue;
    }
    if ((w === 'week' || w === 'month' || w === 'year') && i - 1 >= first) {
      const prev = t.lower[i - 1]!;
      if (prev !== 'last' && prev !== 'this' && prev !== 'next') continue;
      const f = prev === 'this' && (t.lower[i - 2] === 'earlier' || t.lower[i - 2] === 'later') && i - 2 >= first ? i - 2 : i - 1;
      if (w === 'week' && prev === 'this') continue; // "this week" names no day worth more than the publication date.
      if (!pub) {
        push(f, i + 1, null);
        continue;
      }
      const step = prev === 'last' ? -1 : prev === 'next' ? 1 : 0;
      // "last week": no single day is meant; we use the day seven days before publication, precision "day",
      // because the contract has no week precision and the day a week back is the best single guess.
      if (w === 'week') push(f, i + 1, { date: addDays(pub, 7 * step), precision: 'day' });
      else if (w === 'month') push(f, i + 1, { date: monthFrom(pub, step), precision: 'month' });
      else push(f, i + 1, { date: format(parseYmd(pub).y + step, 1, 1), precision: 'year' });
      continue;
    }
    if (w === 'ago' && i - 2 >= first) {
      const unit = t.lower[i - 1]!.replace(/s$/, '');
      const n = NUMBER_WORDS[t.lower[i - 2]!] ?? (/^\d{1,3}$/.test(t.lower[i - 2]!) ? Number(t.lower[i - 2]) : 0);
      if (!n || (unit !== 'day' && unit !== 'week')) continue;
      push(i - 2, i + 1, pub ? { date: addDays(pub, -n * (unit === 'week' ? 7 : 1)), precision: 'day' } : null);
      continue;
    }
    const y = digit ? yearOf(w) : 0;
    if (y && t.pos[i] === POS.NUM) {
      const j = leadOf(t, first, i);
      const next = t.pos[i + 1];
      if (j >= first && YEAR_LEAD.has(t.lower[j]!)) push(i, i + 1, { date: format(y, 1, 1), precision: 'year' });
      else if (i + 1 < last && (next === POS.NOUN || next === POS.ADJ || next === POS.PROPN || next === POS.VERB)) {
        let k = i + 1;
        while (k < last && k < i + 4 && (t.pos[k] === POS.NOUN || t.pos[k] === POS.ADJ || t.pos[k] === POS.PROPN || t.pos[k] === POS.VERB)) k++;
        push(i, i + 1, { date: format(y, 1, 1), precision: 'year' }, false, [i + 1, k]);
      }
    }
  }
  return out;
}
