/**
 * Closed-class English: the small, fixed sets of function words, calendar words and marks that the tagger and the
 * stages read, written once. Where two rules want a different set, the difference is a named set here, built from
 * the shared one, so that the sets cannot drift apart unseen. Domain word lists (speech verbs, owned nouns, ...)
 * are knowledge, not grammar: they live in data/words/ and are read from the lexicon.
 */

const set = (...lists: (readonly string[])[]): ReadonlySet<string> => new Set(lists.flat());

// Calendar words.
/** Month names, January first (index + 1 is the month's number). */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** Weekday names, Sunday first (the index is the day's number, as in `Date.getUTCDay()`). */
export const WEEKDAY_NAMES: readonly string[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Words for a day or a span of time ("on Monday", "last week"); "may" is left out, being a modal far more often. */
export const DAY_WORDS = set(
  WEEKDAY_NAMES,
  MONTH_NAMES.filter((m) => m !== 'may'),
  ['today', 'yesterday', 'tomorrow', 'tonight', 'week', 'month', 'year', 'morning', 'evening', 'night', 'afternoon', 'weekend'],
);

/** Heads of time expressions, which stand before a verb without being its subject ("Acme this month announced"). */
export const TIME_HEADS = set(
  ['today', 'yesterday', 'tonight', 'week', 'month', 'year', 'day', 'morning', 'afternoon', 'evening', 'night', 'weekend'],
  WEEKDAY_NAMES,
  MONTH_NAMES,
  ['spring', 'summer', 'fall', 'autumn', 'winter', 'time'],
);

// Pronouns and determiners.
const ACTOR_POSSESSIVE_WORDS = ['his', 'her', 'its', 'their', 'our'];
/** Possessive determiners that can stand for an actor of the news: not the speaker's or hearer's "my", "your". */
export const ACTOR_POSSESSIVES = set(ACTOR_POSSESSIVE_WORDS);
/** Every possessive determiner. */
export const POSSESSIVE_DETERMINERS = set(ACTOR_POSSESSIVE_WORDS, ['my', 'your']);
/** Possessive words after which an owned thing follows, a noun and never a verb: "its own", "their demand". */
export const POSSESSIVES_OR_OWN = set(ACTOR_POSSESSIVE_WORDS, ['own']);
const PERSONAL_SUBJECTS = ['i', 'we', 'you', 'they', 'he', 'she', 'it'];
/** Personal pronouns that stand as a clause's subject and can speak ("they said"). */
export const PERSONAL_SUBJECT_PRONOUNS = set(PERSONAL_SUBJECTS);
/** Subject pronouns and "who", after which a noun-or-verb form is a verb ("they said", "who said"). */
export const SUBJECT_PRONOUNS = set(PERSONAL_SUBJECTS, ['who']);
/** Quantifiers that stand alone as a noun phrase and can be a subject ("many said", "nobody knows"). */
export const QUANTIFIER_PRONOUNS = set([
  'all',
  'some',
  'many',
  'most',
  'others',
  'few',
  'none',
  'both',
  'each',
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'anyone',
  'nobody',
  'several',
]);
/** Personal pronouns that stand for one person ("he", "her"), not for a group or a thing. */
export const PERSON_PRONOUNS = set(['he', 'she', 'him', 'her']);
/** Words that a clitic "'s" after them makes "is" or "has" ("it's", "there's", "let's"). */
export const CONTRACTING = set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'here', 'where', 'how', 'let']);
const RELATIVE_PRONOUNS = ['that', 'which', 'who', 'whom'];
/** Relative pronouns that open a clause about the noun before them (no "whose", "where", "when"). */
export const RELATIVIZERS = set(RELATIVE_PRONOUNS);
/** Relative words that open a clause of their own ("the town where", "the man whose"). */
export const RELATIVE_WORDS = set(RELATIVE_PRONOUNS, ['whose', 'where']);
/** Words that open a relative clause, "when" too ("the camp who", "the plan which", "the day when"). */
export const WH_WORDS = set(RELATIVE_PRONOUNS, ['whose', 'where', 'when']);
/** Relative words that can be or own the subject of their clause ("X, who said"); not the object "whom". */
export const SUBJECT_RELATIVES = set(['who', 'which', 'that', 'whose']);
/** Quantifiers and determiners of amount that open a noun phrase ("many", "several", "no"). */
export const QUANTIFIERS = set([
  'many',
  'more',
  'most',
  'few',
  'fewer',
  'several',
  'other',
  'such',
  'much',
  'less',
  'least',
  'numerous',
  'various',
  'certain',
  'additional',
  'further',
  'some',
  'all',
  'both',
  'each',
  'every',
  'no',
]);

// Auxiliaries, modals and negation.
/** Modal auxiliaries. */
export const MODAL_AUX = set(['will', 'would', 'can', 'could', 'shall', 'should', 'might', 'must']);
/**
 * Words after which a noun-or-verb form is a verb: "to", modals (with their clitics "'ll", "'d", "wo", "ca"),
 * do-support and negation. Lower-case forms, apostrophes straight.
 */
export const VERB_OPENERS = set([
  'to',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  "'ll",
  "'d",
  'wo',
  'ca',
  'did',
  'do',
  'does',
  "n't",
  'not',
]);
/** Base forms of the auxiliaries. */
export const BASE_AUX = set(['be', 'have', 'do']);
/** Modals that make a verb's act future. */
export const FUTURE_MODALS = set(['will', "'ll", 'shall']);
/** Modals that make a verb's act hypothetical ("ca" is "can" in "can't"). */
export const HYPOTHETICAL_MODALS = set(['would', "'d", 'could', 'might', 'may', 'should', 'must', 'can', 'ca']);
/** Modals of obligation that, in someone's statement, make a demand. */
export const OBLIGATION_MODALS = set(['must']);
/** Words that negate a verb. */
export const NEGATORS = set(['not', "n't", 'never', 'no']);

/** Words before a month name that make it a date ("in May", "last March"), and before a year (all but "last", "this", "next"). */
const TIME_PREPOSITIONS = ['in', 'during', 'since', 'until', 'till', 'by', 'of', 'from', 'through', 'before', 'after'];
export const YEAR_LEAD = set(TIME_PREPOSITIONS);
export const MONTH_LEAD = set(TIME_PREPOSITIONS, ['last', 'this', 'next']);
/** Words before a date that make it approximate ("early March", "mid-2019"). */
export const DATE_SOFTENERS = set(['early', 'late', 'mid', 'mid-', 'earlier', 'later']);

// Prepositions and conjunctions.
const PLACING = ['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'around', 'within'];
const DIRECTION = ['into', 'towards', 'toward'];
/** Prepositions that place an event where it happens ("in Baghdad"): not of direction ("into") nor origin ("from"). */
export const PLACING_PREPOSITIONS = set(PLACING);
/** Prepositions of place or direction ("in Baghdad", "into Syria"). */
export const LOCATIVE_PREPOSITIONS = set(PLACING, DIRECTION);
/** Prepositions an event's place or setting follows ("a ceasefire in Sudan", "talks despite ..."). */
export const EVENT_SETTING_PREPOSITIONS = set(PLACING, DIRECTION, ['over', 'along', 'beside', 'despite']);
/** Particles and prepositions that a pattern's words after its verb may hold ("call for", "back down"). */
export const PATTERN_PREPOSITIONS = set([
  'for',
  'to',
  'on',
  'with',
  'about',
  'of',
  'from',
  'against',
  'in',
  'into',
  'at',
  'over',
  'off',
  'down',
  'up',
  'out',
  'back',
  'away',
]);
const SUBORDINATING = ['after', 'before', 'since', 'until', 'because', 'while', 'when', 'though', 'although', 'if', 'unless', 'whereas'];
/** Subordinating conjunctions that open an adverbial clause ("after talks failed", "because they refused"). */
export const SUBORDINATORS = set(SUBORDINATING, ['as', 'once']);
/** Subordinators that split a sentence into clauses for time and place (not "as", too often a preposition). */
export const CLAUSE_SUBORDINATORS = set(SUBORDINATING, ['once']);
/** Words after a comma that open a new clause, and so end an object's search ("..., but", "..., as"). */
export const CLAUSE_OPENERS = set(SUBORDINATING, ['as', 'but']);
/** Words (and the comma) before which an -ing verb opens an adverbial clause ("after storming the base"). */
export const PARTICIPLE_OPENERS = set([',', 'after', 'before', 'while', 'when', 'since', 'by', 'without', 'despite', 'upon', 'on']);
/** Participles that work as prepositions, never as a clause's verb. */
export const PREPOSITIONAL_PARTICIPLES = set([
  'following',
  'including',
  'regarding',
  'concerning',
  'according',
  'excluding',
  'given',
  'during',
  'pending',
  'considering',
]);

// Marks.
/** Any one-character quotation mark: straight, curly, single and double, and guillemets. */
export const QUOTE_MARK = /^["“”'‘’«»]$/;
/** A double quotation mark, straight or curly, or its two-character ASCII form ('' or ``). */
export const DOUBLE_QUOTE_MARK = /^["“”]$|^''$|^``$/;
