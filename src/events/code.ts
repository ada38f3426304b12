import type { Analysis } from '../analysis.js';
import type { Modality } from '../document/types.js';
import { POS, type Tokens } from '../language/tokens.js';
import type { CompiledPattern } from '../lexicon/lexicon.js';
import { reducedPassive } from './participle.js';
import { POSSESSIVES_OR_OWN as POSSESSIVES, QUOTE_MARK, RELATIVIZERS, OBLIGATION_MODALS as OBLIGATION } from '../language/closed-class.js';
import { clauseEnd, groupOf, objectOf, subjectOf, type ArgContext } from './arguments.js';
import { finishEvents, type Draft } from './finish.js';
import { modalOf, reportedModal, speakerOf, type Mood } from './mood.js';
import { SKIPPABLE, enactedContent, matchRest, mistaggedVerb, objectOk } from './phrase.js';
import { isQuestion, verbGroup } from './grammar.js';

/** Stage: code the events of every sentence from the verb and noun patterns, with their sources and targets. */
export function codeEvents(a: Analysis): void {
  const t = a.tokens;
  const lex = a.lexicon;
  const { directiveVerbs: DIRECTIVE_VERBS, intentVerbs: INTENT_VERBS, lightVerbs: LIGHT_VERBS, ownedActNouns: OWNED_NOUNS, pledgeVerbs: PLEDGE_VERBS, readyAdjectives: WILLING, refusalVerbs: REFUSAL_VERBS, tryVerbs: TRY_VERBS } = lex.words;
  const mentions = a.mentions;
  const owners = new Map<string, number>();
  const drafts: Draft[] = [];
  /** A matched noun phrase ("terrorist attack on") covers its later nouns. */
  let nounCoveredUntil = 0;
  /** Verbs whose base form casus found itself. */
  const lemmaOf = new Map<number, string>();
  const sentMentions: number[][] = a.sentences.map(() => []);
  for (let m = 0; m < mentions.length; m++) sentMentions[t.sent[mentions[m]!.first]!]!.push(m);

  const ctx: ArgContext = { a, t, mentions, sentMentions, owners };
  const mentionEnd = (m: number): number => mentions[m]!.last;
  // No closure in the token loop below captures its variables (that would allocate a context per token).
  const say = (v: number, lemma: string, why: string): void => void a.trace?.push(`  verb "${t.value[v]}" (lemma ${lemma}): ${why}`);
  const recordOwners = (s: number): void => {
    const sent = a.sentences[s]!;
    for (let j = sent.first; j < sent.last; j++) {
      if (t.pos[j] !== POS.NOUN && t.pos[j] !== POS.PROPN) continue;
      if (!OWNED_NOUNS.has(t.lemma[j]!)) continue;
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
  };

  for (let s = 0; s < a.sentences.length; s++) {
    const sent = a.sentences[s]!;
    const question = isQuestion(a, s);
    let directiveAt = -1;
    for (let v = sent.first; v < sent.last; v++) {
      let lemma = t.lemma[v]!;
      let isVerb = t.pos[v] === POS.VERB;
      const pv = t.pos[v]!;
      /** Does the lemma have verb patterns? (Looked up once; only a verb's answer is ever read.) */
      let patterned = isVerb && lex.verbPatterns.has(lemma);
      if ((!isVerb && (pv === POS.NOUN || pv === POS.ADJ || pv === POS.PROPN) && mayBeMistagged(t, v, sent.first)) || (isVerb && !patterned)) {
        // The tagger's lemma missed ("de-escalated") or its tag did ("Chad sheltered refugees").
        const base = isVerb ? lex.verbForms.get(t.lower[v]!) : lex.verbForms.get(t.lower[v]!) ?? (lex.verbPatterns.has(lemma) ? lemma : undefined);
        if (base && (isVerb || mistaggedVerb(t, v, base, sent.first))) {
          lemma = base;
          isVerb = true;
          patterned = lex.verbPatterns.has(lemma);
          lemmaOf.set(v, base);
        }
      }
      if (isVerb && DIRECTIVE_VERBS.has(lemma) && directiveAt < 0 && a.mentionAt[v]! < 0) directiveAt = v;
      // "in the middle of fighting between X and Y": a gerund after a preposition is a noun, not a clause.
      if (isVerb && t.lower[v]!.endsWith('ing') && v > sent.first && (t.pos[v - 1] === POS.ADP || t.pos[v - 1] === POS.DET) && t.lower[v - 1] !== 'by') isVerb = false;
      if (isVerb && v > sent.first && t.pos[v - 1] === POS.VERB && t.lower[v]!.endsWith('s') && !t.lower[v]!.endsWith('ss')) isVerb = false;
      // "lifted its sanctions": after a possessive comes a noun, never a verb.
      if (isVerb && v > sent.first && POSSESSIVES.has(t.lower[v - 1]!) && t.lower[v - 1] !== 'her') isVerb = false;
      // A word inside an actor's name or role ("Russian forces") is no verb.
      const inside = a.mentionAt[v]! >= 0 && mentions[a.mentionAt[v]!]!.kind !== 'unknown' ? mentions[a.mentionAt[v]!]! : null;
      if (isVerb && inside && inside.last > v && t.pos[v] !== POS.VERB) isVerb = false;
      if (isVerb && inside && t.pos[v] === POS.VERB && inside.head === v) isVerb = false;
      if (isVerb && patterned) {
        const vg = verbGroup(t, v, sent.first);
        let modality: Modality = question ? 'question' : vg.modality;
        let negated = vg.negated;
        let mood: Mood = null;
        let willingAt = -1;
        // Infinitives: "threatened to strike" is the threat; "a request to send" is no event.
        let k = vg.first - 1;
        while (k >= sent.first && QUOTE_MARK.test(t.lower[k]!)) k--;
        if (k >= sent.first && t.lower[k] === 'to') {
          let g = k - 1;
          while (g >= sent.first && (t.pos[g] === POS.ADV || QUOTE_MARK.test(t.lower[g]!))) g--;
          const taggedNoun = t.pos[g] === POS.NOUN && INTENT_VERBS.has(t.lemma[g]!) && t.pos[g - 1] !== POS.DET && t.pos[g - 1] !== POS.ADJ;
          if (g >= sent.first && WILLING.has(t.lower[g]!) && t.pos[g] !== POS.NOUN) {
            // "Egypt is willing to withdraw its troops": a stated will to act.
            const gg = verbGroup(t, g, sent.first);
            if (gg.negated) negated = true;
            modality = question ? 'question' : 'future';
            mood = 'intent';
            willingAt = gg.first;
          } else if (g < sent.first || (t.pos[g] !== POS.VERB && !taggedNoun)) {
            say(v, lemma, 'skipped: an infinitive that a noun governs ("a request to ...") is no event');
            continue;
          }
          const gl = t.lemma[g]!;
          if (willingAt >= 0) {
            // handled above
          } else if (lex.verbPatterns.has(gl) && matchPattern(g)) {
            if (a.trace) say(v, lemma, `skipped: governed by "${t.value[g]}", whose own pattern codes the event`);
            continue;
          }
          if (willingAt < 0) {
            if (INTENT_VERBS.has(gl)) modality = 'future';
            else if (REFUSAL_VERBS.has(gl)) negated = true;
            else if (TRY_VERBS.has(gl)) modality = 'hypothetical';
            if (PLEDGE_VERBS.has(gl)) mood = 'intent';
            const gg = verbGroup(t, g, sent.first);
            if (gg.negated) negated = true;
            if (gg.modality !== 'asserted' && modality === 'asserted') modality = gg.modality;
            if (gg.modality === 'future' || (gg.modality === 'hypothetical' && reportedModal(t, gg.first, sent.first, lex.words))) mood = 'intent';
          }
        }
        // "will release", "said it would release": the act is announced, not done; "said Y must withdraw": demanded.
        const modal = modalOf(t, vg.first, v);
        let speaker: number | null = null;
        if (mood === null && !negated && !vg.passive) {
          if (modal === 'will' || modal === "'ll" || modal === 'shall') mood = 'intent';
          else if ((modal === 'would' || modal === "'d") && reportedModal(t, vg.first, sent.first, lex.words)) {
            mood = 'intent';
            if (modality === 'hypothetical') modality = 'future';
          } else if (OBLIGATION.has(modal ?? '')) {
            speaker = speakerOf(a, vg.first, v, s, (j) => subjectOf(ctx, j, verbGroup(t, j, sent.first).first, s));
            if (speaker !== null) mood = 'demand';
          }
        }
        // "demanding the government remove the troops": the demanded act is not an event.
        if (directiveAt >= 0 && directiveAt < v && t.lower[v] === lemma && vg.first === v) {
          let between = false;
          for (const m of sentMentions[s]!) if (mentions[m]!.first > directiveAt && mentions[m]!.last <= v) between = true;
          if (between) {
            if (a.trace) say(v, lemma, `skipped: the content of "${t.value[directiveAt]}" (a demanded act, not an event)`);
            continue;
          }
        }
        /** Patterns already tried for a reciprocal act that found no second side (made on first need). */
        let tried: Set<CompiledPattern> | undefined;
        let found = matchPattern(v);
        if (!found) {
          if (a.trace) say(v, lemma, `no pattern matched (tried ${lex.verbPatterns.get(lemma)!.map((p) => p.id).join(', ')})`);
          continue;
        }
        const subj = subjectOf(ctx, v, willingAt >= 0 ? willingAt : vg.first, s);
        let { pattern: p, end: phraseEnd, between } = found;
        let sources: number[] = [];
        let targets: number[] = [];
        // "passed a resolution that would end X": the measure's content is what was enacted, not a hypothesis.
        if (modality === 'hypothetical' && enactedContent(t, vg.first, sent.first, lex.words)) modality = 'asserted';
        const reduced = vg.passive ? -1 : reducedPassive(t, v, vg.first, phraseEnd, sent.first);
        const passive = vg.passive || reduced >= 0;
        if (passive) {
          // "warplanes supported by Russia": the reduced passive's noun is the one right before it.
          const noun = reduced >= 0 ? a.mentionAt[reduced]! : -1;
          if (noun >= 0) targets = groupOf(ctx, noun);
          else if (subj !== null) targets = groupOf(ctx, subj);
          const endC = clauseEnd(ctx, phraseEnd, s);
          for (let j = phraseEnd; j < endC; j++) {
            if (t.lower[j] !== 'by') continue;
            const by = sentMentions[s]!.find((m) => mentions[m]!.first > j && mentions[m]!.first <= j + 3);
            if (by !== undefined) sources = groupOf(ctx, by);
            break;
          }
        } else {
          if (subj !== null) sources = groupOf(ctx, subj);
          for (;;) {
            targets = [];
            if (p.target !== 'none') {
              // A target preposition that ends the phrase itself ("clash with") is already behind us.
              const rule = p.rest.length && p.rest[p.rest.length - 1] === p.target ? 'object' : p.target;
              const known = between >= 0 && mentions[between]!.kind !== 'unknown';
              const obj = known && rule === 'object' ? between : objectOf(ctx, phraseEnd, s, rule, sources[0] ?? null, p.reciprocal);
              if (obj !== null) targets = groupOf(ctx, obj);
            }
            // "China held drills near Taiwan": a joint act read from its object ("drills") needs a second side.
            if (!p.reciprocal || !p.object || sources.length > 1 || targets.length) break;
            (tried ??= new Set()).add(p);
            found = matchPattern(v, tried);
            if (!found) break;
            ({ pattern: p, end: phraseEnd, between } = found);
          }
        }
        if (mood === 'demand' && speaker !== null) {
          // The speaker demands the act of its subject.
          const who = groupOf(ctx, speaker);
          if (sources.some((m) => who.some((w) => mentions[w]!.entity === mentions[m]!.entity))) mood = null;
          else {
            targets = sources;
            sources = who;
          }
        }
        if (!sources.length && !targets.length) {
          if (a.trace) say(v, lemma, `pattern ${p.id} matched but no actor is its source or target`);
          continue;
        }
        if (a.trace) say(v, lemma, `pattern ${p.id} (${p.ref}) fired: ${passive ? 'passive, ' : ''}${negated ? 'negated, ' : ''}${modality}${mood ? `, ${mood}` : ''}; source ${sources.map((m) => mentions[m]!.code).join('+') || '-'}, target ${targets.map((m) => mentions[m]!.code).join('+') || '-'}`);
        addDrafts(s, p, v, phraseEnd, sources, targets, negated, modality, false, mood);
      } else if (v >= nounCoveredUntil && (t.pos[v] === POS.NOUN || t.pos[v] === POS.PROPN || (t.pos[v] === POS.ADJ && (t.lower[v - 1] === "'s" || t.lower[v - 1] === "'" || t.pos[v - 1] === POS.DET))) && lex.nounPatterns.has(lemma)) {
        codeNoun(s, v, lemma);
      }
    }
    recordOwners(s);
  }

  function matchPattern(v: number, skip?: Set<CompiledPattern>): { pattern: CompiledPattern; end: number; between: number } | null {
    const s = t.sent[v]!;
    const sent = a.sentences[s]!;
    const list = lex.verbPatterns.get(lemmaOf.get(v) ?? t.lemma[v]!);
    if (!list) return null;
    for (const p of list) {
      if (skip?.has(p)) continue;
      const { end, between } = matchRest(t, v, p.rest, sent.last, a.mentionAt, mentionEnd);
      if (end < 0) continue;
      if (!objectOk(t, p, end, sent.last)) continue;
      return { pattern: p, end, between };
    }
    return null;
  }

  function codeNoun(s: number, v: number, lemma: string): void {
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
      let sources = sentMentions[s]!.filter((m) => mentions[m]!.kind !== 'unknown' && mentions[m]!.first < v && mentions[m]!.head >= v && mentions[m]!.head < Math.max(end, v + 1));
      if (sources.length) sources = groupOf(ctx, sources[sources.length - 1]!);
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
        const cand = near.find((m) => mentions[m]!.kind !== 'unknown') ?? near[0];
        if (cand !== undefined) target = cand;
        if (rule && rule !== 'object') target = objectOf(ctx, end, s, rule, sources[0] ?? null);
      }
      if (!sources.length) {
        for (let j = end; j < Math.min(sent.last, end + 6); j++) {
          if (t.lower[j] !== 'by') continue;
          const by = sentMentions[s]!.find((m) => mentions[m]!.first > j && mentions[m]!.first <= j + 3);
          if (by !== undefined) sources = groupOf(ctx, by);
          break;
        }
      }
      if (!sources.length) {
        // "Vietnam held a meeting with Laos": the noun's actor is the subject of the verb before it.
        let k = v - 1;
        while (k > sent.first && (SKIPPABLE.has(t.pos[k]!) || t.pos[k] === POS.NOUN || t.lower[k] === '-')) k--;
        // "carried out attacks", "stepped up raids": the particle belongs to the verb.
        if ((t.lower[k] === 'out' || t.lower[k] === 'up') && k > sent.first && t.pos[k - 1] === POS.VERB) k--;
        if (t.pos[k] === POS.VERB && LIGHT_VERBS.has(t.lemma[k]!)) {
          const subj = subjectOf(ctx, k, verbGroup(t, k, sent.first).first, s);
          if (subj !== null) sources = groupOf(ctx, subj);
        }
      }
      const targets = target === null ? [] : groupOf(ctx, target);
      if (a.trace) a.trace.push(`  noun "${t.value[v]}": pattern ${p.id} ${sources.length || targets.length ? 'fired' : 'matched but found no actor'}`);
      if (!sources.length && !targets.length) return;
      const negated = t.lower[v - 1] === 'no';
      nounCoveredUntil = end;
      addDrafts(s, p, v, end, sources, targets, negated, isQuestion(a, s) ? 'question' : 'asserted', true);
      return;
    }
  }

  function addDrafts(s: number, p: CompiledPattern, v: number, end: number, sources: number[], targets: number[], negated: boolean, modality: Modality, nominal: boolean, mood: Mood = null): void {
    if (p.reciprocal && sources.length >= 2 && !targets.length) {
      // "Egypt and Greece signed a deal": each side is the other's partner.
      for (const x of sources.slice(0, 4)) for (const y of sources.slice(0, 4)) {
        if (x !== y && mentions[x]!.entity !== mentions[y]!.entity) drafts.push({ sentence: s, pattern: p, verbFirst: v, verbLast: p.kind === 'verb' && p.rest.length ? end : v + 1, source: x, target: y, negated, modality, nominal, mood });
      }
      return;
    }
    const src: Array<number | null> = sources.length ? sources.slice(0, 4) : [null];
    const tgt: Array<number | null> = targets.length ? targets.slice(0, 4) : [null];
    const verbLast = p.kind === 'verb' && p.rest.length ? end : v + 1;
    for (const x of src) for (const y of tgt) {
      if (x !== null && y !== null && mentions[x]!.entity === mentions[y]!.entity) continue;
      drafts.push({ sentence: s, pattern: p, verbFirst: v, verbLast, source: x, target: y, negated, modality, nominal, mood });
      // "A met B": each side of a reciprocal act is also its source ("A and B met" codes both ways too).
      if (p.reciprocal && x !== null && y !== null) drafts.push({ sentence: s, pattern: p, verbFirst: v, verbLast, source: y, target: x, negated, modality, nominal, mood });
    }
  }

  finishEvents(a, drafts);
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
