import type { Analysis, Mention } from '../analysis.js';
import type { Actor, Quote } from '../document/types.js';
import { POS } from '../language/tokens.js';
import { SPEECH_VERBS } from '../events/grammar.js';
import { syntaxOf } from '../syntax/document.js';
import { findQuoteSpans, type QuoteSpan } from './quotes.js';
import { dashedName, invertedSpeaker, mainSubject, passiveAgent, phraseAfter, subjectOf, transcriptLabel } from './speaker.js';

const CUE_NOUNS = new Set(['statement', 'spokesman', 'spokeswoman', 'spokesperson', 'communique', 'report', 'release', 'letter']);

function actorOf(a: Analysis, m: Mention): Actor {
  return { id: a.entities[m.entity]!.id, text: a.text.slice(m.start, m.end), start: m.start, end: m.end, code: m.code, country: m.country, sector: m.sector, name: m.name };
}

interface Cue {
  verb: number;
  speaker: number | null;
  /** The cue closes the sentence ("..., the ministry said."): the content comes before it. */
  final: boolean;
}

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
    if (t.pos[v] !== POS.VERB || !SPEECH_VERBS.has(t.lemma[v]!) || inQuote(t.start[v]!)) continue;
    // "on disputed airspace": a participle before its noun is no speech.
    if (/ed$/.test(t.lower[v]!) && (t.pos[v + 1] === POS.NOUN || t.pos[v + 1] === POS.ADJ) && v > sent.first && (t.pos[v - 1] === POS.ADP || t.pos[v - 1] === POS.DET || t.pos[v - 1] === POS.ADJ)) continue;
    // "“...,” said spokesperson X" (inverted order only after a quotation, comma or colon); "was written by X".
    let speaker = (v > sent.first ? invertedSpeaker(a, v, sent.last) : null) ?? passiveAgent(a, v, sent.last);
    if (speaker === null) {
      let j = v - 1;
      while (j >= sent.first && (t.pos[j] === POS.AUX || t.pos[j] === POS.ADV || t.pos[j] === POS.PART)) j--;
      const there = j >= sent.first ? a.mentionAt[j]! : -1;
      const cueNoun = j >= sent.first && CUE_NOUNS.has(t.lemma[j]!) && (there < 0 || a.mentions[there]!.kind === 'unknown');
      if (cueNoun) {
        // "the statement added": the statement's author is the latest government or organisation named outside quotes.
        for (let m = a.mentions.length - 1; m >= 0; m--) {
          const mm = a.mentions[m]!;
          if (mm.last > j || !mm.strong || inQuote(mm.start)) continue;
          if ((mm.kind === 'org' && mm.sector !== 'MED') || (mm.kind === 'group' && mm.sector === 'GOV')) { speaker = m; break; }
        }
      }
      if (speaker === null) speaker = subjectOf(a, v, sent.first, inQuote);
      if (speaker === null) {
        for (let k = j; k >= sent.first; k--) {
          const m = a.mentionAt[k]!;
          if (m >= 0 && a.mentions[m]!.strong) { speaker = m; break; }
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

const OWNED = new Set(['request', 'call', 'demand', 'proposal', 'offer', 'appeal', 'plan', 'pledge', 'promise', 'vow', 'warning', 'threat', 'bid', 'plea']);

/** "a request from X to “...”": a partial quote of X's request or call. */
function ownerBefore(a: Analysis, at: number): Cue | null {
  const t = a.tokens;
  const q = syntaxOf(a).offsets.firstEndingAfter(at);
  const s = t.sent[Math.min(q, t.n - 1)]!;
  const first = a.sentences[s]!.first;
  if (t.lower[q - 1] !== 'to' && t.lower[q - 1] !== 'for') return null;
  for (let k = q - 2; k >= Math.max(first, q - 14); k--) {
    if (t.pos[k] === POS.VERB) return null;
    if (!OWNED.has(t.lemma[k]!) || t.pos[k] !== POS.NOUN) continue;
    for (let m = 0; m < a.mentions.length; m++) {
      const mm = a.mentions[m]!;
      if (mm.kind === 'unknown') continue;
      const modifies = mm.head === k && mm.first < k;
      const after = (t.lower[k + 1] === 'from' || t.lower[k + 1] === 'by') && mm.first >= k + 2 && mm.first <= k + 4;
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

/** Stage: quotes and their speakers; each sentence's voice; each event's attribution. */
export function attribute(a: Analysis): void {
  const t = a.tokens;
  const spans = findQuoteSpans(a);
  const inQuote = (i: number): boolean => spans.some((q) => i >= q.outerStart && i < q.outerEnd);
  const sentenceCues: Cue[][] = a.sentences.map((_, s) => cuesOf(a, s, inQuote));
  const quoteSpeaker = new Map<QuoteSpan, number | null>();
  const quotes: Quote[] = [];
  const cueFor = (q: QuoteSpan): Cue | null => {
    // The nearest speech verb in the sentences the quote touches, or the one right after it.
    let best: Cue | null = null;
    let dist = Infinity;
    for (let s = 0; s < a.sentences.length; s++) {
      const sent = a.sentences[s]!;
      // A sentence right after a quotation that ends its own sentence ("“Why?” she asked.") counts with its closing cue only.
      const next = sent.start >= q.outerEnd && sent.start <= q.outerEnd + 2;
      if (sent.end <= q.outerStart || (sent.start >= q.outerEnd && !next)) continue;
      for (const c of sentenceCues[s]!) {
        if (next && sent.start >= q.outerEnd && !c.final) continue;
        const at = t.start[c.verb]!;
        const d = at >= q.outerEnd ? at - q.outerEnd : q.outerStart - at;
        if (d < dist) [best, dist] = [c, d];
      }
    }
    return best;
  };
  let previous: { end: number; speaker: number | null } | null = null;
  for (const q of spans) {
    // "“SMITH: ...”" (a transcript) and "“...” — Jane Doe" name the speaker without a speech verb.
    const named = transcriptLabel(a, q.start, q.end) ?? dashedName(a, q.outerEnd);
    const owned = named === null ? ownerBefore(a, q.outerStart) : null;
    const cue = named === null ? owned ?? cueFor(q) : null;
    let speaker = named ?? (cue ? cue.speaker : null);
    // A quote with no speech verb near it continues the speaker of the quote just before,
    // or, inside a sentence ("X called Y a “strong leader”"), belongs to the sentence's subject.
    if (speaker === null && !cue) speaker = subjectBefore(a, q.outerStart, inQuote);
    if (speaker === null && previous && previous.speaker !== null && q.outerStart - previous.end < 400) speaker = previous.speaker;
    previous = { end: q.outerEnd, speaker };
    quoteSpeaker.set(q, speaker);
    quotes.push({
      start: q.start,
      end: q.end,
      text: a.text.slice(q.start, q.end),
      direct: true,
      cue: cue ? { text: t.value[cue.verb]!, start: t.start[cue.verb]!, end: t.end[cue.verb]! } : null,
      speaker: speaker === null ? null : actorOf(a, a.mentions[speaker]!),
    });
  }
  // Indirect speech: "X said (that) ..." / "..., X said." outside quotation marks.
  for (let s = 0; s < a.sentences.length; s++) {
    const sent = a.sentences[s]!;
    const cues = sentenceCues[s]!;
    for (let ci = 0; ci < cues.length; ci++) {
      const c = cues[ci]!;
      const vs = t.start[c.verb]!;
      // Reported content stops before a closing or coordinated cue; a nested cue gives a quote inside this one.
      const next = cues[ci + 1];
      const stop = next ? stopBefore(a, next, sent.last) : sent.last;
      const overlapsQuote = spans.some((q) => q.outerEnd > sent.start && q.outerStart < sent.end);
      if (overlapsQuote) continue;
      let start: number;
      let end: number;
      // After a comma the content comes first ("..., said X"), unless the comma closed an aside after the speaker ("X, 61, said ...").
      const asideBefore = c.speaker !== null && !c.final && a.mentions[c.speaker]!.last < c.verb - 1;
      if (c.verb + 1 < sent.last && (t.lower[c.verb - 1] !== ',' || asideBefore)) {
        let j = c.verb + 1;
        while (j < sent.last && (t.lower[j] === 'that' || a.mentionAt[j] === c.speaker || t.pos[j] === POS.ADP && j === c.verb + 1)) j++;
        if (j >= stop - 1) continue;
        start = t.start[j]!;
        end = t.end[stop - 1]!;
        if (/[.!?]$/.test(a.text.slice(end - 1, end))) end--;
      } else {
        start = sent.start;
        let k = c.verb - 1;
        while (k > sent.first && (t.lower[k] === ',' || a.mentionAt[k]! >= 0 || t.pos[k] === POS.DET)) k--;
        end = t.end[k]!;
        if (end <= start) continue;
      }
      if (end - start < 8 || vs < 0) continue;
      quotes.push({
        start, end, text: a.text.slice(start, end), direct: false,
        cue: { text: t.value[c.verb]!, start: vs, end: t.end[c.verb]! },
        speaker: c.speaker === null ? null : actorOf(a, a.mentions[c.speaker]!),
      });
    }
  }
  quotes.sort((x, y) => x.start - y.start);
  a.quotes = quotes;
  for (let s = 0; s < a.sentences.length; s++) {
    const sent = a.sentences[s]!;
    const touches = quotes.some((q) => q.end > sent.start && q.start < sent.end);
    if (touches || sentenceCues[s]!.length) sent.kind = 'attributed';
  }
  for (const e of a.events) {
    const sent = a.sentences[e.sentence]!;
    if (sent.kind === 'opinion') {
      e.attribution.kind = 'opinion';
      continue;
    }
    const q = quotes.find((x) => x.direct && e.verb.start >= x.start && e.verb.end <= x.end);
    if (q) {
      e.attribution.kind = 'attributed';
      e.attribution.speaker = q.speaker;
      continue;
    }
    // Inside the reported content of a speech verb: after "X said", before "..., X said."
    const governing = sentenceCues[e.sentence]!.filter((c) => {
      const at = t.start[c.verb]!;
      return c.final ? e.verb.start < at : e.verb.start > at;
    });
    const cue = governing.filter((c) => c.speaker !== null).pop() ?? governing.pop();
    if (cue) {
      e.attribution.kind = 'attributed';
      e.attribution.speaker = cue.speaker === null ? null : actorOf(a, a.mentions[cue.speaker]!);
    }
  }
}
