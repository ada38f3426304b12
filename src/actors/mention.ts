import type { Mention } from '../analysis.js';

/** An empty list shared by mentions that no dictionary entry made (frozen: never pushed to). */
export const NO_REFS = Object.freeze([]) as unknown as string[];

/** The fields of a mention that come from its words, before its code and entity are known. */
export type Base = Pick<Mention, 'first' | 'last' | 'start' | 'end' | 'strong' | 'head' | 'title' | 'refs' | 'inferred' | 'person' | 'adjective'>;

/** A mention with every field in one order, so that all mentions share one object shape (fast to read later). */
export function newMention(
  b: Base,
  code: string | null,
  country: string | null,
  sector: string | null,
  name: string,
  kind: Mention['kind'],
  inferred = b.inferred,
): Mention {
  return {
    first: b.first,
    last: b.last,
    start: b.start,
    end: b.end,
    code,
    country,
    sector,
    name,
    kind,
    strong: b.strong,
    inferred,
    adjective: b.adjective,
    head: b.head,
    entity: -1,
    group: -1,
    person: b.person,
    title: b.title,
    refs: b.refs,
  };
}

/** Entity ids ("E1", "E2", ...), made once per process and shared by every document. */
const ENTITY_IDS: string[] = [];
export const entityId = (index: number): string => (ENTITY_IDS[index] ??= `E${index + 1}`);
