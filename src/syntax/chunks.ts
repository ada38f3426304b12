import { POS, type Tokens } from '../language/tokens.js';
import { ACTOR_POSSESSIVES as POSSESSIVE_PRON } from '../language/closed-class.js';
import { gluedHyphen, isNounPhraseTag } from './np-words.js';

/**
 * Noun-phrase chunks of a stretch of a sentence, as actor recognition reads them: runs of noun-phrase words,
 * cut where a determiner or a verb the tagger mistook for a noun starts a new phrase. Dictionary matches
 * (`pieceAt` >= 0) always belong to a chunk.
 */

/** An inflected verb form other than the third person ("sheltered", "shot", "forgave"). */
export function isPastForm(w: string, verbForms: Map<string, string>): boolean {
  if (w.endsWith('s') || w.endsWith('ing')) return false;
  const base = verbForms.get(w);
  return base !== undefined && base !== w;
}

export interface Chunk {
  first: number;
  last: number;
}

/**
 * A lower-case past tense between a name and the next capitalised word or determiner is a verb the tagger
 * took for an adjective ("Sen. Elizabeth Warren grilled Wells Fargo's chief"), not part of one long name.
 */
function pastBetweenNames(t: Tokens, j: number, last: number): boolean {
  const w = t.lower[j]!;
  if (t.cap[j] || w.length < 5 || !w.endsWith('ed') || j + 1 >= last) return false;
  if (t.pos[j - 1] !== POS.PROPN || !t.cap[j - 1] || t.start[j] === t.end[j - 1]) return false;
  const next = t.pos[j + 1];
  return (t.cap[j + 1] === 1 && next === POS.PROPN) || next === POS.DET || next === POS.NUM;
}

/** The chunks of tokens [first, last). */
export function chunksOf(t: Tokens, first: number, last: number, pieceAt: Int32Array, verbForms: Map<string, string>): Chunk[] {
  const out: Chunk[] = [];
  let s = -1;
  for (let j = first; j <= last; j++) {
    // A determiner inside a run starts a new phrase; a known verb just before it was mistagged
    // ("protesters end their blockades").
    // A past tense the tagger took for a noun or adjective ends the subject ("Chad sheltered refugees").
    if (
      s >= 0 &&
      j < last &&
      j > s &&
      pieceAt[j]! < 0 &&
      (t.pos[j] === POS.NOUN || t.pos[j] === POS.ADJ || t.pos[j] === POS.VERB) &&
      (pieceAt[j - 1]! >= 0 || t.pos[j - 1] === POS.NOUN || t.pos[j - 1] === POS.PROPN) &&
      (isPastForm(t.lower[j]!, verbForms) || pastBetweenNames(t, j, last))
    ) {
      out.push({ first: s, last: j });
      s = -1;
      continue;
    }
    if (
      s >= 0 &&
      j < last &&
      j > s &&
      (t.pos[j] === POS.DET || (t.pos[j] === POS.PRON && POSSESSIVE_PRON.has(t.lower[j]!))) &&
      t.lower[j - 1] !== "'s" &&
      pieceAt[j]! < 0
    ) {
      const prev = j - 1;
      const verbish = prev > s && pieceAt[prev]! < 0 && verbForms.has(t.lower[prev]!) && t.pos[prev - 1] !== POS.DET;
      out.push({ first: s, last: verbish ? prev : j });
      s = -1;
    }
    const ok =
      j < last &&
      (pieceAt[j]! >= 0 ||
        isNounPhraseTag(t.pos[j]) ||
        t.lower[j] === "'s" ||
        (t.lower[j] === "'" && j > first && t.start[j] === t.end[j - 1] && j + 1 < last && isNounPhraseTag(t.pos[j + 1])) ||
        gluedHyphen(t, j) ||
        (t.pos[j] === POS.PRON && POSSESSIVE_PRON.has(t.lower[j]!) && j + 1 < last && isNounPhraseTag(t.pos[j + 1])) ||
        (t.cap[j] === 1 && t.pos[j] !== POS.PUNCT && j > first && s >= 0 && t.pos[j] !== POS.VERB));
    if (ok && s < 0) s = j;
    if (!ok && s >= 0) {
      out.push({ first: s, last: j });
      s = -1;
    }
  }
  return out;
}
