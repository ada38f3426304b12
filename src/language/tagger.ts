/**
 * casus's part-of-speech tagger: each word form starts with its usual tag from the lexicon (or a guess from its
 * shape and suffix), then a few rules of English word order settle the ambiguous ones (noun or verb, "to", "that",
 * capitalised names). Tags are the Universal Dependencies set of `tokens.ts`.
 */
import { entry, type Entry } from './lexicon.js';
import { POS } from './tokens.js';
import {
  BASE_AUX,
  CONTRACTING,
  MODAL_AUX,
  VERB_OPENERS as MODALS,
  POSSESSIVE_DETERMINERS as POSSESSIVE,
  QUANTIFIERS,
  SUBJECT_PRONOUNS as SUBJECTS,
  WH_WORDS as WH,
} from './closed-class.js';

/** What the tagger keeps per word form. */
export interface FormTags {
  /** Tag before context. */
  base: number;
  /** Possible tags as a bit set (1 << POS id). */
  may: number;
  /** Tag the lower-case form has, when the form is capitalised (for sentence starts); else `base`. */
  lowerBase: number;
  lowerMay: number;
  /** 1: first letter upper case. */
  cap: number;
}

const bit = (p: number): number => 1 << p;
const { ADJ, ADP, ADV, AUX, DET, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB } = POS;

const SUFFIX: Array<[string, number]> = [
  ['ing', VERB],
  ['ed', VERB],
  ['ly', ADV],
  ['able', ADJ],
  ['ible', ADJ],
  ['ous', ADJ],
  ['ful', ADJ],
  ['ary', ADJ],
  ['less', ADJ],
  ['ive', ADJ],
  ['ic', ADJ],
  ['ical', ADJ],
  ['ish', ADJ],
  ['ian', ADJ],
  ['al', ADJ],
  ['ism', NOUN],
  ['ist', NOUN],
  ['ists', NOUN],
  ['ity', NOUN],
  ['ion', NOUN],
  ['ions', NOUN],
  ['ment', NOUN],
  ['ness', NOUN],
  ['er', NOUN],
  ['ers', NOUN],
  ['or', NOUN],
  ['ors', NOUN],
  ['es', NOUN],
  ['s', NOUN],
  ['ize', VERB],
  ['ise', VERB],
  ['ify', VERB],
];
const LETTERS = /^\p{L}[\p{L}\p{M}'’.-]*$/u;
const LOWER = /^[\p{Ll}][\p{Ll}\p{M}\p{N}'’.-]*$/u;
const DIGIT = /\d/;
const PUNCTS = /^(?:\p{P}+|\.{2,}|--|––)$/u;
const SYMS = /^(?:\p{S}+|%|&|https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+|#\S+)$/u;

/** Tag of a form the lexicon does not hold, from its shape. */
function guess(v: string): number {
  if (PUNCTS.test(v)) return PUNCT;
  if (SYMS.test(v)) return v[0] === '@' ? PROPN : SYM;
  if (DIGIT.test(v)) return /^[\d.,:/+-]+$/.test(v) ? NUM : /\d(?:st|nd|rd|th)$/i.test(v) ? ADJ : /\d0s$/.test(v) ? NOUN : NUM;
  if (!LOWER.test(v)) return LETTERS.test(v) ? PROPN : NOUN;
  for (const [s, p] of SUFFIX) if (v.length > s.length + 2 && v.endsWith(s)) return p;
  return NOUN;
}

function capOf(v: string): number {
  const c = v.charCodeAt(0);
  return c >= 65 && c <= 90 ? 1 : c > 127 && v[0] !== v[0]!.toLowerCase() ? 1 : 0;
}

/** Tags of one written form, before context (`e`: the lexicon's entry for the form as written). */
export function formTags(v: string, lower: string, e: Entry = entry(v)): FormTags {
  const cap = capOf(v);
  let base: number;
  let may: number;
  if (e.pos >= 0 || e.parts) {
    base = e.pos;
    may = e.may || bit(e.pos);
  } else {
    const l = lower !== v ? entry(lower) : e;
    if (l.pos >= 0) {
      base = cap && (l.pos === NOUN || l.pos === ADJ) ? PROPN : l.pos;
      may = l.may | bit(base);
    } else {
      base = guess(v);
      may = bit(base);
    }
  }
  let lowerBase = base;
  let lowerMay = may;
  if (cap && lower !== v) {
    const l = entry(lower);
    if (l.pos >= 0) {
      lowerBase = l.pos;
      lowerMay = l.may | bit(l.pos);
    }
  }
  return { base, may, lowerBase, lowerMay, cap };
}

/**
 * Tag one sentence's tokens [first, last) in place. `forms` holds each token's form tags; `lower` the lower-case
 * forms. `pos` receives the tags.
 */
export function tagSentence(forms: FormTags[], lower: string[], pos: Uint8Array, first: number, last: number): void {
  // Base tags. A capitalised common noun or adjective reads as a name, anywhere ("Secretary", "Turkish");
  // other capitalised words at a sentence's start read as their lower-case form ("The", "While").
  for (let i = first; i < last; i++) {
    const f = forms[i]!;
    let p = f.base;
    if (f.cap) {
      const lb = f.lowerBase;
      p = lb === NOUN || lb === ADJ || p === PROPN ? PROPN : lb;
      // A quantifier opening a sentence is not a name ("Many marchers", "More than").
      if (i === first && QUANTIFIERS.has(lower[i]!)) p = lb;
      // ... except a plural common noun opening a sentence before a lower-case word ("Protesters clashed").
      if (p === PROPN && lb === NOUN && i === first && i + 1 < last && !forms[i + 1]!.cap && /s$/.test(lower[i]!)) p = NOUN;
    }
    // "'s" after a pronoun is "is" or "has" ("it's", "that's", "who's").
    if (p === PART && lower[i] === "'s" && i > first && CONTRACTING.has(lower[i - 1]!)) p = AUX;
    pos[i] = p;
  }
  for (let i = first; i < last; i++) {
    const f = forms[i]!;
    const w = lower[i]!;
    const prev = i > first ? pos[i - 1]! : -1;
    const prevW = i > first ? lower[i - 1]! : '';
    const next = i + 1 < last ? pos[i + 1]! : -1;
    const nextW = i + 1 < last ? lower[i + 1]! : '';
    const nextMay = i + 1 < last ? forms[i + 1]!.may : 0;
    const may = f.cap ? f.lowerMay | f.may : f.may;
    const p = pos[i]!;
    if (p === PROPN && f.cap) continue;
    if (w === 'to') {
      pos[i] =
        (nextMay & bit(VERB) || BASE_AUX.has(nextW)) && next !== PROPN && next !== DET && next !== NUM && next !== PRON && !/^\p{Lu}/u.test(nextW) ? PART : ADP;
      continue;
    }
    if (w === 'that' || w === 'this' || w === 'these' || w === 'those') {
      if (next === NOUN || next === ADJ || next === NUM || (next === PROPN && w !== 'that')) pos[i] = DET;
      else if (w !== 'that') pos[i] = PRON;
      // "that" before a clause's subject opens the clause ("warned that the", "a ruling that its"); before a verb
      // it is a relative pronoun ("forces that entered"); at a clause's end, a pronoun.
      else if (next === DET || next === PRON || next === PROPN || (next === PUNCT && /^["“‘']$/.test(nextW))) pos[i] = SCONJ;
      else if (prev === VERB || prev === ADJ) pos[i] = next === PUNCT ? PRON : SCONJ;
      else pos[i] = PRON;
      continue;
    }
    if (w === 'about' && (next === NUM || next === SYM || nextW === '$' || nextW === '€' || nextW === '£')) {
      pos[i] = ADV;
      continue;
    }
    if (MODAL_AUX.has(w)) {
      pos[i] = AUX;
      continue;
    }
    if ((w === 'more' || w === 'less' || w === 'much' || w === 'most') && (next === ADJ || next === ADV)) {
      pos[i] = ADV;
      continue;
    }
    if (may & bit(NOUN) && may & bit(VERB)) {
      if (prev === DET || prev === ADJ || prev === NUM || (prev === PART && /^'s$/.test(prevW)) || (prev === PRON && POSSESSIVE.has(prevW))) pos[i] = NOUN;
      else if (prev === PART || prev === AUX || MODALS.has(prevW) || SUBJECTS.has(prevW)) pos[i] = VERB;
      else if ((prev === NOUN || prev === PROPN) && (next === DET || (next === PRON && !WH.has(nextW)) || next === NUM || next === PROPN) && p === NOUN)
        pos[i] = VERB;
      else if (prev === ADP && p === VERB && !/ing$/.test(w)) pos[i] = NOUN;
    }
    // A gerund after a determiner or possessive is a noun ("its peacekeeping mission", "the hijacking of").
    if (pos[i] === VERB && w.endsWith('ing') && (prev === DET || (prev === PRON && POSSESSIVE.has(prevW)) || (prev === PART && prevW === "'s"))) pos[i] = NOUN;
    const q = pos[i]!;
    if (
      may & bit(ADJ) &&
      (q === NOUN || q === VERB) &&
      (next === NOUN || (next === PROPN && !forms[i + 1]!.cap)) &&
      (prev === DET || prev === ADJ || prev === PRON)
    )
      pos[i] = ADJ;
    else if (q === ADJ && prev === AUX && may & bit(VERB) && /ed$/.test(w) && (next === ADP || next === PUNCT)) pos[i] = VERB;
  }
}
