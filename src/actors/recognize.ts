import type { Analysis, Mention } from '../analysis.js';
import { POS, type Tokens } from '../language/tokens.js';
import type { ActorEntry, Lexicon } from '../lexicon/lexicon.js';
import type { PersonRow } from '../lexicon/types.js';
import { matchActors, type Piece } from './match.js';
import { newPath } from '../lexicon/trie.js';
import { personCode } from './roles.js';
import { lastWord, sameNameSpelling } from './resolve-names.js';
import { DAY_WORDS, WEEKDAY_NAMES } from '../language/closed-class.js';
import { chunksOf, gluedHyphen, keyOf, nameOf } from './chunks.js';
import { countryAfterIn, findMainCountry, recentCountry } from './context.js';
import { coordinate, joinOfPhrases } from './grouping.js';
import { mentionGender } from './gender.js';
import { NO_REFS, entityId, newMention, type Base } from './mention.js';
import { resolvePronouns } from './pronouns.js';

const NO_KEYS: Set<string> = new Set();
const NOT_NAMES = new Set(['the', 'a', 'an', 'on', 'in', 'said', 'says', 'and', 'but', ...WEEKDAY_NAMES]);

interface Composition {
  country: string | null;
  sector: string | null;
  orgCode: string | null;
  person: PersonRow | null;
  personName: string | null;
  localEntity: number;
  agentCountry: string | null;
  title: string | null;
  refs: string[];
  /** The kinds of dictionary entry in the phrase, as bits of KIND_BIT. */
  kinds: number;
  hasName: boolean;
  /** The last words were a title that can stand before a name ("Prime Minister"). */
  titled: boolean;
}

const KIND_BIT: Record<ActorEntry['kind'], number> = { person: 1, org: 2, country: 4, capital: 8, demonym: 16, agent: 32 };

const newComp = (): Composition => ({
  country: null,
  sector: null,
  orgCode: null,
  person: null,
  personName: null,
  localEntity: -1,
  agentCountry: null,
  title: null,
  refs: NO_REFS,
  kinds: 0,
  hasName: false,
  titled: false,
});

function addPiece(c: Composition, p: Piece, t: Tokens): void {
  const e = p.entry;
  c.kinds |= KIND_BIT[e.kind];
  if (c.refs === NO_REFS) c.refs = [];
  c.refs.push(e.ref);
  c.titled = e.kind === 'agent' && e.title;
  switch (e.kind) {
    case 'person':
      c.person = e.person;
      c.hasName = true;
      break;
    case 'org':
      c.orgCode = e.code;
      if (e.country && !c.country) c.country = e.country;
      c.sector = e.sector;
      break;
    case 'country':
    case 'demonym':
      if (!c.country) c.country = e.country;
      break;
    case 'capital':
      if (!c.country) c.country = e.country;
      c.sector ??= 'GOV';
      break;
    case 'agent': {
      c.sector = e.sector;
      if (e.country) c.agentCountry = e.country;
      const words: string[] = [];
      for (let j = p.first; j < p.last; j++) words.push(t.lower[j]!);
      c.title = words.join(' ');
      break;
    }
  }
}

/** What the steps of actor recognition share for one document: the dictionary pieces and the entity indexes built so far. */
interface ActorContext {
  a: Analysis;
  t: Tokens;
  lex: Lexicon;
  /** For each token, the index in pieceList of the dictionary piece covering it, or -1. */
  pieceAt: Int32Array;
  pieceList: Piece[];
  entityByKey: Map<string, number>;
  /** The latest person entity with each title ("the prime minister" -> Prime Minister X). */
  personByTitle: Map<string, number>;
  /** Surnames of the people met so far in the article, for spelling variants. */
  surnamesSeen: Map<string, number>;
  /** The next coordination group number. */
  group: number;
  /** The possessive-split pieces of the chunk being read, as [first, last) pairs in the first slots (reused, never shortened). */
  segBounds: number[];
}

/** What reading one possessive-free segment of a chunk found: its composition and where its actor words and name lie. */
interface SegmentReading {
  comp: Composition;
  firstActorTok: number;
  lastActorTok: number;
  nameFirst: number;
  nameLast: number;
}

/** Find the actors of every sentence, compose noun phrases into coded mentions, link them into entities. */
export function recognizeActors(a: Analysis): void {
  const t = a.tokens;
  const lex = a.lexicon;
  a.mentionAt = new Int32Array(t.n).fill(-1);
  const path = newPath();
  const allPieces: Piece[][] = a.sentences.map((s) => matchActors(lex.actors, t, s.first, s.last, path));
  a.mainCountry = findMainCountry(a, allPieces);
  const pieceAt = new Int32Array(t.n).fill(-1);
  const pieceList: Piece[] = [];
  for (const pieces of allPieces)
    for (const p of pieces) {
      const k = pieceList.push(p) - 1;
      for (let j = p.first; j < p.last; j++) pieceAt[j] = k;
    }
  const ctx: ActorContext = {
    a,
    t,
    lex,
    pieceAt,
    pieceList,
    entityByKey: new Map(),
    personByTitle: new Map(),
    surnamesSeen: new Map(),
    group: 0,
    segBounds: [],
  };
  for (let s = 0; s < a.sentences.length; s++) {
    const sentenceMentions: number[] = [];
    const sent = a.sentences[s]!;
    for (const chunk of chunksOf(t, sent.first, sent.last, pieceAt, lex.verbForms)) readChunk(ctx, s, chunk, sentenceMentions);
    resolvePronouns(a, s, (m, entity) => sentenceMentions.push(pushMention(ctx, m, '', [], entity)));
    joinOfPhrases(a, sentenceMentions);
    coordinate(a, sentenceMentions, (idx) => rekey(ctx, idx));
  }
}

/** The entity of a new mention: the one its key names, or a new one; its keys and title are recorded. */
function entityFor(ctx: ActorContext, m: Mention, key: string, keys: string[]): number {
  const { entityByKey, personByTitle, surnamesSeen } = ctx;
  const entities = ctx.a.entities;
  let id = entityByKey.get(key);
  if (id === undefined) {
    id = entities.length;
    entities.push({
      id: entityId(id),
      name: m.name,
      code: m.code,
      country: m.country,
      sector: m.sector,
      kind: m.kind,
      title: m.title,
      keys: new Set(keys),
      mentions: [],
    });
    entityByKey.set(key, id);
  }
  const ent = entities[id]!;
  if (m.kind === 'person' && m.name) {
    const last = lastWord(m.name.toLowerCase());
    if (last.length >= 5 && !surnamesSeen.has(last)) surnamesSeen.set(last, id);
  }
  for (const k of keys) {
    ent.keys.add(k);
    if (!entityByKey.has(k)) entityByKey.set(k, id);
  }
  if (m.title && !ent.title) ent.title = m.title;
  if (ent.kind === 'person' && ent.title && (personByTitle.get(ent.title) ?? -1) < id) personByTitle.set(ent.title, id);
  return id;
}

/** A capitalised run no dictionary names: a person met earlier in the article (any spelling), or one the dictionaries know by surname. */
function resolveName(ctx: ActorContext, first: number, last: number): { person: PersonRow | null; entity: number } | null {
  const key = keyOf(ctx.t, first, last);
  if (NOT_NAMES.has(key)) return null;
  const local = ctx.entityByKey.get(`name:${key}`);
  if (local !== undefined) return { person: null, entity: local };
  if (last - first === 1 && key.length >= 5) {
    // Another spelling of a surname met earlier ("Suleimani" / "Soleimani").
    for (const [surname, e] of ctx.surnamesSeen) if (sameNameSpelling(key, surname)) return { person: null, entity: e };
  }
  const candidates = ctx.lex.surnames.get(key);
  if (candidates) {
    const date = ctx.a.date;
    const active =
      candidates.length === 1 ? candidates : candidates.filter((p) => personCode(p, date).sector !== 'ELI' && personCode(p, date).code !== p.country);
    if (active.length === 1) return { person: active[0]!, entity: -1 };
  }
  return null;
}

/** A noun phrase no dictionary knows, kept as an uncoded actor for the event coder's fallback. */
function genericMention(ctx: ActorContext, segFirst: number, segLast: number, possessor: boolean): void {
  const { a, t } = ctx;
  let head = segLast - 1;
  while (head > segFirst && (t.pos[head] === POS.PUNCT || t.lower[head] === '-')) head--;
  if (t.pos[head] !== POS.NOUN && t.pos[head] !== POS.PROPN) return;
  if (DAY_WORDS.has(t.lower[head]!) || a.lexicon.words.notActorHeads.has(t.lower[head]!) || t.pos[head] === POS.NUM) return;
  // "would end", "to end": a verb the tagger called a noun.
  if (head === segFirst && (t.pos[head - 1] === POS.AUX || t.lower[head - 1] === 'to')) return;
  let first = segFirst;
  while (first < head && t.pos[first] === POS.PUNCT) first++;
  const last = head + 1;
  // "(R-Ky.)", "(D-N.Y.)": a US party label after a name, not an actor of its own.
  if (t.lower[first - 1] === '(' && /^[DRI]$/.test(t.value[first]!) && gluedHyphen(t, first + 1)) return;
  const text = a.text.slice(t.start[first]!, t.end[head]!);
  const base: Base = {
    first,
    last,
    start: t.start[first]!,
    end: t.end[head]!,
    strong: !possessor,
    inferred: false,
    head,
    person: null,
    title: null,
    refs: NO_REFS,
    adjective: false,
  };
  // Two or three capitalised names ("Maria Lopez") are a person no dictionary knows: uncoded, but
  // a person for "she said" and for later mentions of the surname.
  let named = last - first >= 2 && last - first <= 4;
  for (let k = first; k < last && named; k++) named = (t.cap[k] === 1 && t.pos[k] === POS.PROPN) || gluedHyphen(t, k);
  if (named && t.sent[first] === t.sent[last - 1]) {
    const key = keyOf(t, first, last);
    const parts = key.split(' ');
    const existing = ctx.entityByKey.get(`name:${key}`);
    pushMention(ctx, newMention(base, null, null, null, text, 'person'), `name:${key}`, [`name:${key}`, `name:${parts[parts.length - 1]}`], existing ?? -1);
    return;
  }
  // Each uncoded phrase is its own entity: no key to merge on, nothing to index.
  const entity = a.entities.length;
  a.entities.push({ id: entityId(entity), name: text, code: null, country: null, sector: null, kind: 'unknown', title: null, keys: NO_KEYS, mentions: [] });
  pushMention(ctx, newMention(base, null, null, null, text, 'unknown'), '', [], entity);
}

/** Move a mention whose code changed to the entity of its new code. */
function rekey(ctx: ActorContext, idx: number): void {
  const { a } = ctx;
  const m = a.mentions[idx]!;
  const old = a.entities[m.entity]!;
  old.mentions = old.mentions.filter((x) => x !== idx);
  m.name = a.text.slice(m.start, m.end);
  m.entity = entityFor(ctx, m, `code:${m.code}`, []);
  a.entities[m.entity]!.mentions.push(idx);
}

/** Add a mention to the document (its entity the one given, or the one its key names) and index its tokens. */
function pushMention(ctx: ActorContext, mention: Mention, key: string, keys: string[], existing = -1): number {
  const { a } = ctx;
  mention.group = ctx.group++;
  mention.entity = existing >= 0 ? existing : entityFor(ctx, mention, key, keys);
  const idx = a.mentions.push(mention) - 1;
  const ent = a.entities[mention.entity]!;
  // A first mention gets a list of its own size (pushing to an empty list reserves room for 17).
  if (ent.mentions.length) ent.mentions.push(idx);
  else ent.mentions = [idx];
  if (mention.kind === 'person' && !ent.gender) ent.gender = mentionGender(ctx.t, mention, ctx.lex.givenNames);
  for (let j = mention.first; j < mention.last; j++) if (a.mentionAt[j]! < 0) a.mentionAt[j] = idx;
  return idx;
}

/**
 * Split a chunk at possessives: "Russia 's missile strikes" -> [Russia] ['s missile strikes]. The pieces go
 * to ctx.segBounds as [first, last) pairs (no object per piece); returns their number.
 */
function splitPossessives(ctx: ActorContext, chunk: { first: number; last: number }): number {
  const { t } = ctx;
  const segs = ctx.segBounds;
  let count = 0;
  let segStart = chunk.first;
  for (let j = chunk.first; j < chunk.last; j++) {
    if (t.lower[j] === "'s" || (t.lower[j] === "'" && j > chunk.first && t.start[j] === t.end[j - 1])) {
      if (j > segStart) {
        segs[2 * count] = segStart;
        segs[2 * count + 1] = j;
        count++;
      }
      segStart = j + 1;
    }
  }
  if (segStart < chunk.last) {
    segs[2 * count] = segStart;
    segs[2 * count + 1] = chunk.last;
    count++;
  }
  return count;
}

/** Read the dictionary pieces and capitalised names of tokens [segFirst, segLast) into a composition. */
function readSegment(ctx: ActorContext, segFirst: number, segLast: number): SegmentReading {
  const { t, pieceAt, pieceList } = ctx;
  const read: SegmentReading = { comp: newComp(), firstActorTok: -1, lastActorTok: -1, nameFirst: -1, nameLast: -1 };
  const comp = read.comp;
  let j = segFirst;
  while (j < segLast) {
    const pieceIndex = pieceAt[j]!;
    if (pieceIndex >= 0 && pieceList[pieceIndex]!.first === j) {
      const p = pieceList[pieceIndex]!;
      if (p.last <= segLast) {
        addPiece(comp, p, t);
        if (read.firstActorTok < 0) read.firstActorTok = j;
        read.lastActorTok = p.last - 1;
        j = p.last;
        continue;
      }
    }
    // A capitalised name after a title or other actor words: "Prime Minister Adel Abdul-Mahdi".
    if (t.cap[j] === 1 && pieceIndex < 0 && (t.pos[j] === POS.PROPN || t.pos[j] === POS.NOUN || t.pos[j] === POS.X || t.pos[j] === POS.ADJ)) {
      let e = j + 1;
      while (e < segLast && pieceAt[e]! < 0 && (t.cap[e] === 1 || gluedHyphen(t, e))) e++;
      const named = resolveName(ctx, j, e);
      const afterTitle = comp.titled && read.lastActorTok === j - 1;
      if (named || afterTitle) {
        if (named?.person) {
          comp.person = named.person;
          comp.kinds |= KIND_BIT.person;
        } else if (named) comp.localEntity = named.entity;
        comp.hasName = true;
        read.nameFirst = j;
        read.nameLast = e;
        if (read.firstActorTok < 0) read.firstActorTok = j;
        read.lastActorTok = e - 1;
        j = e;
        continue;
      }
    }
    j++;
  }
  return read;
}

/** The mentions of one chunk of sentence s, segment by segment; each coded one is added to `sentenceMentions`. */
function readChunk(ctx: ActorContext, s: number, chunk: { first: number; last: number }, sentenceMentions: number[]): void {
  const { t } = ctx;
  const count = splitPossessives(ctx, chunk);
  let carryCountry: string | null = null;
  for (let g = 0; g < count; g++) {
    const segFirst = ctx.segBounds[2 * g]!;
    const segLast = ctx.segBounds[2 * g + 1]!;
    const possessor = g < count - 1;
    const read = readSegment(ctx, segFirst, segLast);
    const { comp, firstActorTok, lastActorTok } = read;
    // "Russia's army", "Iran's foreign minister": the possessor gives the role word its country.
    if (carryCountry && !comp.country && comp.sector && !comp.person && !comp.hasName) comp.country = carryCountry;
    carryCountry = possessor && comp.country && !comp.sector ? comp.country : null;
    if (firstActorTok < 0) {
      genericMention(ctx, segFirst, segLast, possessor);
      continue;
    }
    // Anti-X compounds ("anti-government") name no actor.
    if (t.lower[firstActorTok - 1] === '-' && /^(anti|pro|non|post|pre|ex)$/.test(t.lower[firstActorTok - 2] ?? '')) continue;
    const strong = !possessor && lastActorTok === segLast - 1;
    // A role word used as an adjective with no country ("military agreement") names no actor.
    if (!strong && !possessor && !comp.country && !comp.agentCountry && !comp.orgCode && !comp.person && !comp.hasName && comp.localEntity < 0) {
      let adjectival = false;
      for (let k = firstActorTok; k <= lastActorTok; k++) if (t.pos[k] === POS.ADJ) adjectival = true;
      if (adjectival) continue;
    }
    const headTok = possessor ? chunk.last - 1 : segLast - 1;
    // The mention starts at its first actor word, with a number before it ("two Iraqi bases").
    let first = firstActorTok;
    while (first > segFirst && t.pos[first - 1] === POS.NUM) first--;
    const last = strong ? lastActorTok + 1 : segLast;
    const base: Base = {
      first,
      last,
      start: t.start[first]!,
      end: t.end[last - 1]!,
      strong,
      head: headTok,
      title: comp.title,
      refs: comp.refs,
      inferred: false,
      person: comp.person,
      adjective: comp.kinds === KIND_BIT.demonym,
    };
    const idx = codedMention(ctx, s, read, base, segLast, sentenceMentions);
    if (idx >= 0) sentenceMentions.push(idx);
  }
}

/** A person the dictionaries know: coded by the article's title for them, else as first coded in the article. */
function knownPerson(ctx: ActorContext, comp: Composition, person: PersonRow, base: Base): number {
  let pc = personCode(person, ctx.a.date);
  const entities = ctx.a.entities;
  const known = ctx.entityByKey.get(`person:${person.name}`);
  const titledHere = comp.sector && comp.kinds & KIND_BIT.agent;
  if (titledHere && (pc.sector === 'ELI' || pc.sector === null)) {
    // The article's own title beats a dictionary that says the role had ended (caretakers, late news).
    const c = comp.country ?? person.country;
    pc = { code: `${c}${comp.sector}`, sector: comp.sector };
  } else if (!titledHere && known !== undefined && entities[known]!.code) {
    // Later mentions keep the code the article first gave this person.
    pc = { code: entities[known]!.code!, sector: entities[known]!.sector };
  }
  const country = ctx.lex.countries.has(pc.code.slice(0, 3)) ? pc.code.slice(0, 3) : null;
  return pushMention(ctx, newMention(base, pc.code, country, pc.sector, person.name, 'person'), `person:${person.name}`, [`person:${person.name}`]);
}

/**
 * The coded mention of a segment with actor words: a person met before or known, a named person no dictionary
 * knows, an organisation, or a country or group. Its index, or -1 when the segment names no actor.
 */
function codedMention(ctx: ActorContext, s: number, read: SegmentReading, base: Base, segLast: number, sentenceMentions: number[]): number {
  const { a, t, lex } = ctx;
  const { comp } = read;
  const { first, last } = base;
  if (comp.localEntity >= 0 && !comp.person) {
    const ent = a.entities[comp.localEntity]!;
    return pushMention(ctx, newMention(base, ent.code, ent.country, ent.sector, ent.name, 'person'), '', [], comp.localEntity);
  }
  if (comp.person) return knownPerson(ctx, comp, comp.person, base);
  if (comp.hasName && read.nameFirst >= 0) {
    // Someone no dictionary knows, coded from title and nationality. With no country named,
    // an official speaks for the institution just mentioned ("It said ... said spokesperson X").
    const country = comp.country ?? comp.agentCountry ?? recentCountry(a, s, comp.sector) ?? a.mainCountry;
    const code = country ? `${country}${comp.sector ?? ''}` : comp.sector;
    const name = nameOf(a.text, t, read.nameFirst, read.nameLast);
    const key = keyOf(t, read.nameFirst, read.nameLast);
    const parts = key.split(' ');
    const keys = [`name:${key}`, `name:${parts[parts.length - 1]}`];
    if (parts.length >= 3) keys.push(`name:${parts.slice(1).join(' ')}`);
    return pushMention(ctx, newMention(base, code, country, comp.sector, name, 'person', !comp.country && !comp.agentCountry), `name:${key}`, keys);
  }
  if (comp.orgCode && (!(comp.kinds & KIND_BIT.agent) || comp.orgCode.length > 6 || /^(IGO|IMG|NGO|MNC)/.test(comp.orgCode))) {
    // A named organisation keeps its own code ("Taliban fighters" stay the Taliban).
    const country = comp.country;
    // "Bosnian Muslims", "Iraqi Kurds": a nationality narrows an ethnic or religious group.
    const code = country && (comp.sector === 'ETH' || comp.sector === 'REL') && !comp.orgCode.startsWith(country) ? `${country}${comp.orgCode}` : comp.orgCode;
    return pushMention(ctx, newMention(base, code, country, comp.sector, nameOf(a.text, t, first, last), 'org'), `code:${code}`, []);
  }
  let country = comp.country ?? comp.agentCountry;
  let inferred = false;
  if (!country && comp.sector) {
    // "protesters in Athens", "police in Kabul": the place names the country.
    const placeCountry = countryAfterIn(t, segLast, a.sentences[s]!.last, ctx.pieceList, ctx.pieceAt);
    if (placeCountry) country = placeCountry;
  }
  if (!country && comp.sector) {
    // "The prime minister" after "Prime Minister X": the same person.
    if (comp.title && t.lower[first - 1] !== 'a') {
      const found = ctx.personByTitle.get(comp.title) ?? -1;
      if (found >= 0 && last - first <= 3) {
        const ent = a.entities[found]!;
        return pushMention(ctx, newMention(base, ent.code, ent.country, ent.sector, ent.name, 'person'), '', [], found);
      }
    }
    // Otherwise the country named last in this sentence, then the country the article is about.
    for (let k = sentenceMentions.length - 1; k >= 0 && !country; k--) {
      const prev = a.mentions[sentenceMentions[k]!]!;
      if (prev.country && !prev.inferred && prev.kind !== 'person') country = prev.country;
    }
    country ??= a.mainCountry;
    inferred = true;
  }
  const sector = comp.sector;
  if (!country && !sector) return -1;
  const code = `${country ?? ''}${sector ?? ''}` || null;
  const onlyCountry = !sector;
  const countryName = country ? (lex.countries.get(country)?.name ?? country) : '';
  return pushMention(
    ctx,
    newMention(base, code, country, sector, onlyCountry ? countryName : nameOf(a.text, t, first, last), onlyCountry ? 'country' : 'group', inferred),
    `code:${code}`,
    [],
  );
}
