import type { Analysis, Mention } from '../analysis.js';
import { POS, type Tokens } from '../language/tokens.js';
import type { ActorEntry } from '../lexicon/lexicon.js';
import type { PersonRow } from '../lexicon/types.js';
import { matchActors, type Piece } from './match.js';
import { newPath } from '../lexicon/trie.js';
import { personCode } from './roles.js';
import { lastWord, sameNameSpelling } from './resolve-names.js';
import { NOT_ACTOR_HEADS, chunksOf, gluedHyphen, keyOf, nameOf } from './chunks.js';
import { countryAfterIn, findMainCountry, recentCountry } from './context.js';
import { coordinate, joinOfPhrases } from './grouping.js';
import { mentionGender } from './gender.js';
import { NO_REFS, entityId, newMention, type Base } from './mention.js';
import { resolvePronouns } from './pronouns.js';

const NO_KEYS: Set<string> = new Set();
const NOT_NAMES = new Set(['the', 'a', 'an', 'on', 'in', 'said', 'says', 'and', 'but', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

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
  country: null, sector: null, orgCode: null, person: null, personName: null, localEntity: -1,
  agentCountry: null, title: null, refs: NO_REFS, kinds: 0, hasName: false, titled: false,
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
  for (const ps of allPieces)
    for (const p of ps) {
      const k = pieceList.push(p) - 1;
      for (let j = p.first; j < p.last; j++) pieceAt[j] = k;
    }
  const entityByKey = new Map<string, number>();
  /** The latest person entity with each title ("the prime minister" -> Prime Minister X). */
  const personByTitle = new Map<string, number>();
  /** Surnames of the people met so far in the article, for spelling variants. */
  const surnamesSeen = new Map<string, number>();
  const mentions = a.mentions;
  const mentionAt = a.mentionAt;
  const entities = a.entities;

  const entityFor = (m: Mention, key: string, keys: string[]): number => {
    let id = entityByKey.get(key);
    if (id === undefined) {
      id = entities.length;
      entities.push({
        id: entityId(id), name: m.name, code: m.code, country: m.country, sector: m.sector, kind: m.kind,
        title: m.title, keys: new Set(keys), mentions: [],
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
  };

  /** A capitalised run no dictionary names: a person met earlier in the article (any spelling), or one the dictionaries know by surname. */
  const resolveName = (first: number, last: number): { person: PersonRow | null; entity: number } | null => {
    const key = keyOf(t, first, last);
    if (NOT_NAMES.has(key)) return null;
    const local = entityByKey.get(`name:${key}`);
    if (local !== undefined) return { person: null, entity: local };
    if (last - first === 1 && key.length >= 5) {
      // Another spelling of a surname met earlier ("Suleimani" / "Soleimani").
      for (const [surname, e] of surnamesSeen) if (sameNameSpelling(key, surname)) return { person: null, entity: e };
    }
    const cands = lex.surnames.get(key);
    if (cands) {
      const active = cands.length === 1 ? cands : cands.filter((p) => personCode(p, a.date).sector !== 'ELI' && personCode(p, a.date).code !== p.country);
      if (active.length === 1) return { person: active[0]!, entity: -1 };
    }
    return null;
  };

  let group = 0;
  /** A noun phrase no dictionary knows, kept as an uncoded actor for the event coder's fallback. */
  const genericMention = (segFirst: number, segLast: number, possessor: boolean): void => {
    let head = segLast - 1;
    while (head > segFirst && (t.pos[head] === POS.PUNCT || t.lower[head] === '-')) head--;
    if (t.pos[head] !== POS.NOUN && t.pos[head] !== POS.PROPN) return;
    if (NOT_ACTOR_HEADS.has(t.lower[head]!) || t.pos[head] === POS.NUM) return;
    // "would end", "to end": a verb the tagger called a noun.
    if (head === segFirst && (t.pos[head - 1] === POS.AUX || t.lower[head - 1] === 'to')) return;
    let first = segFirst;
    while (first < head && t.pos[first] === POS.PUNCT) first++;
    const last = head + 1;
    // "(R-Ky.)", "(D-N.Y.)": a US party label after a name, not an actor of its own.
    if (t.lower[first - 1] === '(' && /^[DRI]$/.test(t.value[first]!) && gluedHyphen(t, first + 1)) return;
    const text = a.text.slice(t.start[first]!, t.end[head]!);
    // Two or three capitalised names ("Maria Lopez") are a person no dictionary knows: uncoded, but
    // a person for "she said" and for later mentions of the surname.
    let named = last - first >= 2 && last - first <= 4;
    for (let k = first; k < last && named; k++) named = (t.cap[k] === 1 && t.pos[k] === POS.PROPN) || gluedHyphen(t, k);
    if (named && a.tokens.sent[first] === a.tokens.sent[last - 1]) {
      const key = keyOf(t, first, last);
      const parts = key.split(' ');
      const existing = entityByKey.get(`name:${key}`);
      pushMention(
        newMention(
          { first, last, start: t.start[first]!, end: t.end[head]!, strong: !possessor, inferred: false, head, person: null, title: null, refs: NO_REFS, adjective: false },
          null, null, null, text, 'person',
        ),
        `name:${key}`,
        [`name:${key}`, `name:${parts[parts.length - 1]}`],
        existing ?? -1,
      );
      return;
    }
    // Each uncoded phrase is its own entity: no key to merge on, nothing to index.
    const entity = entities.length;
    entities.push({ id: entityId(entity), name: text, code: null, country: null, sector: null, kind: 'unknown', title: null, keys: NO_KEYS, mentions: [] });
    pushMention(
      newMention(
        { first, last, start: t.start[first]!, end: t.end[head]!, strong: !possessor, inferred: false, head, person: null, title: null, refs: NO_REFS, adjective: false },
        null, null, null, text, 'unknown',
      ),
      '',
      [],
      entity,
    );
  };
  /** Move a mention whose code changed to the entity of its new code. */
  const rekey = (idx: number): void => {
    const m = mentions[idx]!;
    const old = entities[m.entity]!;
    old.mentions = old.mentions.filter((x) => x !== idx);
    m.name = a.text.slice(m.start, m.end);
    m.entity = entityFor(m, `code:${m.code}`, []);
    entities[m.entity]!.mentions.push(idx);
  };
  const pushMention = (mm: Mention, key: string, keys: string[], existing = -1): number => {
    mm.group = group++;
    mm.entity = existing >= 0 ? existing : entityFor(mm, key, keys);
    const idx = mentions.push(mm) - 1;
    const ent = entities[mm.entity]!;
    // A first mention gets a list of its own size (pushing to an empty list reserves room for 17).
    if (ent.mentions.length) ent.mentions.push(idx);
    else ent.mentions = [idx];
    if (mm.kind === 'person' && !ent.gender) ent.gender = mentionGender(t, mm, lex.givenNames);
    for (let j = mm.first; j < mm.last; j++) if (mentionAt[j]! < 0) mentionAt[j] = idx;
    return idx;
  };

  /** The possessive-split pieces of the chunk being read, as [first, last) pairs in the first slots (reused, never shortened). */
  const segBounds: number[] = [];
  for (let s = 0; s < a.sentences.length; s++) {
    const sent = a.sentences[s]!;
    const chunks = chunksOf(t, sent.first, sent.last, pieceAt, lex.verbForms);
    const sentenceMentions: number[] = [];
    for (const ch of chunks) {
      // Split the chunk at possessives: "Russia 's missile strikes" -> [Russia] ['s missile strikes].
      // The pieces go to a reused flat list of [first, last) pairs: no object per piece.
      const segs = segBounds;
      let nSegs = 0;
      let s0 = ch.first;
      for (let j = ch.first; j < ch.last; j++) {
        if (t.lower[j] === "'s" || (t.lower[j] === "'" && j > ch.first && t.start[j] === t.end[j - 1])) {
          if (j > s0) {
            segs[2 * nSegs] = s0;
            segs[2 * nSegs + 1] = j;
            nSegs++;
          }
          s0 = j + 1;
        }
      }
      if (s0 < ch.last) {
        segs[2 * nSegs] = s0;
        segs[2 * nSegs + 1] = ch.last;
        nSegs++;
      }
      let carryCountry: string | null = null;
      for (let g = 0; g < nSegs; g++) {
        const segFirst = segs[2 * g]!;
        const segLast = segs[2 * g + 1]!;
        const possessor = g < nSegs - 1;
        const comp = newComp();
        let lastActorTok = -1;
        let firstActorTok = -1;
        let j = segFirst;
        let nameFirst = -1;
        let nameLast = -1;
        while (j < segLast) {
          const pk = pieceAt[j]!;
          if (pk >= 0 && pieceList[pk]!.first === j) {
            const p = pieceList[pk]!;
            if (p.last <= segLast) {
              addPiece(comp, p, t);
              if (firstActorTok < 0) firstActorTok = j;
              lastActorTok = p.last - 1;
              j = p.last;
              continue;
            }
          }
          // A capitalised name after a title or other actor words: "Prime Minister Adel Abdul-Mahdi".
          if (t.cap[j] === 1 && pk < 0 && (t.pos[j] === POS.PROPN || t.pos[j] === POS.NOUN || t.pos[j] === POS.X || t.pos[j] === POS.ADJ)) {
            let e = j + 1;
            while (e < segLast && pieceAt[e]! < 0 && (t.cap[e] === 1 || gluedHyphen(t, e))) e++;
            const named = resolveName(j, e);
            const afterTitle = comp.titled && lastActorTok === j - 1;
            if (named || afterTitle) {
              if (named?.person) {
                comp.person = named.person;
                comp.kinds |= KIND_BIT.person;
              } else if (named) comp.localEntity = named.entity;
              comp.hasName = true;
              nameFirst = j;
              nameLast = e;
              if (firstActorTok < 0) firstActorTok = j;
              lastActorTok = e - 1;
              j = e;
              continue;
            }
          }
          j++;
        }
        // "Russia's army", "Iran's foreign minister": the possessor gives the role word its country.
        if (carryCountry && !comp.country && comp.sector && !comp.person && !comp.hasName) comp.country = carryCountry;
        carryCountry = possessor && comp.country && !comp.sector ? comp.country : null;
        if (firstActorTok < 0) {
          genericMention(segFirst, segLast, possessor);
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
        const headTok = possessor ? ch.last - 1 : segLast - 1;
        // The mention starts at its first actor word, with a number before it ("two Iraqi bases").
        let first = firstActorTok;
        while (first > segFirst && t.pos[first - 1] === POS.NUM) first--;
        const last = strong ? lastActorTok + 1 : segLast;
        const base: Base = {
          first, last, start: t.start[first]!, end: t.end[last - 1]!, strong, head: headTok, title: comp.title,
          refs: comp.refs, inferred: false, person: comp.person,
          adjective: comp.kinds === KIND_BIT.demonym,
        };
        let idx: number;
        if (comp.localEntity >= 0 && !comp.person) {
          const ent = entities[comp.localEntity]!;
          idx = pushMention(newMention(base, ent.code, ent.country, ent.sector, ent.name, 'person'), '', [], comp.localEntity);
        } else if (comp.person) {
          let pc = personCode(comp.person, a.date);
          const known = entityByKey.get(`person:${comp.person.name}`);
          const titledHere = comp.sector && comp.kinds & KIND_BIT.agent;
          if (titledHere && (pc.sector === 'ELI' || pc.sector === null)) {
            // The article's own title beats a dictionary that says the role had ended (caretakers, late news).
            const c = comp.country ?? comp.person.country;
            pc = { code: `${c}${comp.sector}`, sector: comp.sector };
          } else if (!titledHere && known !== undefined && entities[known]!.code) {
            // Later mentions keep the code the article first gave this person.
            pc = { code: entities[known]!.code!, sector: entities[known]!.sector };
          }
          const country = lex.countries.has(pc.code.slice(0, 3)) ? pc.code.slice(0, 3) : null;
          idx = pushMention(
            newMention(base, pc.code, country, pc.sector, comp.person.name, 'person'),
            `person:${comp.person.name}`,
            [`person:${comp.person.name}`],
          );
        } else if (comp.hasName && nameFirst >= 0) {
          // Someone no dictionary knows, coded from title and nationality. With no country named,
          // an official speaks for the institution just mentioned ("It said ... said spokesperson X").
          const country = comp.country ?? comp.agentCountry ?? recentCountry(a, s, comp.sector) ?? a.mainCountry;
          const code = country ? `${country}${comp.sector ?? ''}` : comp.sector;
          const name = nameOf(a.text, t, nameFirst, nameLast);
          const key = keyOf(t, nameFirst, nameLast);
          const parts = key.split(' ');
          const keys = [`name:${key}`, `name:${parts[parts.length - 1]}`];
          if (parts.length >= 3) keys.push(`name:${parts.slice(1).join(' ')}`);
          idx = pushMention(
            newMention(base, code, country, comp.sector, name, 'person', !comp.country && !comp.agentCountry),
            `name:${key}`,
            keys,
          );
        } else if (comp.orgCode && (!(comp.kinds & KIND_BIT.agent) || comp.orgCode.length > 6 || /^(IGO|IMG|NGO|MNC)/.test(comp.orgCode))) {
          // A named organisation keeps its own code ("Taliban fighters" stay the Taliban).
          const country = comp.country;
          // "Bosnian Muslims", "Iraqi Kurds": a nationality narrows an ethnic or religious group.
          const code = country && (comp.sector === 'ETH' || comp.sector === 'REL') && !comp.orgCode.startsWith(country) ? `${country}${comp.orgCode}` : comp.orgCode;
          idx = pushMention(newMention(base, code, country, comp.sector, nameOf(a.text, t, first, last), 'org'), `code:${code}`, []);
        } else {
          let country = comp.country ?? comp.agentCountry;
          let inferred = false;
          if (!country && comp.sector) {
            // "protesters in Athens", "police in Kabul": the place names the country.
            const placeCountry = countryAfterIn(t, segLast, sent.last, pieceList, pieceAt);
            if (placeCountry) country = placeCountry;
          }
          if (!country && comp.sector) {
            // "The prime minister" after "Prime Minister X": the same person.
            if (comp.title && t.lower[first - 1] !== 'a') {
              const found = personByTitle.get(comp.title) ?? -1;
              if (found >= 0 && last - first <= 3) {
                const ent = entities[found]!;
                pushMention(newMention(base, ent.code, ent.country, ent.sector, ent.name, 'person'), '', [], found);
                sentenceMentions.push(mentions.length - 1);
                continue;
              }
            }
            // Otherwise the country named last in this sentence, then the country the article is about.
            for (let k = sentenceMentions.length - 1; k >= 0 && !country; k--) {
              const prev = mentions[sentenceMentions[k]!]!;
              if (prev.country && !prev.inferred && prev.kind !== 'person') country = prev.country;
            }
            country ??= a.mainCountry;
            inferred = true;
          }
          const sector = comp.sector;
          if (!country && !sector) continue;
          const code = `${country ?? ''}${sector ?? ''}` || null;
          const onlyCountry = !sector;
          const cname = country ? lex.countries.get(country)?.name ?? country : '';
          idx = pushMention(
            newMention(base, code, country, sector, onlyCountry ? cname : nameOf(a.text, t, first, last), onlyCountry ? 'country' : 'group', inferred),
            `code:${code}`,
            [],
          );
        }
        sentenceMentions.push(idx);
      }
    }
    resolvePronouns(a, s, (m, entity) => sentenceMentions.push(pushMention(m, '', [], entity)));
    joinOfPhrases(a, sentenceMentions);
    coordinate(a, sentenceMentions, rekey);
  }
}

