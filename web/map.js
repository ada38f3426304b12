// The world map of placed events: Natural Earth country shapes (world-atlas, served by casus at /vendor/), decoded
// with topojson-client and projected with d3-geo (Natural Earth projection); events are circles at their lat/lon,
// sized by count and coloured by mean Goldstein, explained by a legend under the map.
import { goldsteinColor } from './common.js';

const d3 = globalThis.d3;
const W = 960, LEGEND = 64;
let shapes = null;

async function loadShapes() {
  if (shapes) return shapes;
  const res = await fetch('/vendor/countries-110m.json');
  if (!res.ok) throw new Error(`country shapes: ${res.status}`);
  const topo = await res.json();
  const tj = globalThis.topojson;
  if (!tj) throw new Error('topojson-client did not load');
  shapes = tj.feature(topo, topo.objects.countries).features;
  return shapes;
}

/** Events grouped by place: {lat, lon, place, events, gsum}. */
function placed(events) {
  const by = new Map();
  for (const e of events) {
    if (typeof e.lat !== 'number' || typeof e.lon !== 'number') continue;
    const k = `${e.lat.toFixed(2)},${e.lon.toFixed(2)}`;
    const p = by.get(k) ?? { lat: e.lat, lon: e.lon, place: e.place ?? k, events: 0, gsum: 0 };
    p.events += 1;
    p.gsum += e.goldstein ?? 0;
    by.set(k, p);
  }
  return [...by.values()].sort((a, b) => b.events - a.events);
}

function legend(g, size, maxEvents, y) {
  g.attr('class', 'map-legend').attr('transform', `translate(12,${y})`);
  g.append('text').attr('x', 0).attr('y', 22).text('mean Goldstein');
  const ramp = [-10, -5, 0, 5, 10];
  g.selectAll('rect').data(ramp).join('rect').attr('x', (_, i) => 160 + i * 52).attr('y', 8).attr('width', 50).attr('height', 18).attr('fill', goldsteinColor);
  g.selectAll('text.tick').data(ramp).join('text').attr('class', 'tick').attr('x', (_, i) => 185 + i * 52).attr('y', 48).attr('text-anchor', 'middle').text(d3.format('+d'));
  const counts = [...new Set([1, Math.round(Math.sqrt(maxEvents)), maxEvents])].filter((n) => n >= 1);
  g.append('text').attr('x', 460).attr('y', 22).text('events at a place');
  let x = 640;
  for (const n of counts) {
    g.append('circle').attr('class', 'key').attr('cx', x + size(n)).attr('cy', 18).attr('r', size(n)).attr('fill', '#999');
    g.append('text').attr('x', x + 2 * size(n) + 6).attr('y', 24).text(String(n));
    x += 2 * size(n) + 44;
  }
}

export async function worldMap(svg, events) {
  const projection = d3.geoNaturalEarth1().fitWidth(W, { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const mapH = Math.ceil(path.bounds({ type: 'Sphere' })[1][1]) + 2;
  const root = d3.select(svg).attr('viewBox', `0 0 ${W} ${mapH + LEGEND}`);
  root.selectChildren().remove();
  root.append('path').attr('class', 'sea').attr('d', path({ type: 'Sphere' }));
  try {
    root.append('g').attr('class', 'countries').selectAll('path').data(await loadShapes()).join('path').attr('class', 'country')
      .attr('d', path).append('title').text((f) => f.properties?.name ?? '');
  } catch (e) {
    root.append('text').attr('x', 10).attr('y', 20).text(`The map shapes could not be loaded: ${e.message}`);
  }
  const places = placed(events);
  const maxEvents = d3.max(places, (p) => p.events) ?? 1;
  const size = d3.scaleSqrt().domain([0, Math.max(1, maxEvents)]).range([2, 16]);
  root.append('g').attr('class', 'dots').selectAll('circle').data(places).join('circle').attr('class', 'dot')
    .attr('transform', (p) => `translate(${projection([p.lon, p.lat])})`).attr('r', (p) => size(p.events)).attr('fill', (p) => goldsteinColor(p.gsum / p.events))
    .append('title').text((p) => `${p.place}: ${p.events} events, mean Goldstein ${(p.gsum / p.events).toFixed(2)}`);
  legend(root.append('g'), size, maxEvents, mapH + 4);
  if (!places.length) root.append('text').attr('x', W / 2).attr('y', mapH - 12).attr('text-anchor', 'middle').text('No placed events in this selection.');
  return places.length;
}
