import { POS, type Tokens } from '../language/tokens.js';
import { SUBJECT_RELATIVES } from '../language/closed-class.js';

/**
 * The subject slot of a verb: looking left from the verb, what stands where its subject would. Both subject
 * finders (events/arguments.ts for an event's source, provenance/speaker.ts for a speaker) read the slot here
 * and then pick a mention their own way. The two readings differ in what they pass over and which words open
 * a relative or coordinated clause, so each passes its own options (EVENT_SLOT in events/arguments.ts,
 * SPEAKER_SLOT in provenance/speaker.ts).
 */
export type SubjectSlot =
  | { kind: 'none' }
  /** "..., who said": the relative word at `at`; the subject is its antecedent. */
  | { kind: 'relative'; at: number }
  /** "X did Y and said": the conjunction at `at`; the subject is an earlier verb's. */
  | { kind: 'coordinated'; at: number }
  /** "X refused to say": "to" at `at`; the subject is the governing verb's, or its object's. */
  | { kind: 'infinitive'; at: number }
  /** The last token of whatever stands before the verb. */
  | { kind: 'phrase'; at: number };

export interface SlotOptions {
  /**
   * What is passed over between the verb and the slot. 'punctuation': commas and quotation marks (`quoteMark`);
   * 'modifiers': auxiliaries, adverbs, particles other than "to", a bracketed label ("(D-Ohio)") and
   * comma-set asides (`aside`); any other comma is passed and ends the walk.
   */
  skip: 'punctuation' | 'modifiers';
  quoteMark: RegExp;
  /** Is the stretch [s, e) between two commas an aside ("Jane Doe, the party's leader, said")? */
  aside?: (s: number, e: number) => boolean;
  /** Words that open a relative clause. */
  relatives: ReadonlySet<string>;
  /** Only a relative word with one of these tags counts (null: any tag). */
  relativeTags: ReadonlySet<number> | null;
  /** Words that join a second verb to the first (null: any coordinating conjunction). */
  coordinators: ReadonlySet<string> | null;
  /** Does "to" before the verb make a slot of its own (an infinitive)? */
  infinitive: boolean;
}

/** The token before a verb at `from` (exclusive) once the walk has passed over what `opts.skip` says; first - 1 when nothing is left. */
function slotToken(t: Tokens, from: number, first: number, opts: SlotOptions): number {
  let j = from - 1;
  if (opts.skip === 'punctuation') {
    while (j >= first && (t.lower[j] === ',' || opts.quoteMark.test(t.lower[j]!))) j--;
    return j;
  }
  while (j >= first) {
    const p = t.pos[j]!;
    if (p === POS.AUX || p === POS.ADV || (p === POS.PART && t.lower[j] !== 'to')) {
      j--;
      continue;
    }
    if (t.value[j] === ')') {
      let k = j - 1;
      while (k > first && t.value[k] !== '(' && j - k < 12) k--;
      if (t.value[k] !== '(') break;
      j = k - 1;
      continue;
    }
    if (t.value[j] === ',') {
      // The stretch before this comma, back to the previous comma or quotation mark.
      let prevComma = j - 1;
      while (prevComma >= first && t.value[prevComma] !== ',' && !opts.quoteMark.test(t.value[prevComma]!)) prevComma--;
      if (prevComma >= first && t.value[prevComma] === ',' && opts.aside?.(prevComma + 1, j)) {
        j = prevComma;
        continue;
      }
      return j - 1;
    }
    break;
  }
  return j;
}

/** What stands in the subject slot of the verb whose first word (its auxiliary chain's, or itself) is `from`. */
export function subjectSlot(t: Tokens, from: number, first: number, opts: SlotOptions): SubjectSlot {
  const j = slotToken(t, from, first, opts);
  if (j < first) return { kind: 'none' };
  const w = t.lower[j]!;
  if (opts.relatives.has(w) && (opts.relativeTags === null || opts.relativeTags.has(t.pos[j]!))) return { kind: 'relative', at: j };
  if (opts.coordinators === null ? t.pos[j] === POS.CCONJ : opts.coordinators.has(w)) return { kind: 'coordinated', at: j };
  if (opts.infinitive && w === 'to' && j > first) return { kind: 'infinitive', at: j };
  return { kind: 'phrase', at: j };
}

/**
 * Does the comma-set stretch [s, e) of `text` read as an aside: an apposition, relative clause, age, place
 * or adverbial ("Jane Doe, 61, said", "Ashton, Md., said")?
 */
export function isAside(text: string, t: Tokens, s: number, e: number): boolean {
  if (s >= e) return false;
  const w = t.lower[s]!;
  const p = t.pos[s]!;
  if (SUBJECT_RELATIVES.has(w) || p === POS.DET || p === POS.ADP || p === POS.NUM || p === POS.ADV || p === POS.ADJ || p === POS.VERB || p === POS.SCONJ)
    return true;
  if (p === POS.NOUN && !t.cap[s]) return true;
  // A place or party after a name: "Ashton, Md.," "Lindsey Graham, R-S.C.,"
  return e - s <= 3 && t.cap[s] === 1 && /\.$|-/.test(text.slice(t.start[s]!, t.end[e - 1]!));
}

/**
 * An -ing verb with no subject before it, as the speaker finder reads one: 'adjunct' after a comma, a preposition
 * or a subordinator (", saying", "before asking"), sharing the main clause's subject; 'opening' at the start of the
 * stretch ("Writing in the Times, Jane Doe argued"), whose subject follows its comma; else null. (The event coder
 * reads participles with events/participle.ts, which has its own list of openers.)
 */
export function subjectlessParticiple(t: Tokens, v: number, first: number): 'adjunct' | 'opening' | null {
  if (!/ing$/.test(t.lower[v]!)) return null;
  if (v > first && (t.lower[v - 1] === ',' || t.pos[v - 1] === POS.ADP || t.pos[v - 1] === POS.SCONJ)) return 'adjunct';
  return v === first ? 'opening' : null;
}
