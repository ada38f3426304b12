import type { Analysis, Mention } from '../analysis.js';
import { POS } from '../language/tokens.js';

/** "the leader of Iran", "the secretary-general of the United Nations": a role word takes the country after "of". */
export function joinOfPhrases(a: Analysis, ids: number[]): void {
  const t = a.tokens;
  byFirst(a, ids);
  for (let k = 0; k + 1 < ids.length; k++) {
    const m = a.mentions[ids[k]!]!;
    const n = a.mentions[ids[k + 1]!]!;
    if (!m.inferred || m.kind !== 'group' || t.lower[m.last] !== 'of') continue;
    let j = m.last + 1;
    while (j < n.first && t.pos[j] === POS.DET) j++;
    if (j !== n.first || (!n.country && !n.code)) continue;
    m.country = n.country;
    m.code = n.code && !/^[A-Z]{3}$/.test(n.code) && !a.lexicon.countries.has(n.code.slice(0, 3)) ? n.code : `${n.country ?? ''}${m.sector ?? ''}`;
    m.inferred = false;
    m.last = n.last;
    m.end = n.end;
    m.refs = [...m.refs, ...n.refs];
    const ent = a.entities[m.entity]!;
    if (ent.mentions.length === 1) Object.assign(ent, { code: m.code, country: m.country });
    n.strong = false;
    for (let x = n.first; x < n.last; x++) if (a.mentionAt[x] === ids[k + 1]) a.mentionAt[x] = ids[k]!;
    ids.splice(k + 1, 1);
  }
}

/** Mentions joined by "and", "or" or commas form one group; a bare nationality borrows the role word after it. */
export function coordinate(a: Analysis, ids: number[], rekey: (idx: number) => void): void {
  const t = a.tokens;
  byFirst(a, ids);
  for (let k = 0; k + 1 < ids.length; k++) {
    const m = a.mentions[ids[k]!]!;
    const n = a.mentions[ids[k + 1]!]!;
    let j = m.last;
    let sawJoin = false;
    while (j < n.first && JOINERS.has(t.lower[j]!)) {
      if (t.lower[j] === 'and' || t.lower[j] === 'or' || t.lower[j] === 'nor') sawJoin = true;
      j++;
    }
    if (j !== n.first || j === m.last) continue;
    // "Russia attacked Ukraine and Belarus condemned it": after a verb, "and" + a subject + its verb is a new clause.
    if (sawJoin && startsClause(a, n, m.first)) continue;
    if (!sawJoin) {
      // A comma alone joins only inside a list that ends with "and".
      let e = n.last;
      while (e < t.n && t.lower[e] !== 'and' && t.lower[e] !== 'or' && t.pos[e] !== POS.VERB && e - n.last < 6) e++;
      if (t.lower[e] !== 'and' && t.lower[e] !== 'or') continue;
    }
    if (m.adjective) {
      if (n.sector && n.kind === 'group' && !n.inferred) {
        // "American and Iranian troops": the first nationality borrows "troops".
        m.sector = n.sector;
        m.code = `${m.country}${n.sector}`;
        m.kind = 'group';
        m.strong = n.strong;
        m.head = n.head;
        m.end = n.end;
        m.last = n.last;
        rekey(ids[k]!);
      } else if (!n.strong) {
        // "both the Iranian and U.S. strikes": both modify "strikes".
        m.strong = false;
        m.head = n.head;
      }
    }
    n.group = m.group;
  }
}

const JOINERS = new Set(['and', 'or', 'nor', ',', 'both', 'either', 'neither', 'the']);

/** Is mention n followed by a verb of its own while a verb already stands before `from` in the sentence? */
function startsClause(a: Analysis, n: Mention, from: number): boolean {
  const t = a.tokens;
  let e = n.last;
  while (e < t.n && t.pos[e] === POS.ADV) e++;
  if (e >= t.n || t.sent[e] !== t.sent[n.first] || (t.pos[e] !== POS.VERB && t.pos[e] !== POS.AUX)) return false;
  const sentFirst = a.sentences[t.sent[n.first]!]!.first;
  for (let k = from - 1; k >= sentFirst; k--) if (t.pos[k] === POS.VERB || t.pos[k] === POS.AUX) return true;
  return false;
}

/** Order mention ids by first token; most sentences list them in order already, and then nothing is sorted (or allocated). */
function byFirst(a: Analysis, ids: number[]): void {
  const m = a.mentions;
  for (let k = 1; k < ids.length; k++) {
    if (m[ids[k - 1]!]!.first > m[ids[k]!]!.first) {
      ids.sort((x, y) => m[x]!.first - m[y]!.first);
      return;
    }
  }
}
