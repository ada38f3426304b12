// Categorical colours assigned in order of appearance: the first ten keys get d3's Tableau 10 (ten distinct colours),
// the next ones d3's Set 3, then hues spread by the golden angle. One key, one colour, wherever it is drawn.
const d3 = globalThis.d3;
const NONE = '#c9ced6';

export function createPalette() {
  const seen = new Map();
  const base = [...d3.schemeTableau10, ...d3.schemeSet3];
  const color = (key) => {
    if (key === null || key === undefined || key === '') return NONE;
    let c = seen.get(key);
    if (!c) {
      const i = seen.size;
      c = i < base.length ? base[i] : d3.hsl(((i - base.length) * 137.508) % 360, 0.55, 0.55).formatHex();
      seen.set(key, c);
    }
    return c;
  };
  return {
    /** The colour of a key (assigned on first use). */
    color,
    /** A lighter tint of it, for backgrounds under text. */
    light: (key) => d3.interpolateRgb(color(key), '#ffffff')(0.55),
    /** The keys in the order they were first coloured. */
    keys: () => [...seen.keys()],
  };
}
