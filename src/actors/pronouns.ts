import type { Analysis, Mention } from '../analysis.js';
import { POS } from '../language/tokens.js';
import { PRONOUN_GENDER } from './gender.js';
import { NO_REFS, newMention } from './mention.js';
import { PERSON_PRONOUNS as PERSON_PRON } from '../language/closed-class.js';

/**
 * The pronouns of sentence s: he/she -> the latest person (of a matching gender when it is known); "it" as a
 * subject -> the latest organisation, group or country. Each resolved pronoun is added through `add` as a mention
 * of its antecedent's entity.
 */
export function resolvePronouns(a: Analysis, s: number, add: (m: Mention, entity: number) => void): void {
  const t = a.tokens;
  const sent = a.sentences[s]!;
  const mentions = a.mentions;
  const entities = a.entities;
  for (let j = sent.first; j < sent.last; j++) {
    if (t.pos[j] !== POS.PRON || a.mentionAt[j]! >= 0) continue;
    const word = t.lower[j]!;
    let target = -1;
    const want = PRONOUN_GENDER.get(word);
    if (PERSON_PRON.has(word)) {
      // "she" never refers back to a man the article or the dictionaries know as one, nor "he" to a woman; when
      // only such people are near, a person known to match is looked for further back.
      let skipped = false;
      for (let m = mentions.length - 1; m >= 0; m--) {
        const earlier = mentions[m]!;
        if (earlier.first >= j) continue;
        const far = s - t.sent[earlier.first]!;
        if (earlier.kind === 'person') {
          const g = entities[earlier.entity]!.gender;
          if (g && want && g !== want) skipped = true;
          else if (far <= 4 || g === want) {
            target = m;
            break;
          }
        }
        if (far > (skipped ? 12 : 4)) break;
      }
    } else if (word === 'it' && (t.pos[j + 1] === POS.VERB || t.pos[j + 1] === POS.AUX)) {
      for (let m = mentions.length - 1; m >= 0; m--) {
        const earlier = mentions[m]!;
        if (earlier.first >= j) continue;
        if (s - t.sent[earlier.first]! > 1) break;
        if (earlier.strong && (earlier.kind === 'org' || earlier.kind === 'group' || earlier.kind === 'country')) {
          target = m;
          break;
        }
      }
    }
    if (target < 0) continue;
    const ref = mentions[target]!;
    add(
      newMention(
        {
          first: j,
          last: j + 1,
          start: t.start[j]!,
          end: t.end[j]!,
          strong: true,
          inferred: ref.inferred,
          head: j,
          person: ref.person,
          title: null,
          refs: NO_REFS,
          adjective: false,
        },
        ref.code,
        ref.country,
        ref.sector,
        ref.name,
        'pronoun',
      ),
      ref.entity,
    );
  }
}
