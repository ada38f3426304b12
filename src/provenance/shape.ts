import { POS, type Tokens } from '../language/tokens.js';
import type { CueHit } from './cue.js';

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
  'largest',
  'biggest',
  'highest',
  'lowest',
  'latest',
  'earliest',
  'oldest',
  'newest',
  'youngest',
  'longest',
  'shortest',
  'fastest',
  'slowest',
  'nearest',
  'closest',
  'smallest',
  'farthest',
  'furthest',
  'deepest',
  'tallest',
  'hottest',
  'coldest',
  'warmest',
  'wettest',
  'driest',
  'heaviest',
  'lightest',
  'widest',
  'busiest',
  'richest',
  'poorest',
  'least',
  'most',
  'best-selling',
  'highest-ranking',
  'top',
  'west',
  'east',
  'interest',
  'protest',
  'honest',
  'modest',
  'forest',
  'request',
  'arrest',
  'contest',
  'suggest',
  'digest',
  'invest',
  'manifest',
  'harvest',
]);

/** Degree words that, on an adjective or adverb, intensify it. */
const DEGREE = new Set(['so', 'too', 'how', 'such']);
/** Adverbs after "so"/"too" that link clauses or measure time rather than grade ("so far", "too often"). */
const NOT_DEGREE = new Set([
  'far',
  'much',
  'many',
  'long',
  'that',
  'as',
  'often',
  'soon',
  'late',
  'early',
  'also',
  'then',
  'now',
  'still',
  'many',
  'few',
  'little',
]);

/** Words that may open an imperative sentence after a conjunction ("And remember ..."). */
const OPENERS = new Set(['and', 'but', 'so', 'now', 'then', 'yet', 'or', 'just', 'please', 'simply']);

/** Base-form verbs that open statements, headlines or lists rather than commands. */
const NOT_COMMANDS = new Set([
  'be',
  'have',
  'do',
  'say',
  'see',
  'watch',
  'read',
  'click',
  'sign',
  'subscribe',
  'follow',
  'contact',
  'share',
  'get',
  'find',
  'reach',
  'email',
  'call',
  'visit',
  'download',
  'listen',
]);

/** Count one cue: its weight, and its hit when `hits` is given. */
function cue(hits: CueHit[] | null, kind: keyof typeof SHAPE_WEIGHTS, at: number, end = at + 1): number {
  if (hits) hits.push({ kind, weight: SHAPE_WEIGHTS[kind], first: at, last: end });
  return SHAPE_WEIGHTS[kind];
}

/**
 * `score` plus the weights of the shape cues of tokens [first, last), added one by one in the order
 * the sentence's shape cues are listed; each cue also goes to `hits` when given (null: the score alone, nothing allocated).
 */
export function shapeScore(t: Tokens, first: number, last: number, text: string, quoted: Uint8Array, score: number, hits: CueHit[] | null): number {
  let figures = -1,
    superlative = -1,
    exclaim = -1,
    degree = -1;
  let lastWord = -1;
  for (let i = first; i < last; i++) {
    if (t.pos[i] !== POS.PUNCT) lastWord = i;
    if (!quoted[i] && (figures < 0 || exclaim < 0)) {
      // One pass over the characters: a digit makes figures, "!" an exclamation.
      const v = t.value[i]!;
      let digit = false;
      let bang = false;
      for (let k = 0; k < v.length; k++) {
        const c = v.charCodeAt(k);
        if (c >= 48 && c <= 57) digit = true;
        else if (c === 33) bang = true;
      }
      if (figures < 0 && (digit || v === '%' || v === '$')) figures = i;
      if (exclaim < 0 && bang) exclaim = i;
    }
    if (superlative < 0 && isSuperlative(t, i, last)) superlative = i;
    if (degree < 0 && i + 1 < last && (t.pos[i + 1] === POS.ADJ || t.pos[i + 1] === POS.ADV) && DEGREE.has(t.lower[i]!) && !NOT_DEGREE.has(t.lower[i + 1]!))
      degree = i;
  }
  if (exclaim >= 0) score += cue(hits, 'exclamation', exclaim);
  // A question the writer asks: the sentence ends with a question mark outside quotation marks.
  for (let i = last - 1; i > lastWord && i >= first; i--) {
    if (t.value[i]!.includes('?') && !quoted[i]) {
      score += cue(hits, 'question', i);
      break;
    }
  }
  if (!quoted[first] && !quoted[Math.min(first + 1, last - 1)] && isImperative(t, first, last)) score += cue(hits, 'imperative', first);
  if (superlative >= 0) score += cue(hits, 'superlative', superlative);
  if (degree >= 0) score += cue(hits, 'degree', degree, degree + 2);
  if (figures >= 0) score += cue(hits, 'figures', figures);
  const s = text.slice(t.start[first] ?? 0, t.end[last - 1] ?? 0);
  // Scare quotes: a single quoted word or two inside a longer sentence ("equity").
  const m = SCARE_QUOTES.exec(s);
  if (m && m.index > 0 && m[0][0] !== "'" && m[0][0] !== '’') score += cue(hits, 'scareQuotes', first);
  return score;
}

const SCARE_QUOTES = /[“"‘'][A-Za-z-]+(?: [A-Za-z-]+)?[.,]?[”"’']/;

/** "the strongest", "most absurd", "least credible": a superlative that is not about size, time or place. */
function isSuperlative(t: Tokens, i: number, last: number): boolean {
  // The tags are tested first: they are cheaper to read than the words.
  const lo = t.lower[i]!;
  if (i + 1 < last && t.pos[i + 1] === POS.ADJ && (lo === 'most' || lo === 'least') && !t.lower[i + 1]!.endsWith('ly')) return true;
  return t.pos[i] === POS.ADJ && !t.cap[i] && lo.length > 5 && lo.endsWith('est') && !MEASURING.has(lo);
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
  let caps = 0,
    words = 0;
  for (let j = i; j < last; j++)
    if (t.pos[j] !== POS.PUNCT) {
      words++;
      caps += t.cap[j]!;
    }
  if (words >= 4 && caps / words > 0.7) return false;
  // The verb is followed by its object or a clause, not by a subject-verb pair ("Pay rose ...").
  const next = t.pos[i + 1]!;
  return (
    next === POS.DET ||
    next === POS.PRON ||
    next === POS.ADP ||
    next === POS.ADJ ||
    next === POS.ADV ||
    next === POS.SCONJ ||
    next === POS.NOUN ||
    next === POS.PART
  );
}
