import type { Analysis } from '../analysis.js';
import type { Modality } from '../document/types.js';
import { POS, type Tokens } from '../language/tokens.js';
import type { CompiledPattern, Lexicon } from '../lexicon/lexicon.js';
import { reducedPassive } from './participle.js';
import { POSSESSIVES_OR_OWN as POSSESSIVES, QUOTE_MARK, RELATIVIZERS, OBLIGATION_MODALS as OBLIGATION } from '../language/closed-class.js';
import { clauseEnd, groupOf, objectOf, subjectOf, type ArgContext } from './arguments.js';
import { finishEvents, type Draft } from './finish.js';
import { modalOf, reportedModal, speakerOf, type Mood } from './mood.js';
import { SKIPPABLE, enactedContent, matchRest, mistaggedVerb, objectOk } from './phrase.js';
import { isQuestion, verbGroup, type VerbGroup } from './grammar.js';

/** What the steps of the event coder share for one document (the argument finders' context, and the coder's own state). */
interface EventContext extends ArgContext {
  lex: Lexicon;
  drafts: Draft[];
  /** A matched noun phrase ("terrorist attack on") covers its later nouns up to this token. */
  nounCoveredUntil: number;
  /** Verbs whose base form casus found itself. */
  lemmaOf: Map<number, string>;
  /** End of a mention, for the pattern matcher (made once: no closure per token). */
  mentionEnd: (m: number) => number;
}

/** A verb's frame as the words around it set it: modality, negation, mood, and where a "willing to" group starts. */
interface VerbFrame {
  modality: Modality;
  negated: boolean;
  mood: Mood;
  willingAt: number;
  /** Who demands the act ("X said Y must withdraw"), as a mention index. */
  speaker: number | null;
}

/** A pattern matched at a verb: the pattern, the token after its phrase, and a known mention inside the phrase (or -1). */
interface PatternMatch {
  pattern: CompiledPattern;
  end: number;
  between: number;
}

const say = (ctx: EventContext, v: number, lemma: string, why: string): void => void ctx.a.trace?.push(`  verb "${ctx.t.value[v]}" (lemma ${lemma}): ${why}`);

/** Stage: code the events of every sentence from the verb and noun patterns, with their sources and targets. */
export function codeEvents(a: Analysis): void {
  const t = a.tokens;
  const mentions = a.mentions;
  const sentMentions: number[][] = a.sentences.map(() => []);
  for (let m = 0; m < mentions.length; m++) sentMentions[t.sent[mentions[m]!.first]!]!.push(m);
  const ctx: EventContext = {
    a,
    t,
    mentions,
    sentMentions,
    owners: new Map(),
    lex: a.lexicon,
    drafts: [],
    nounCoveredUntil: 0,
    lemmaOf: new Map(),
    mentionEnd: (m) => mentions[m]!.last,
  };
  for (let s = 0; s < a.sentences.length; s++) {
    codeSentence(ctx, s);
    recordOwners(ctx, s);
  }
  finishEvents(a, ctx.drafts);
}

/** The events of sentence s, verb by verb and noun by noun. */
function codeSentence(ctx: EventContext, s: number): void {
  const { a, t, lex } = ctx;
  const sent = a.sentences[s]!;
  const question = isQuestion(a, s);
  let directiveAt = -1;
  for (let v = sent.first; v < sent.last; v++) {
    const reading = readVerb(ctx, s, v);
    const lemma = reading.lemma;
    if (reading.isVerb && ctx.lex.words.directiveVerbs.has(lemma) && directiveAt < 0 && a.mentionAt[v]! < 0) directiveAt = v;
    const isVerb = reading.isVerb && stillVerb(ctx, sent.first, v);
    if (isVerb && reading.patterned) codeVerb(ctx, s, v, lemma, question, directiveAt);
    else if (
      v >= ctx.nounCoveredUntil &&
      (t.pos[v] === POS.NOUN ||
        t.pos[v] === POS.PROPN ||
        (t.pos[v] === POS.ADJ && (t.lower[v - 1] === "'s" || t.lower[v - 1] === "'" || t.pos[v - 1] === POS.DET))) &&
      lex.nounPatterns.has(lemma)
    ) {
      codeNoun(ctx, s, v, lemma);
    }
  }
}

/** The lemma of token v and whether it is a verb with patterns; the tagger's lemma or tag may have missed. */
function readVerb(ctx: EventContext, s: number, v: number): { lemma: string; isVerb: boolean; patterned: boolean } {
  const { t, lex } = ctx;
  const sentFirst = ctx.a.sentences[s]!.first;
  let lemma = t.lemma[v]!;
  let isVerb = t.pos[v] === POS.VERB;
  const tag = t.pos[v]!;
  /** Does the lemma have verb patterns? (Looked up once; only a verb's answer is ever read.) */
  let patterned = isVerb && lex.verbPatterns.has(lemma);
  if ((!isVerb && (tag === POS.NOUN || tag === POS.ADJ || tag === POS.PROPN) && mayBeMistagged(t, v, sentFirst)) || (isVerb && !patterned)) {
    // The tagger's lemma missed ("de-escalated") or its tag did ("Chad sheltered refugees").
    const base = isVerb ? lex.verbForms.get(t.lower[v]!) : (lex.verbForms.get(t.lower[v]!) ?? (lex.verbPatterns.has(lemma) ? lemma : undefined));
    if (base && (isVerb || mistaggedVerb(t, v, base, sentFirst))) {
      lemma = base;
      isVerb = true;
      patterned = lex.verbPatterns.has(lemma);
      ctx.lemmaOf.set(v, base);
    }
  }
  return { lemma, isVerb, patterned };
}

/** Is a verb at v still a verb in its context (not a gerund noun, a noun after a possessive, a word of an actor's name)? */
function stillVerb(ctx: EventContext, sentFirst: number, v: number): boolean {
  const { a, t, mentions } = ctx;
  // "in the middle of fighting between X and Y": a gerund after a preposition is a noun, not a clause.
  if (t.lower[v]!.endsWith('ing') && v > sentFirst && (t.pos[v - 1] === POS.ADP || t.pos[v - 1] === POS.DET) && t.lower[v - 1] !== 'by') return false;
  if (v > sentFirst && t.pos[v - 1] === POS.VERB && t.lower[v]!.endsWith('s') && !t.lower[v]!.endsWith('ss')) return false;
  // "lifted its sanctions": after a possessive comes a noun, never a verb.
  if (v > sentFirst && POSSESSIVES.has(t.lower[v - 1]!) && t.lower[v - 1] !== 'her') return false;
  // A word inside an actor's name or role ("Russian forces") is no verb.
  const inside = a.mentionAt[v]! >= 0 && mentions[a.mentionAt[v]!]!.kind !== 'unknown' ? mentions[a.mentionAt[v]!]! : null;
  if (inside && inside.last > v && t.pos[v] !== POS.VERB) return false;
  if (inside && t.pos[v] === POS.VERB && inside.head === v) return false;
  return true;
}

/**
 * Infinitives: "threatened to strike" is the threat; "a request to send" is no event. Sets the frame from the
 * governing verb; false when the verb at v is no event of its own.
 */
function governedInfinitive(ctx: EventContext, s: number, v: number, lemma: string, vg: VerbGroup, question: boolean, frame: VerbFrame): boolean {
  const { a, t, lex } = ctx;
  const sentFirst = a.sentences[s]!.first;
  let k = vg.first - 1;
  while (k >= sentFirst && QUOTE_MARK.test(t.lower[k]!)) k--;
  if (k < sentFirst || t.lower[k] !== 'to') return true;
  let gov = k - 1;
  while (gov >= sentFirst && (t.pos[gov] === POS.ADV || QUOTE_MARK.test(t.lower[gov]!))) gov--;
  const taggedNoun = t.pos[gov] === POS.NOUN && ctx.lex.words.intentVerbs.has(t.lemma[gov]!) && t.pos[gov - 1] !== POS.DET && t.pos[gov - 1] !== POS.ADJ;
  if (gov >= sentFirst && ctx.lex.words.readyAdjectives.has(t.lower[gov]!) && t.pos[gov] !== POS.NOUN) {
    // "Egypt is willing to withdraw its troops": a stated will to act.
    const willingGroup = verbGroup(t, gov, sentFirst);
    if (willingGroup.negated) frame.negated = true;
    frame.modality = question ? 'question' : 'future';
    frame.mood = 'intent';
    frame.willingAt = willingGroup.first;
    return true;
  }
  if (gov < sentFirst || (t.pos[gov] !== POS.VERB && !taggedNoun)) {
    say(ctx, v, lemma, 'skipped: an infinitive that a noun governs ("a request to ...") is no event');
    return false;
  }
  const govLemma = t.lemma[gov]!;
  if (lex.verbPatterns.has(govLemma) && matchPattern(ctx, gov)) {
    if (a.trace) say(ctx, v, lemma, `skipped: governed by "${t.value[gov]}", whose own pattern codes the event`);
    return false;
  }
  if (ctx.lex.words.intentVerbs.has(govLemma)) frame.modality = 'future';
  else if (ctx.lex.words.refusalVerbs.has(govLemma)) frame.negated = true;
  else if (ctx.lex.words.tryVerbs.has(govLemma)) frame.modality = 'hypothetical';
  if (ctx.lex.words.pledgeVerbs.has(govLemma)) frame.mood = 'intent';
  const govGroup = verbGroup(t, gov, sentFirst);
  if (govGroup.negated) frame.negated = true;
  if (govGroup.modality !== 'asserted' && frame.modality === 'asserted') frame.modality = govGroup.modality;
  if (govGroup.modality === 'future' || (govGroup.modality === 'hypothetical' && reportedModal(t, govGroup.first, sentFirst, ctx.lex.words)))
    frame.mood = 'intent';
  return true;
}

/** "will release", "said it would release": the act is announced, not done; "said Y must withdraw": demanded. */
function modalMood(ctx: EventContext, s: number, v: number, vg: VerbGroup, frame: VerbFrame): void {
  const { a, t } = ctx;
  const sentFirst = a.sentences[s]!.first;
  const modal = modalOf(t, vg.first, v);
  if (frame.mood !== null || frame.negated || vg.passive) return;
  if (modal === 'will' || modal === "'ll" || modal === 'shall') frame.mood = 'intent';
  else if ((modal === 'would' || modal === "'d") && reportedModal(t, vg.first, sentFirst, ctx.lex.words)) {
    frame.mood = 'intent';
    if (frame.modality === 'hypothetical') frame.modality = 'future';
  } else if (OBLIGATION.has(modal ?? '')) {
    frame.speaker = speakerOf(a, vg.first, v, s, (j) => subjectOf(ctx, j, verbGroup(t, j, sentFirst).first, s));
    if (frame.speaker !== null) frame.mood = 'demand';
  }
}

/** The events of a verb with patterns at v. */
function codeVerb(ctx: EventContext, s: number, v: number, lemma: string, question: boolean, directiveAt: number): void {
  const { a, t, mentions, sentMentions, lex } = ctx;
  const sentFirst = a.sentences[s]!.first;
  const vg = verbGroup(t, v, sentFirst);
  const frame: VerbFrame = { modality: question ? 'question' : vg.modality, negated: vg.negated, mood: null, willingAt: -1, speaker: null };
  if (!governedInfinitive(ctx, s, v, lemma, vg, question, frame)) return;
  modalMood(ctx, s, v, vg, frame);
  // "demanding the government remove the troops": the demanded act is not an event.
  if (directiveAt >= 0 && directiveAt < v && t.lower[v] === lemma && vg.first === v) {
    let between = false;
    for (const m of sentMentions[s]!) if (mentions[m]!.first > directiveAt && mentions[m]!.last <= v) between = true;
    if (between) {
      if (a.trace) say(ctx, v, lemma, `skipped: the content of "${t.value[directiveAt]}" (a demanded act, not an event)`);
      return;
    }
  }
  const found = matchPattern(ctx, v);
  if (!found) {
    if (a.trace)
      say(
        ctx,
        v,
        lemma,
        `no pattern matched (tried ${lex.verbPatterns
          .get(lemma)!
          .map((p) => p.id)
          .join(', ')})`,
      );
    return;
  }
  // "passed a resolution that would end X": the measure's content is what was enacted, not a hypothesis.
  if (frame.modality === 'hypothetical' && enactedContent(t, vg.first, sentFirst, ctx.lex.words)) frame.modality = 'asserted';
  const args = verbArguments(ctx, s, v, vg, frame, found);
  let { sources, targets } = args;
  const { match, passive } = args;
  if (frame.mood === 'demand' && frame.speaker !== null) {
    // The speaker demands the act of its subject.
    const who = groupOf(ctx, frame.speaker);
    if (sources.some((m) => who.some((w) => mentions[w]!.entity === mentions[m]!.entity))) frame.mood = null;
    else {
      targets = sources;
      sources = who;
    }
  }
  const p = match.pattern;
  if (!sources.length && !targets.length) {
    if (a.trace) say(ctx, v, lemma, `pattern ${p.id} matched but no actor is its source or target`);
    return;
  }
  if (a.trace)
    say(
      ctx,
      v,
      lemma,
      `pattern ${p.id} (${p.ref}) fired: ${passive ? 'passive, ' : ''}${frame.negated ? 'negated, ' : ''}${frame.modality}${frame.mood ? `, ${frame.mood}` : ''}; source ${sources.map((m) => mentions[m]!.code).join('+') || '-'}, target ${targets.map((m) => mentions[m]!.code).join('+') || '-'}`,
    );
  addDrafts(ctx, s, p, v, match.end, sources, targets, frame.negated, frame.modality, false, frame.mood);
}

/** The sources and targets of a verb's matched pattern, active or passive; a joint act with one side tries the next pattern. */
function verbArguments(
  ctx: EventContext,
  s: number,
  v: number,
  vg: VerbGroup,
  frame: VerbFrame,
  found: PatternMatch,
): { sources: number[]; targets: number[]; match: PatternMatch; passive: boolean } {
  const { a, t, mentions, sentMentions } = ctx;
  const sentFirst = a.sentences[s]!.first;
  const subj = subjectOf(ctx, v, frame.willingAt >= 0 ? frame.willingAt : vg.first, s);
  let match = found;
  let sources: number[] = [];
  let targets: number[] = [];
  const reduced = vg.passive ? -1 : reducedPassive(t, v, vg.first, match.end, sentFirst);
  const passive = vg.passive || reduced >= 0;
  if (passive) {
    // "warplanes supported by Russia": the reduced passive's noun is the one right before it.
    const noun = reduced >= 0 ? a.mentionAt[reduced]! : -1;
    if (noun >= 0) targets = groupOf(ctx, noun);
    else if (subj !== null) targets = groupOf(ctx, subj);
    const clauseLast = clauseEnd(ctx, match.end, s);
    for (let j = match.end; j < clauseLast; j++) {
      if (t.lower[j] !== 'by') continue;
      const by = sentMentions[s]!.find((m) => mentions[m]!.first > j && mentions[m]!.first <= j + 3);
      if (by !== undefined) sources = groupOf(ctx, by);
      break;
    }
    return { sources, targets, match, passive };
  }
  if (subj !== null) sources = groupOf(ctx, subj);
  /** Patterns already tried for a reciprocal act that found no second side (made on first need). */
  let tried: Set<CompiledPattern> | undefined;
  for (;;) {
    const p = match.pattern;
    targets = [];
    if (p.target !== 'none') {
      // A target preposition that ends the phrase itself ("clash with") is already behind us.
      const rule = p.rest.length && p.rest[p.rest.length - 1] === p.target ? 'object' : p.target;
      const known = match.between >= 0 && mentions[match.between]!.kind !== 'unknown';
      const obj = known && rule === 'object' ? match.between : objectOf(ctx, match.end, s, rule, sources[0] ?? null, p.reciprocal);
      if (obj !== null) targets = groupOf(ctx, obj);
    }
    // "China held drills near Taiwan": a joint act read from its object ("drills") needs a second side.
    if (!p.reciprocal || !p.object || sources.length > 1 || targets.length) break;
    (tried ??= new Set()).add(p);
    const next = matchPattern(ctx, v, tried);
    if (!next) break;
    match = next;
  }
  return { sources, targets, match, passive };
}

/** Who made "the request", "the offer", ... in sentence s, for later sentences that refer back to it. */
function recordOwners(ctx: EventContext, s: number): void {
  const { a, t, mentions, sentMentions, owners } = ctx;
  const sent = a.sentences[s]!;
  for (let j = sent.first; j < sent.last; j++) {
    if (t.pos[j] !== POS.NOUN && t.pos[j] !== POS.PROPN) continue;
    if (!ctx.lex.words.ownedActNouns.has(t.lemma[j]!)) continue;
    let owner: number | null = null;
    for (const m of sentMentions[s]!) if (mentions[m]!.head === j && mentions[m]!.first < j && mentions[m]!.kind !== 'unknown') owner = m;
    if (owner === null && (t.lower[j + 1] === 'from' || t.lower[j + 1] === 'by')) {
      // A plain loop: a closure here would capture j and cost an allocation per token.
      for (const m of sentMentions[s]!) {
        if (mentions[m]!.kind !== 'unknown' && mentions[m]!.first >= j + 2 && mentions[m]!.first <= j + 4) {
          owner = m;
          break;
        }
      }
    }
    if (owner !== null) {
      owners.set(t.lemma[j]!, owner);
      owners.set('*', owner);
    }
  }
}

/** The first verb pattern of token v (not in `skip`) whose phrase and object match. */
function matchPattern(ctx: EventContext, v: number, skip?: Set<CompiledPattern>): PatternMatch | null {
  const { a, t, lex } = ctx;
  const sent = a.sentences[t.sent[v]!]!;
  const list = lex.verbPatterns.get(ctx.lemmaOf.get(v) ?? t.lemma[v]!);
  if (!list) return null;
  for (const p of list) {
    if (skip?.has(p)) continue;
    const { end, between } = matchRest(t, v, p.rest, sent.last, a.mentionAt, ctx.mentionEnd);
    if (end < 0) continue;
    if (!objectOk(t, p, end, sent.last)) continue;
    return { pattern: p, end, between };
  }
  return null;
}

/** The target of a noun pattern ending at `end`: right after the noun, or by the pattern's rule. */
function nounTarget(ctx: EventContext, s: number, p: CompiledPattern, end: number, sources: number[]): number | null {
  const { mentions, sentMentions } = ctx;
  const t = ctx.t;
  let target: number | null = null;
  const lastWord = p.rest[p.rest.length - 1];
  const rule = p.target !== 'object' ? p.target : lastWord && /^(on|against|of|with|to|between|by|from|in|into|at)$/.test(lastWord) ? 'object' : null;
  let from = end;
  if (rule === null) {
    // Bare noun: the target follows "on", "against" or "of" right after it.
    if (/^(on|against|of|targeting|in)$/.test(t.lower[end] ?? '') && t.lower[end] !== 'in') from = end + 1;
    else from = -1;
  }
  if (from >= 0) {
    const near = sentMentions[s]!.filter((m) => mentions[m]!.first >= from && mentions[m]!.first <= from + 3);
    const candidate = near.find((m) => mentions[m]!.kind !== 'unknown') ?? near[0];
    if (candidate !== undefined) target = candidate;
    if (rule && rule !== 'object') target = objectOf(ctx, end, s, rule, sources[0] ?? null);
  }
  return target;
}

/** An actor inside the noun's own phrase ("Russian strikes"), with its coordinated partners. */
function phraseSources(ctx: EventContext, s: number, v: number, end: number): number[] {
  const { mentions, sentMentions } = ctx;
  const inside = sentMentions[s]!.filter(
    (m) => mentions[m]!.kind !== 'unknown' && mentions[m]!.first < v && mentions[m]!.head >= v && mentions[m]!.head < Math.max(end, v + 1),
  );
  return inside.length ? groupOf(ctx, inside[inside.length - 1]!) : inside;
}

/** Sources of a noun pattern from outside its phrase: "by X" after it, or the subject of a light verb before it. */
function outsideSources(ctx: EventContext, s: number, v: number, end: number): number[] {
  const { a, t, mentions, sentMentions } = ctx;
  const sent = a.sentences[s]!;
  let sources: number[] = [];
  for (let j = end; j < Math.min(sent.last, end + 6); j++) {
    if (t.lower[j] !== 'by') continue;
    const by = sentMentions[s]!.find((m) => mentions[m]!.first > j && mentions[m]!.first <= j + 3);
    if (by !== undefined) sources = groupOf(ctx, by);
    break;
  }
  if (!sources.length) {
    // "Vietnam held a meeting with Laos": the noun's actor is the subject of the verb before it.
    let k = v - 1;
    while (k > sent.first && (SKIPPABLE.has(t.pos[k]!) || t.pos[k] === POS.NOUN || t.lower[k] === '-')) k--;
    // "carried out attacks", "stepped up raids": the particle belongs to the verb.
    if ((t.lower[k] === 'out' || t.lower[k] === 'up') && k > sent.first && t.pos[k - 1] === POS.VERB) k--;
    if (t.pos[k] === POS.VERB && ctx.lex.words.lightVerbs.has(t.lemma[k]!)) {
      const subj = subjectOf(ctx, k, verbGroup(t, k, sent.first).first, s);
      if (subj !== null) sources = groupOf(ctx, subj);
    }
  }
  return sources;
}

/** The event of a noun with patterns at v ("the attack on X"). */
function codeNoun(ctx: EventContext, s: number, v: number, lemma: string): void {
  const { a, t, lex } = ctx;
  const sent = a.sentences[s]!;
  // "the drone strike that killed X": the verb of the relative clause carries the event.
  let n = v + 1;
  if (t.lower[n] === ',') n++;
  if (RELATIVIZERS.has(t.lower[n] ?? '') && (t.pos[n + 1] === POS.VERB || t.pos[n + 1] === POS.AUX)) return;
  const list = lex.nounPatterns.get(lemma);
  if (!list) return;
  for (const p of list) {
    const { end } = matchRest(t, v, p.rest, sent.last);
    if (end < 0 || !objectOk(t, p, end, sent.last)) continue;
    const inPhrase = phraseSources(ctx, s, v, end);
    const target = nounTarget(ctx, s, p, end, inPhrase);
    const sources = inPhrase.length ? inPhrase : outsideSources(ctx, s, v, end);
    const targets = target === null ? [] : groupOf(ctx, target);
    if (a.trace) a.trace.push(`  noun "${t.value[v]}": pattern ${p.id} ${sources.length || targets.length ? 'fired' : 'matched but found no actor'}`);
    if (!sources.length && !targets.length) return;
    const negated = t.lower[v - 1] === 'no';
    ctx.nounCoveredUntil = end;
    addDrafts(ctx, s, p, v, end, sources, targets, negated, isQuestion(a, s) ? 'question' : 'asserted', true);
    return;
  }
}

/** Turn one event's sources and targets into drafts: one per pair (both ways for a reciprocal act), at most four a side. */
function addDrafts(
  ctx: EventContext,
  s: number,
  p: CompiledPattern,
  v: number,
  end: number,
  sources: number[],
  targets: number[],
  negated: boolean,
  modality: Modality,
  nominal: boolean,
  mood: Mood = null,
): void {
  const { mentions, drafts } = ctx;
  if (p.reciprocal && sources.length >= 2 && !targets.length) {
    // "Egypt and Greece signed a deal": each side is the other's partner.
    for (const x of sources.slice(0, 4))
      for (const y of sources.slice(0, 4)) {
        if (x !== y && mentions[x]!.entity !== mentions[y]!.entity)
          drafts.push({
            sentence: s,
            pattern: p,
            verbFirst: v,
            verbLast: p.kind === 'verb' && p.rest.length ? end : v + 1,
            source: x,
            target: y,
            negated,
            modality,
            nominal,
            mood,
          });
      }
    return;
  }
  const src: Array<number | null> = sources.length ? sources.slice(0, 4) : [null];
  const tgt: Array<number | null> = targets.length ? targets.slice(0, 4) : [null];
  const verbLast = p.kind === 'verb' && p.rest.length ? end : v + 1;
  for (const x of src)
    for (const y of tgt) {
      if (x !== null && y !== null && mentions[x]!.entity === mentions[y]!.entity) continue;
      drafts.push({ sentence: s, pattern: p, verbFirst: v, verbLast, source: x, target: y, negated, modality, nominal, mood });
      // "A met B": each side of a reciprocal act is also its source ("A and B met" codes both ways too).
      if (p.reciprocal && x !== null && y !== null)
        drafts.push({ sentence: s, pattern: p, verbFirst: v, verbLast, source: y, target: x, negated, modality, nominal, mood });
    }
}

/**
 * Can a noun, adjective or name at v be a verb the tagger missed (see mistaggedVerb)? Only after a word that
 * can precede a verb; checked before the word-form lookup, which most nouns never need.
 */
function mayBeMistagged(t: Tokens, v: number, sentFirst: number): boolean {
  if (v === sentFirst) return false;
  const prev = t.pos[v - 1]!;
  return prev === POS.AUX || prev === POS.PROPN || prev === POS.NOUN || prev === POS.PRON || prev === POS.ADV || t.lower[v - 1] === 'to';
}
