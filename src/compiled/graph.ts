/**
 * A JSON form for compiled data structures: Maps, Sets, null-prototype objects, regular expressions, `undefined`
 * and objects reached more than once (kept as one object, so identity is the same after decoding). Insertion order
 * is kept everywhere. Anything else (class instances, functions, typed arrays) cannot be encoded.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export class GraphError extends Error {}

/** Objects reached more than once, given ids in the order encode() first meets them. */
function sharedObjects(root: unknown): Set<object> {
  const seen = new Set<object>();
  const shared = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v)) {
      shared.add(v);
      continue;
    }
    seen.add(v);
    if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (v instanceof Set || Array.isArray(v)) for (const x of v) stack.push(x);
    else if (!(v instanceof RegExp)) for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return shared;
}

const plainKeys = (o: object): boolean => Object.keys(o).every((k) => k[0] !== '$');

/** The JSON form of `root`. Throws GraphError on a value it cannot encode. */
export function encodeGraph(root: unknown): Json {
  const shared = sharedObjects(root);
  const ids = new Map<object, number>();
  const enc = (v: unknown): Json => {
    if (v === undefined) return { $u: 1 };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : { $n: Object.is(v, -0) ? '-0' : String(v) };
    if (typeof v !== 'object') throw new GraphError(`cannot encode a ${typeof v}`);
    const known = ids.get(v);
    if (known !== undefined) return { $r: known };
    const id: Record<string, Json> = {};
    if (shared.has(v)) {
      ids.set(v, ids.size);
      id.$d = ids.size - 1;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (Array.isArray(v)) return '$d' in id ? { ...id, $a: v.map(enc) } : v.map(enc);
    if (v instanceof Map) return { ...id, $m: [...v].flatMap(([k, x]) => [enc(k), enc(x)]) };
    if (v instanceof Set) return { ...id, $s: [...v].map(enc) };
    if (v instanceof RegExp) return { ...id, $re: [v.source, v.flags] };
    if (proto !== Object.prototype && proto !== null) throw new GraphError(`cannot encode an instance of ${(v as object).constructor?.name ?? 'a class'}`);
    const o = v as Record<string, unknown>;
    if (proto === Object.prototype && plainKeys(o) && !('$d' in id)) {
      const out: Record<string, Json> = {};
      for (const k of Object.keys(o)) out[k] = enc(o[k]);
      return out;
    }
    return { ...id, [proto === null ? '$O' : '$o']: Object.keys(o).flatMap((k) => [k, enc(o[k])]) };
  };
  return enc(root);
}

/** The value encodeGraph encoded. */
export function decodeGraph(root: Json): unknown {
  const objects: unknown[] = [];
  const dec = (v: Json): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) out[i] = dec(v[i]!);
      return out;
    }
    if (!hasTag(v)) {
      const out: Record<string, unknown> = {};
      for (const k in v) out[k] = dec(v[k]!);
      return out;
    }
    return tagged(v);
  };
  const tagged = (v: { [k: string]: Json }): unknown => {
    if (v.$r !== undefined) return objects[v.$r as number];
    if (v.$u !== undefined) return undefined;
    if (v.$n !== undefined) return v.$n === '-0' ? -0 : Number(v.$n);
    const keep = <T>(x: T): T => {
      if (v.$d !== undefined) objects[v.$d as number] = x;
      return x;
    };
    if (v.$a) {
      const out = keep(new Array<unknown>());
      for (const x of v.$a as Json[]) out.push(dec(x));
      return out;
    }
    if (v.$m) {
      const out = keep(new Map<unknown, unknown>());
      const kv = v.$m as Json[];
      for (let i = 0; i < kv.length; i += 2) out.set(dec(kv[i]!), dec(kv[i + 1]!));
      return out;
    }
    if (v.$s) {
      const out = keep(new Set<unknown>());
      for (const x of v.$s as Json[]) out.add(dec(x));
      return out;
    }
    if (v.$re) return keep(new RegExp((v.$re as string[])[0]!, (v.$re as string[])[1]));
    const out = keep((v.$O ? Object.create(null) : {}) as Record<string, unknown>);
    const kv = (v.$O ?? v.$o) as Json[];
    for (let i = 0; i < kv.length; i += 2) out[kv[i] as string] = dec(kv[i + 1]!);
    return out;
  };
  return dec(root);
}

const TAGS = ['$r', '$u', '$n', '$d', '$a', '$m', '$s', '$re', '$o', '$O'];
function hasTag(v: { [k: string]: Json }): boolean {
  for (const k in v) return k[0] === '$' && TAGS.includes(k);
  return false;
}
