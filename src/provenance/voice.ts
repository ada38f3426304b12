import type { Analysis } from '../analysis.js';

/**
 * Stage: each sentence's voice (attributed when it holds or reports speech; the outlet's opinion when it is
 * subjective and said by no one else) and each event's, with its speaker.
 */
export function voice(a: Analysis): void {
  const t = a.tokens;
  for (let s = 0; s < a.sentences.length; s++) {
    const sent = a.sentences[s]!;
    const touches = a.quotes.some((q) => q.end > sent.start && q.start < sent.end);
    if (touches || a.speechCues[s]!.length) sent.kind = 'attributed';
    else if (sent.subjective && sent.kind === 'reported' && (sent.section === 'body' || sent.section === 'headline')) sent.kind = 'opinion';
  }
  for (const e of a.events) {
    if (a.sentences[e.sentence]!.kind === 'opinion') {
      e.voice = { kind: 'opinion', speaker: null };
      continue;
    }
    const verbStart = t.start[e.trigger.first]!;
    const verbEnd = t.end[e.trigger.last - 1]!;
    const q = a.quotes.find((x) => x.direct && verbStart >= x.start && verbEnd <= x.end);
    if (q) {
      e.voice = { kind: 'attributed', speaker: q.speaker };
      continue;
    }
    // Inside the reported content of a speech verb: after "X said", before "..., X said."
    const governing = a.speechCues[e.sentence]!.filter((c) => {
      const at = t.start[c.verb]!;
      return c.final ? verbStart < at : verbStart > at;
    });
    const cue = governing.filter((c) => c.speaker !== null).pop() ?? governing.pop();
    if (cue) e.voice = { kind: 'attributed', speaker: cue.speaker };
  }
}
