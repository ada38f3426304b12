// The corpus view's two charts, drawn as SVG by hand: events per QuadClass per week (stacked bars) with the mean
// Goldstein score (line), and the network of actors (force layout; edge width = events, colour = mean Goldstein).
import { countryColor, goldsteinColor, QUADS, svgEl } from './common.js';

const DAY = 86_400_000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);

/** Dyad rows ({period, events, q1..q4, goldstein}) summed per week; weeks without events are filled with zeros. */
export function weeklyBuckets(rows) {
  const by = new Map();
  for (const r of rows) {
    if (!r.period) continue;
    const b = by.get(r.period) ?? { period: r.period, q: [0, 0, 0, 0], gsum: 0, n: 0 };
    b.q[0] += r.q1 ?? 0; b.q[1] += r.q2 ?? 0; b.q[2] += r.q3 ?? 0; b.q[3] += r.q4 ?? 0;
    b.gsum += (r.goldstein ?? 0) * (r.events ?? 0);
    b.n += r.events ?? 0;
    by.set(r.period, b);
  }
  const keys = [...by.keys()].sort();
  if (!keys.length) return [];
  const out = [];
  const last = Date.parse(keys[keys.length - 1]);
  for (let t = Date.parse(keys[0]); t <= last && out.length < 520; t += 7 * DAY) {
    const k = iso(t);
    out.push(by.get(k) ?? { period: k, q: [0, 0, 0, 0], gsum: 0, n: 0 });
  }
  // Periods off the weekly grid (should not happen) are kept rather than lost.
  for (const k of keys) if (!out.some((b) => b.period === k)) out.push(by.get(k));
  return out.sort((a, b) => (a.period < b.period ? -1 : 1));
}

export function timeSeries(svg, buckets) {
  const W = 900, H = 290, m = { l: 42, r: 44, t: 26, b: 36 };
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.replaceChildren();
  if (!buckets.length) {
    svg.append(svgEl('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, 'No dated events for this selection.'));
    return;
  }
  const max = Math.max(1, ...buckets.map((b) => b.n));
  const bw = iw / buckets.length;
  const barW = Math.max(1, Math.min(bw * 0.8, 36));
  const y = (v) => m.t + ih - (v / max) * ih;
  const gy = (g) => m.t + ih * (1 - (g + 10) / 20);
  const axis = svgEl('g', { class: 'axis' });
  for (const v of [...new Set([0, Math.round(max / 2), max])]) {
    axis.append(svgEl('line', { x1: m.l, x2: m.l + iw, y1: y(v), y2: y(v), 'stroke-dasharray': v ? '2 3' : null }));
    axis.append(svgEl('text', { x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  for (const g of [-10, 0, 10]) axis.append(svgEl('text', { x: m.l + iw + 6, y: gy(g) + 4 }, (g > 0 ? '+' : '') + g));
  axis.append(svgEl('text', { x: 4, y: 12 }, 'events'));
  axis.append(svgEl('text', { x: W - 4, y: 12, 'text-anchor': 'end' }, 'Goldstein'));
  const every = Math.ceil(buckets.length / 9);
  buckets.forEach((b, i) => {
    if (i % every === 0) axis.append(svgEl('text', { x: m.l + i * bw + bw / 2, y: H - m.b + 16, 'text-anchor': 'middle' }, b.period));
  });
  svg.append(axis);
  const bars = svgEl('g', { class: 'bars' });
  buckets.forEach((b, i) => {
    let acc = 0;
    QUADS.forEach((q, k) => {
      const v = b.q[k];
      if (!v) return;
      bars.append(svgEl('rect', { x: m.l + i * bw + (bw - barW) / 2, width: barW, y: y(acc + v), height: y(acc) - y(acc + v), fill: q.color },
        svgEl('title', {}, `week of ${b.period}: ${v} ${q.name.toLowerCase()}`)));
      acc += v;
    });
  });
  svg.append(bars);
  svg.append(svgEl('line', { x1: m.l, x2: m.l + iw, y1: gy(0), y2: gy(0), stroke: '#1d2330', 'stroke-opacity': 0.25 }));
  const pts = buckets.map((b, i) => (b.n ? [m.l + i * bw + bw / 2, gy(b.gsum / b.n), b] : null)).filter(Boolean);
  if (pts.length) {
    svg.append(svgEl('path', { class: 'gline', d: pts.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join('') }));
    for (const [px, py, b] of pts) {
      svg.append(svgEl('circle', { cx: px, cy: py, r: 2.6, fill: goldsteinColor(b.gsum / b.n) }, svgEl('title', {}, `week of ${b.period}: mean Goldstein ${(b.gsum / b.n).toFixed(2)}`)));
    }
  }
}

/** Dyad rows summed over periods into edges {source, target, events, goldstein}, the `max` largest. */
export function dyadEdges(rows, max = 40) {
  const by = new Map();
  for (const r of rows) {
    if (!r.source || !r.target || r.source === r.target) continue;
    const k = `${r.source}\u0000${r.target}`;
    const e = by.get(k) ?? { source: r.source, target: r.target, events: 0, gsum: 0 };
    e.events += r.events ?? 0;
    e.gsum += (r.goldstein ?? 0) * (r.events ?? 0);
    by.set(k, e);
  }
  return [...by.values()].map((e) => ({ ...e, goldstein: e.events ? e.gsum / e.events : 0 })).sort((a, b) => b.events - a.events).slice(0, max);
}

/** A small force layout (Fruchterman–Reingold), deterministic (nodes start on a circle), then fitted to the box. */
function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.45;
  nodes.forEach((d, i) => {
    d.x = W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n);
    d.y = H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n);
  });
  let temp = W / 8;
  for (let it = 0; it < 300; it++, temp *= 0.985) {
    for (const a of nodes) { a.dx = (W / 2 - a.x) * 0.1; a.dy = (H / 2 - a.y) * 0.1 * (W / H); }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = nodes[i], b = nodes[j];
      const dx = a.x - b.x || 0.01, dy = a.y - b.y || 0.01, f = (k * k) / (dx * dx + dy * dy);
      a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
    }
    for (const e of edges) {
      const dx = e.s.x - e.t.x, dy = e.s.y - e.t.y, f = (Math.hypot(dx, dy) / k) * 0.15;
      e.s.dx -= dx * f; e.s.dy -= dy * f; e.t.dx += dx * f; e.t.dy += dy * f;
    }
    for (const a of nodes) {
      const d = Math.hypot(a.dx, a.dy) || 1, step = Math.min(d, temp);
      a.x += (a.dx / d) * step;
      a.y += (a.dy / d) * step;
    }
  }
  const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  for (const d of nodes) {
    d.x = x1 > x0 ? 40 + ((d.x - x0) / (x1 - x0)) * (W - 80) : W / 2;
    d.y = y1 > y0 ? 34 + ((d.y - y0) / (y1 - y0)) * (H - 60) : H / 2;
  }
}

export function network(svg, rows, { selected = [], onPick } = {}) {
  const W = 600, H = 420;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.replaceChildren();
  const list = dyadEdges(rows);
  if (!list.length) {
    svg.append(svgEl('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'No dyads with both actors coded.'));
    return;
  }
  const nodes = new Map();
  const node = (code) => nodes.get(code) ?? nodes.set(code, { code, total: 0 }).get(code);
  const edges = list.map((e) => ({ ...e, s: node(e.source), t: node(e.target) }));
  for (const e of edges) { e.s.total += e.events; e.t.total += e.events; }
  layout([...nodes.values()], edges, W, H);
  const maxE = Math.max(...edges.map((e) => e.events));
  const maxN = Math.max(...[...nodes.values()].map((d) => d.total));
  const g = svgEl('g', { class: 'edges' });
  for (const e of edges) {
    const mx = (e.s.x + e.t.x) / 2, my = (e.s.y + e.t.y) / 2, dx = e.t.x - e.s.x, dy = e.t.y - e.s.y;
    const cx = mx - dy * 0.15, cy = my + dx * 0.15;
    g.append(svgEl('path', { class: 'edge', d: `M${e.s.x.toFixed(1)},${e.s.y.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${e.t.x.toFixed(1)},${e.t.y.toFixed(1)}`,
      fill: 'none', stroke: goldsteinColor(e.goldstein), 'stroke-width': (1 + 7 * Math.sqrt(e.events / maxE)).toFixed(2), 'stroke-opacity': 0.8 },
      svgEl('title', {}, `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein.toFixed(2)}`)));
  }
  svg.append(g);
  for (const d of nodes.values()) {
    const on = selected.some((p) => p && d.code.startsWith(p));
    const n = svgEl('g', { class: 'node', transform: `translate(${d.x.toFixed(1)},${d.y.toFixed(1)})` },
      svgEl('circle', { r: (5 + 9 * Math.sqrt(d.total / maxN)).toFixed(1), fill: countryColor(d.code.slice(0, 3)), stroke: on ? '#ffb400' : '#555', 'stroke-width': on ? 3 : 1 }),
      svgEl('text', { y: -10 - 9 * Math.sqrt(d.total / maxN), 'text-anchor': 'middle' }, d.code),
      svgEl('title', {}, `${d.code}: ${d.total} events in the shown dyads (click to pick)`));
    if (onPick) n.addEventListener('click', () => onPick(d.code));
    svg.append(n);
  }
}
