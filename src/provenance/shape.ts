import { POS, type Tokens } from '../language/tokens.js';
import type { CueHit } from './subjectivity.js';

/** Weights of the cues read from a sentence's form rather than its words. */
export const SHAPE_WEIGHTS = {
  /** The writer exclaims. */
  exclamation: 1.5,
  /** The writer asks (often rhetorically). */
  question: 1,
  /** The writer tells the reader to do something ("Consider ...", "Don't count on it"). */
  imperative: 2,
  /** A degree word on an adjective or adverb ("so silent", "too late", "how absurd"). */
  degree: 0.75,
  /** A superlative of judgement ("the strongest case", "the most absurd"). */
  superlative: 1,
  /** A word or two held at a distance in quotation marks (the “experts”). */
  scareQuotes: 0.5,
  /** Figures (digits, amounts, percentages): the sentence reports. */
  figures: -1,
} as const;

/** Superlatives of size, time and place: they measure rather than judge. */
const MEASURING = new Set([
  'largest', 'biggest', 'highest', 'lowest', 'latest', 'earliest', 'oldest', 'newest', 'youngest', 'longest',
  'shortest', 'fastest', 'slowest', 'nearest', 'closest', 'smallest', 'farthest', 'furthest', 'deepest', 'tallest',
  'hottest', 'coldest', 'warmest', 'wettest', 'driest', 'heaviest', 'lightest', 'widest', 'busiest', 'richest',
  'poorest', 'least', 'most', 'best-selling', 'highest-ranking', 'top', 'west', 'east', 'interest', 'protest', 'honest',
  'modest', 'forest', 'request', 'arrest', 'contest', 'suggest', 'digest', 'invest', 'manifest', 'harvest',
]);

/** Degree words that, on an adjective or adverb, intensify it. */
const DEGREE = new Set(['so', 'too', 'how', 'such']);
/** Adverbs after "so"/"too" that link clauses or measure time rather than grade ("so far", "too often"). */
const NOT_DEGREE = new Set(['far', 'much', 'many', 'long', 'that', 'as', 'often', 'soon', 'late', 'early', 'also', 'then', 'now', 'still', 'many', 'few', 'little']);

/** Words that may open an imperative sentence after a conjunction ("And remember ..."). */
const OPENERS = new Set(['and', 'but', 'so', 'now', 'then', 'yet', 'or', 'just', 'please', 'simply']);

/** Base-form verbs that open statements, headlines or lists rather than commands. */
const NOT_COMMANDS = new Set(['be', 'have', 'do', 'say', 'see', 'watch', 'read', 'click', 'sign', 'subscribe', 'follow', 'contact', 'share', 'get', 'find', 'reach', 'email', 'call', 'visit', 'download', 'listen']);

function isDigitToken(v: string): boolean {
  for (let k = 0; k < v.length; k++) {
    const c = v.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The cues of tokens [first, last) that come from the sentence's form. `quoted` is per document token. */
export function shapeCues(t: Tokens, first: number, last: number, text: string, quoted: Uint8Array): CueHit[] {
  const hits: CueHit[] = [];
  const add = (kind: keyof typeof SHAPE_WEIGHTS, at: number, end = at + 1): void => {
    hits.push({ kind, weight: SHAPE_WEIGHTS[kind], first: at, last: end });
  };
  let figures = -1, superlative = -1, exclaim = -1, degree = -1;
  let lastWord = -1;
  for (let i = first; i < last; i++) {
    const v = t.value[i]!;
    const outside = !quoted[i];
    if (t.pos[i] !== POS.PUNCT) lastWord = i;
    if (outside && figures < 0 && (isDigitToken(v) || v === '%' || v === '$')) figures = i;
    if (outside && exclaim < 0 && v.includes('!')) exclaim = i;
    if (superlative < 0 && isSuperlative(t, i, last)) superlative = i;
    if (degree < 0 && DEGREE.has(t.lower[i]!) && i + 1 < last && (t.pos[i + 1] === POS.ADJ || t.pos[i + 1] === POS.ADV) && !NOT_DEGREE.has(t.lower[i + 1]!)) degree = i;
  }
  if (exclaim >= 0) add('exclamation', exclaim);
  // A question the writer asks: the sentence ends with a question mark outside quotation marks.
  for (let i = last - 1; i > lastWord && i >= first; i--) {
    if (t.value[i]!.includes('?') && !quoted[i]) {
      add('question', i);
      break;
    }
  }
  if (!quoted[first] && !quoted[Math.min(first + 1, last - 1)] && isImperative(t, first, last)) add('imperative', first);
  if (superlative >= 0) add('superlative', superlative);
  if (degree >= 0) add('degree', degree, degree + 2);
  if (figures >= 0) add('figures', figures);
  const s = text.slice(t.start[first] ?? 0, t.end[last - 1] ?? 0);
  // Scare quotes: a single quoted word or two inside a longer sentence ("equity").
  const m = /[“"‘'][A-Za-z-]+(?: [A-Za-z-]+)?[.,]?[”"’']/.exec(s);
  if (m && m.index > 0 && m[0][0] !== "'" && m[0][0] !== '’') add('scareQuotes', first);
  return hits;
}

/** "the strongest", "most absurd", "least credible": a superlative that is not about size, time or place. */
function isSuperlative(t: Tokens, i: number, last: number): boolean {
  const lo = t.lower[i]!;
  if ((lo === 'most' || lo === 'least') && i + 1 < last && t.pos[i + 1] === POS.ADJ && !t.lower[i + 1]!.endsWith('ly')) return true;
  return lo.length > 5 && lo.endsWith('est') && t.pos[i] === POS.ADJ && !t.cap[i] && !MEASURING.has(lo);
}

/** The sentence opens with a bare verb (after "and", "but", ...) that tells the reader what to do. */
function isImperative(t: Tokens, first: number, last: number): boolean {
  let i = first;
  while (i < last && (t.pos[i] === POS.PUNCT || OPENERS.has(t.lower[i]!))) i++;
  if (i >= last - 1) return false;
  const lo = t.lower[i]!;
  // "Don't ...", "Do not ...", "Never ..." + verb; "Let's ...", "Let us ...".
  if ((lo === 'do' && (t.lower[i + 1] === "n't" || t.lower[i + 1] === 'not')) || lo === 'never') return t.pos[i + 2] === POS.VERB || t.pos[i + 1] === POS.VERB;
  if (lo === 'let' && (t.lower[i + 1] === "'s" || t.lower[i + 1] === 'us')) return true;
  if (t.pos[i] !== POS.VERB || lo !== t.lemma[i] || NOT_COMMANDS.has(lo)) return false;
  // A title-case headline ("Brace For The Next Variant") is not a command to the reader.
  let caps = 0, words = 0;
  for (let j = i; j < last; j++) if (t.pos[j] !== POS.PUNCT) { words++; caps += t.cap[j]!; }
  if (words >= 4 && caps / words > 0.7) return false;
  // The verb is followed by its object or a clause, not by a subject-verb pair ("Pay rose ...").
  const next = t.pos[i + 1]!;
  return next === POS.DET || next === POS.PRON || next === POS.ADP || next === POS.ADJ || next === POS.ADV || next === POS.SCONJ || next === POS.NOUN || next === POS.PART;
}
