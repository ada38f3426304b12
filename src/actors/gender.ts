import type { Mention } from '../analysis.js';
import type { Tokens } from '../language/tokens.js';

/** Which of "he" and "she" can refer to a person, when the article or the dictionaries say. */
export type Gender = 'f' | 'm';

const HONORIFIC = new Map<string, Gender>([
  ['mr.', 'm'],
  ['mr', 'm'],
  ['sir', 'm'],
  ['mrs.', 'f'],
  ['mrs', 'f'],
  ['ms.', 'f'],
  ['ms', 'f'],
  ['miss', 'f'],
  ['dame', 'f'],
  ['madam', 'f'],
]);
const FEMALE_TITLE = /(?:woman|women|\bqueen|\bprincess|\bduchess|\bempress|\bfirst lady)\b/;
const MALE_TITLE = /\b(?:king|prince|duke|emperor)\b/;

/** The gender a personal pronoun asks for. */
export const PRONOUN_GENDER = new Map<string, Gender>([
  ['he', 'm'],
  ['him', 'm'],
  ['she', 'f'],
  ['her', 'f'],
]);

/** The gender a person mention shows: an honorific ("Mrs. Clinton"), a gendered title ("spokeswoman"), a first name. */
export function mentionGender(t: Tokens, m: Mention, givenNames: Map<string, Gender>): Gender | null {
  const h = HONORIFIC.get(t.lower[m.first - 1] ?? '') ?? HONORIFIC.get(t.lower[m.first] ?? '');
  if (h) return h;
  if (m.title) {
    if (FEMALE_TITLE.test(m.title)) return 'f';
    if (MALE_TITLE.test(m.title)) return 'm';
  }
  const space = m.name.indexOf(' ');
  if (space < 0) return null;
  return givenNames.get(m.name.slice(0, space).toLowerCase()) ?? null;
}
