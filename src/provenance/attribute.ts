import type { Analysis, QuoteWork, SpeechCue } from '../analysis.js';
import { POS } from '../language/tokens.js';
import { syntaxOf } from '../syntax/document.js';
import { findQuoteSpans, type QuoteSpan } from './quotes.js';
import { dashedName, invertedSpeaker, mainSubject, passiveAgent, phraseAfter, subjectOf, transcriptLabel } from './speaker.js';

type Cue = SpeechCue;

/** Speech verbs of a sentence outside quotes, each with who speaks. */
function cuesOf(a: Analysis, s: number, inQuote: (i: number) => boolean): Cue[] {
  const t = a.tokens;
  const sent = a.sentences[s]!;
  const out: Cue[] = [];
  for (let v = sent.first; v < sent.last; v++) {
    // "according to X": X is the source of the rest of the sentence.
    if (t.lower[v] === 'according' && t.lower[v + 1] === 'to' && !inQuote(t.start[v]!)) {
      const m = phraseAfter(a, v + 2, sent.last);
      let e = m !== null ? a.mentions[m]!.last : v + 3;
      while (e < sent.last && t.pos[e] !== POS.PUNCT) e++;
      out.push({ verb: v, speaker: m, final: e >= sent.last - 1 && v > sent.first });
      continue;
    }
    if (t.pos[v] !== POS.VERB || !a.lexicon.words.speechVerbs.has(t.lemma[v]!) || inQuote(t.start[v]!)) continue;
    // "on disputed airspace": a participle before its noun is no speech.
    if (
      /ed$/.test(t.lower[v]!) &&
      (t.pos[v + 1] === POS.NOUN || t.pos[v + 1] === POS.ADJ) &&
      v > sent.first &&
      (t.pos[v - 1] === POS.ADP || t.pos[v - 1] === POS.DET || t.pos[v - 1] === POS.ADJ)
    )
      continue;
    // "“...,” said spokesperson X" (inverted order only after a quotation, comma or colon); "was written by X".
    let speaker = (v > sent.first ? invertedSpeaker(a, v, sent.last) : null) ?? passiveAgent(a, v, sent.last);
    if (speaker === null) {
      let j = v - 1;
      while (j >= sent.first && (t.pos[j] === POS.AUX || t.pos[j] === POS.ADV || t.pos[j] === POS.PART)) j--;
      const there = j >= sent.first ? a.mentionAt[j]! : -1;
      const cueNoun = j >= sent.first && a.lexicon.words.statementNouns.has(t.lemma[j]!) && (there < 0 || a.mentions[there]!.kind === 'unknown');
      if (cueNoun) {
        // "the statement added": the statement's author is the latest government or organisation named outside quotes.
        for (let m = a.mentions.length - 1; m >= 0; m--) {
          const candidate = a.mentions[m]!;
          if (candidate.last > j || !candidate.strong || inQuote(candidate.start)) continue;
          if ((candidate.kind === 'org' && candidate.sector !== 'MED') || (candidate.kind === 'group' && candidate.sector === 'GOV')) {
            speaker = m;
            break;
          }
        }
      }
      if (speaker === null) speaker = subjectOf(a, v, sent.first, inQuote);
      if (speaker === null) {
        for (let k = j; k >= sent.first; k--) {
          const m = a.mentionAt[k]!;
          if (m >= 0 && a.mentions[m]!.strong) {
            speaker = m;
            break;
          }
          if (t.pos[k] === POS.VERB) break;
        }
      }
    }
    // A name inside the quotation is what the speaker talks about, not the speaker.
    if (speaker !== null && inQuote(a.mentions[speaker]!.start)) speaker = null;
    // Where the reported content lies: after "X said", before a closing "..., X said." or "..., she added."
    let k = v + 1;
    while (k < sent.last && (a.mentionAt[k]! >= 0 || t.pos[k] === POS.DET || t.pos[k] === POS.ADV)) k++;
    const final = k >= sent.last - 1 && !/ing$/.test(t.lower[v]!);
    out.push({ verb: v, speaker, final });
  }
  return out;
}

/** "a request from X to “...”": a partial quote of X's request or call. */
function ownerBefore(a: Analysis, at: number): Cue | null {
  const t = a.tokens;
  const q = syntaxOf(a).offsets.firstEndingAfter(at);
  const s = t.sent[Math.min(q, t.n - 1)]!;
  const first = a.sentences[s]!.first;
  if (t.lower[q - 1] !== 'to' && t.lower[q - 1] !== 'for') return null;
  for (let k = q - 2; k >= Math.max(first, q - 14); k--) {
    if (t.pos[k] === POS.VERB) return null;
    if (!a.lexicon.words.ownedSpeechNouns.has(t.lemma[k]!) || t.pos[k] !== POS.NOUN) continue;
    for (let m = 0; m < a.mentions.length; m++) {
      const candidate = a.mentions[m]!;
      if (candidate.kind === 'unknown') continue;
      const modifies = candidate.head === k && candidate.first < k;
      const after = (t.lower[k + 1] === 'from' || t.lower[k + 1] === 'by') && candidate.first >= k + 2 && candidate.first <= k + 4;
      if (modifies || after) return { verb: k, speaker: m, final: false };
    }
  }
  return null;
}

/**
 * Where the content of a cue stops when another cue follows in its sentence: before a closing cue
 * ("..., the court said") or a coordinated one ("X said A, but he added B"); a cue nested in the
 * content ("X said inspectors found B") leaves it running to the sentence end.
 */
function stopBefore(a: Analysis, next: Cue, last: number): number {
  if (next.final) return next.verb;
  const t = a.tokens;
  const sp = next.speaker !== null ? a.mentions[next.speaker]! : null;
  const from = sp && sp.last <= next.verb ? sp.first : next.verb;
  const k = from - 1;
  if (t.pos[k] === POS.CCONJ || t.value[k] === ';') return t.value[k - 1] === ',' ? k - 1 : k;
  return last;
}

/** The first person or group named in a quote's sentence before the quote opens. */
function subjectBefore(a: Analysis, at: number, inQuote: (i: number) => boolean): number | null {
  const t = a.tokens;
  const s = a.sentences.find((x) => x.start <= at && x.end > at);
  if (!s || s.start >= at - 1) return null;
  // The subject of the sentence's first verb: "At a rally in Ohio, Jane Doe called the plan “a fraud.”"
  let q = s.first;
  while (q < s.last && t.start[q]! < at) q++;
  const main = mainSubject(a, s.first, q, inQuote, 0);
  if (main !== null) return main;
  for (let k = s.first; k < s.last && t.start[k]! < at; k++) {
    const m = a.mentionAt[k]!;
    if (m >= 0 && a.mentions[m]!.strong && a.mentions[m]!.kind !== 'unknown') return m;
  }
  return null;
}

/** What the steps of the provenance stage share: the quotation spans, whether an offset is inside one, and each sentence's speech cues. */
interface QuoteContext {
  a: Analysis;
  spans: QuoteSpan[];
  inQuote: (offset: number) => boolean;
  sentenceCues: Cue[][];
}

/** The nearest speech verb in the sentences the quote touches, or the one right after it. */
function cueFor(ctx: QuoteContext, q: QuoteSpan): Cue | null {
  const { a, sentenceCues } = ctx;
  let best: Cue | null = null;
  let dist = Infinity;
  for (let s = 0; s < a.sentences.length; s++) {
    const sent = a.sentences[s]!;
    // A sentence right after a quotation that ends its own sentence ("“Why?” she asked.") counts with its closing cue only.
    const next = sent.start >= q.outerEnd && sent.start <= q.outerEnd + 2;
    if (sent.end <= q.outerStart || (sent.start >= q.outerEnd && !next)) continue;
    for (const c of sentenceCues[s]!) {
      if (next && sent.start >= q.outerEnd && !c.final) continue;
      const at = a.tokens.start[c.verb]!;
      const d = at >= q.outerEnd ? at - q.outerEnd : q.outerStart - at;
      if (d < dist) [best, dist] = [c, d];
    }
  }
  return best;
}

/** The quotations in quotation marks, each with its speech verb and speaker. */
function directQuotes(ctx: QuoteContext): QuoteWork[] {
  const { a } = ctx;
  const quotes: QuoteWork[] = [];
  let previous: { end: number; speaker: number | null } | null = null;
  for (const q of ctx.spans) {
    // "“SMITH: ...”" (a transcript) and "“...” — Jane Doe" name the speaker without a speech verb.
    const named = transcriptLabel(a, q.start, q.end) ?? dashedName(a, q.outerEnd);
    const owned = named === null ? ownerBefore(a, q.outerStart) : null;
    const cue = named === null ? (owned ?? cueFor(ctx, q)) : null;
    let speaker = named ?? (cue ? cue.speaker : null);
    // A quote with no speech verb near it continues the speaker of the quote just before,
    // or, inside a sentence ("X called Y a “strong leader”"), belongs to the sentence's subject.
    if (speaker === null && !cue) speaker = subjectBefore(a, q.outerStart, ctx.inQuote);
    if (speaker === null && previous && previous.speaker !== null && q.outerStart - previous.end < 400) speaker = previous.speaker;
    previous = { end: q.outerEnd, speaker };
    quotes.push({ start: q.start, end: q.end, direct: true, cue: cue ? cue.verb : -1, speaker });
  }
  return quotes;
}

/** The reported content of cue number `ci` of sentence s, as a character span, or null when there is none. */
function reportedContent(ctx: QuoteContext, s: number, ci: number): { start: number; end: number } | null {
  const { a } = ctx;
  const t = a.tokens;
  const sent = a.sentences[s]!;
  const cues = ctx.sentenceCues[s]!;
  const c = cues[ci]!;
  // Reported content stops before a closing or coordinated cue; a nested cue gives a quote inside this one.
  const next = cues[ci + 1];
  const stop = next ? stopBefore(a, next, sent.last) : sent.last;
  let start: number;
  let end: number;
  // After a comma the content comes first ("..., said X"), unless the comma closed an aside after the speaker ("X, 61, said ...").
  const asideBefore = c.speaker !== null && !c.final && a.mentions[c.speaker]!.last < c.verb - 1;
  if (c.verb + 1 < sent.last && (t.lower[c.verb - 1] !== ',' || asideBefore)) {
    let j = c.verb + 1;
    while (j < sent.last && (t.lower[j] === 'that' || a.mentionAt[j] === c.speaker || (t.pos[j] === POS.ADP && j === c.verb + 1))) j++;
    if (j >= stop - 1) return null;
    start = t.start[j]!;
    end = t.end[stop - 1]!;
    if (/[.!?]$/.test(a.text.slice(end - 1, end))) end--;
  } else {
    start = sent.start;
    let k = c.verb - 1;
    while (k > sent.first && (t.lower[k] === ',' || a.mentionAt[k]! >= 0 || t.pos[k] === POS.DET)) k--;
    end = t.end[k]!;
    if (end <= start) return null;
  }
  if (end - start < 8 || t.start[c.verb]! < 0) return null;
  return { start, end };
}

/** Indirect speech: "X said (that) ..." / "..., X said." outside quotation marks. */
function indirectQuotes(ctx: QuoteContext): QuoteWork[] {
  const { a } = ctx;
  const quotes: QuoteWork[] = [];
  for (let s = 0; s < a.sentences.length; s++) {
    const sent = a.sentences[s]!;
    const overlapsQuote = ctx.spans.some((q) => q.outerEnd > sent.start && q.outerStart < sent.end);
    if (overlapsQuote) continue;
    const cues = ctx.sentenceCues[s]!;
    for (let ci = 0; ci < cues.length; ci++) {
      const content = reportedContent(ctx, s, ci);
      if (content) quotes.push({ start: content.start, end: content.end, direct: false, cue: cues[ci]!.verb, speaker: cues[ci]!.speaker });
    }
  }
  return quotes;
}

/** Stage: quotes and their speakers, and the speech cues of each sentence (for the voice stage). */
export function attribute(a: Analysis): void {
  const spans = findQuoteSpans(a);
  const inQuote = (offset: number): boolean => spans.some((q) => offset >= q.outerStart && offset < q.outerEnd);
  const ctx: QuoteContext = { a, spans, inQuote, sentenceCues: [] };
  ctx.sentenceCues = a.sentences.map((_, s) => cuesOf(a, s, inQuote));
  const quotes = directQuotes(ctx).concat(indirectQuotes(ctx));
  quotes.sort((x, y) => x.start - y.start);
  a.quotes = quotes;
  a.speechCues = ctx.sentenceCues;
}
