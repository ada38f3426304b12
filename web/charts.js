// The corpus view's two charts, drawn with d3 (served by casus at /vendor/d3.min.js): events per QuadClass per week
// (stacked bars on a time axis over the corpus's publication range) with the mean Goldstein score (a line broken over
// weeks without events), and the network of actors (d3-force; the 30 largest nodes labelled, no two labels overlapping).
import { goldsteinColor, QUADS } from './common.js';
import { placeLabels } from './labels.js';

const d3 = globalThis.d3;
const WEEK = 7 * 86_400_000;
const MAX_WEEKS = 1500;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const weekOf = (date) => d3.utcMonday.floor(new Date(`${date.slice(0, 10)}T00:00:00Z`)).getTime();

/**
 * Dyad rows ({period, events, q1..q4, goldstein}) summed per week, over `range` ({from, to}: the corpus's publication
 * dates; the rows' own span when absent), weeks without events filled with zeros. Weeks outside the range are not
 * drawn: they come back in `outside` ({period, n}), to be listed apart.
 */
export function weeklyBuckets(rows, range = null) {
  const by = new Map();
  for (const r of rows) {
    if (!r.period) continue;
    const k = iso(weekOf(r.period));
    const b = by.get(k) ?? { period: k, q: [0, 0, 0, 0], gsum: 0, n: 0 };
    b.q[0] += r.q1 ?? 0; b.q[1] += r.q2 ?? 0; b.q[2] += r.q3 ?? 0; b.q[3] += r.q4 ?? 0;
    b.gsum += (r.goldstein ?? 0) * (r.events ?? 0);
    b.n += r.events ?? 0;
    by.set(k, b);
  }
  const keys = [...by.keys()].sort();
  const from = range?.from ? weekOf(range.from) : keys.length ? Date.parse(keys[0]) : null;
  const to = range?.to ? weekOf(range.to) : keys.length ? Date.parse(keys[keys.length - 1]) : null;
  if (from === null || to === null) return { from: null, to: null, buckets: [], outside: [] };
  const buckets = [];
  for (let t = from; t <= to && buckets.length < MAX_WEEKS; t += WEEK) {
    const k = iso(t);
    buckets.push(by.get(k) ?? { period: k, q: [0, 0, 0, 0], gsum: 0, n: 0 });
  }
  const last = buckets.length ? Date.parse(buckets[buckets.length - 1].period) : to;
  const outside = keys.filter((k) => Date.parse(k) < from || Date.parse(k) > last).map((k) => ({ period: k, n: by.get(k).n }));
  return { from, to: last + WEEK, buckets, outside };
}

export function timeSeries(svg, { from, to, buckets }) {
  const W = 900, H = 290, m = { l: 44, r: 46, t: 26, b: 30 };
  const root = d3.select(svg).attr('viewBox', `0 0 ${W} ${H}`);
  root.selectChildren().remove();
  if (!buckets.some((b) => b.n)) {
    root.append('text').attr('x', W / 2).attr('y', H / 2).attr('text-anchor', 'middle').attr('class', 'empty').text('No dated events for this selection.');
    return;
  }
  const x = d3.scaleUtc().domain([new Date(from), new Date(to)]).range([m.l, W - m.r]);
  const y = d3.scaleLinear().domain([0, d3.max(buckets, (b) => b.n)]).nice().range([H - m.b, m.t]);
  const gy = d3.scaleLinear().domain([-10, 10]).range([H - m.b, m.t]);
  root.append('g').attr('class', 'axis x').attr('transform', `translate(0,${H - m.b})`).call(d3.axisBottom(x).ticks(W / 100).tickSizeOuter(0));
  root.append('g').attr('class', 'axis y').attr('transform', `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(5, 'd'));
  root.append('g').attr('class', 'axis g').attr('transform', `translate(${W - m.r},0)`).call(d3.axisRight(gy).tickValues([-10, -5, 0, 5, 10]).tickFormat(d3.format('+d')));
  root.append('text').attr('x', 4).attr('y', 12).text('events');
  root.append('text').attr('x', W - 4).attr('y', 12).attr('text-anchor', 'end').text('Goldstein');
  const series = d3.stack().keys([0, 1, 2, 3]).value((b, k) => b.q[k])(buckets);
  const barW = (b) => Math.max(1, x(Date.parse(b.period) + WEEK) - x(Date.parse(b.period)) - 1);
  root.append('g').attr('class', 'bars').selectAll('g').data(series).join('g').attr('fill', (s) => QUADS[s.key].color)
    .selectAll('rect').data((s) => s.filter((d) => d[1] > d[0]).map((d) => Object.assign(d, { quad: QUADS[s.key] }))).join('rect')
    .attr('class', 'bar').attr('x', (d) => x(Date.parse(d.data.period))).attr('width', (d) => barW(d.data))
    .attr('y', (d) => y(d[1])).attr('height', (d) => y(d[0]) - y(d[1]))
    .append('title').text((d) => `week of ${d.data.period}: ${d[1] - d[0]} ${d.quad.name.toLowerCase()}`);
  root.append('line').attr('x1', m.l).attr('x2', W - m.r).attr('y1', gy(0)).attr('y2', gy(0)).attr('stroke', '#1d2330').attr('stroke-opacity', 0.25);
  const mid = (b) => x(Date.parse(b.period) + WEEK / 2);
  const line = d3.line().defined((b) => b.n > 0).x(mid).y((b) => gy(b.gsum / b.n));
  root.append('path').attr('class', 'gline').attr('d', line(buckets));
  root.append('g').attr('class', 'gdots').selectAll('circle').data(buckets.filter((b) => b.n)).join('circle')
    .attr('cx', mid).attr('cy', (b) => gy(b.gsum / b.n)).attr('r', 2.6).attr('fill', (b) => goldsteinColor(b.gsum / b.n))
    .append('title').text((b) => `week of ${b.period}: mean Goldstein ${(b.gsum / b.n).toFixed(2)}`);
}

/** Dyad rows summed over periods into edges {source, target, events, goldstein}, the `max` largest. */
export function dyadEdges(rows, max = 60) {
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

/** d3-force layout, run to rest at once (deterministic: d3 starts nodes on a spiral), then fitted to the box. */
function layout(nodes, links, W, H) {
  const sim = d3.forceSimulation(nodes)
    .force('link', d3.forceLink(links).id((d) => d.code).distance(70).strength(0.25))
    .force('charge', d3.forceManyBody().strength(-220))
    .force('x', d3.forceX(0).strength(0.05)).force('y', d3.forceY(0).strength(0.08))
    .force('collide', d3.forceCollide((d) => d.r + 14))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  const fx = d3.scaleLinear().domain(d3.extent(nodes, (d) => d.x)).range([50, W - 50]);
  const fy = d3.scaleLinear().domain(d3.extent(nodes, (d) => d.y)).range([40, H - 30]);
  for (const d of nodes) {
    d.x = nodes.length > 1 ? fx(d.x) : W / 2;
    d.y = nodes.length > 1 ? fy(d.y) : H / 2;
  }
}

/** The network of actors; `color(code)` fills a node. The 30 largest nodes are labelled. */
export function network(svg, rows, { selected = [], onPick, color = () => '#ccc', labels = 30 } = {}) {
  const W = 600, H = 420;
  const root = d3.select(svg).attr('viewBox', `0 0 ${W} ${H}`);
  root.selectChildren().remove();
  const list = dyadEdges(rows);
  if (!list.length) {
    root.append('text').attr('x', W / 2).attr('y', H / 2).attr('text-anchor', 'middle').text('No dyads with both actors coded.');
    return;
  }
  const byCode = new Map();
  const node = (code) => byCode.get(code) ?? byCode.set(code, { code, total: 0 }).get(code);
  for (const e of list) { node(e.source).total += e.events; node(e.target).total += e.events; }
  const nodes = [...byCode.values()];
  const size = d3.scaleSqrt().domain([0, d3.max(nodes, (d) => d.total)]).range([4, 16]);
  for (const d of nodes) d.r = size(d.total);
  const links = list.map((e) => ({ ...e }));
  layout(nodes, links, W, H);
  const width = d3.scaleSqrt().domain([0, d3.max(links, (e) => e.events)]).range([1, 8]);
  root.append('g').attr('class', 'edges').selectAll('path').data(links).join('path').attr('class', 'edge')
    .attr('d', (e) => {
      const dx = e.target.x - e.source.x, dy = e.target.y - e.source.y;
      const cx = (e.source.x + e.target.x) / 2 - dy * 0.15, cy = (e.source.y + e.target.y) / 2 + dx * 0.15;
      return `M${e.source.x},${e.source.y}Q${cx},${cy} ${e.target.x},${e.target.y}`;
    })
    .attr('fill', 'none').attr('stroke', (e) => goldsteinColor(e.goldstein)).attr('stroke-width', (e) => width(e.events)).attr('stroke-opacity', 0.75)
    .append('title').text((e) => `${e.source.code} → ${e.target.code}: ${e.events} events, mean Goldstein ${e.goldstein.toFixed(2)}`);
  const on = (d) => selected.some((p) => p && d.code.startsWith(p));
  const g = root.append('g').attr('class', 'nodes').selectAll('g').data(nodes).join('g').attr('class', 'node')
    .attr('data-code', (d) => d.code).attr('transform', (d) => `translate(${d.x},${d.y})`);
  g.append('circle').attr('r', (d) => d.r).attr('fill', (d) => color(d.code)).attr('stroke', (d) => (on(d) ? '#ffb400' : '#fff')).attr('stroke-width', (d) => (on(d) ? 3 : 1.2));
  g.append('title').text((d) => `${d.code}: ${d.total} events in the shown dyads (click to pick)`);
  if (onPick) g.on('click', (_, d) => onPick(d.code));
  labelNodes(root, nodes, labels, W, H);
}

/** Labels for the `n` largest nodes, drawn above edges and nodes, placed by placeLabels (no overlap). */
function labelNodes(root, nodes, n, W, H) {
  const top = [...nodes].sort((a, b) => b.total - a.total || (a.code < b.code ? -1 : 1)).slice(0, n);
  const layer = root.append('g').attr('class', 'labels');
  const texts = layer.selectAll('text').data(top).join('text').attr('class', 'label').text((d) => d.code);
  const sizes = texts.nodes().map((t) => t.getBBox());
  const boxes = placeLabels(top.map((d, i) => ({ x: d.x, y: d.y, r: d.r, w: sizes[i].width + 2, h: sizes[i].height })), nodes, { x: 0, y: 0, w: W, h: H });
  layer.selectAll('line').data(top.filter((_, i) => boxes[i].far)).join('line').lower().attr('class', 'leader')
    .attr('x1', (d) => d.x).attr('y1', (d) => d.y)
    .attr('x2', (d) => { const b = boxes[top.indexOf(d)]; return b.x + b.w / 2; })
    .attr('y2', (d) => { const b = boxes[top.indexOf(d)]; return b.y + b.h / 2; });
  texts.attr('x', (_, i) => boxes[i].x + 1).attr('y', (_, i) => boxes[i].y + boxes[i].h / 2).attr('dominant-baseline', 'central');
}
