// The world map of placed events: Natural Earth country shapes (world-atlas, served by casus at /vendor/), decoded
// with topojson-client (also served by casus), projected equirectangularly here; events are circles at lat/lon.
import { goldsteinColor, svgEl } from './common.js';

const W = 960, H = 480;
let shapes = null;

/** Equirectangular projection of lon/lat into the W×H map. */
export const project = (lon, lat) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

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

/** A ring as path data; a jump across the antimeridian starts a new sub-path instead of a line across the map. */
function ringPath(ring) {
  let d = '';
  let prev = null;
  for (const [lon, lat] of ring) {
    const [x, y] = project(lon, lat);
    d += `${prev === null || Math.abs(lon - prev) > 180 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    prev = lon;
  }
  return d + 'Z';
}

function featurePath(geom) {
  if (!geom) return '';
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  return polys.map((p) => p.map(ringPath).join('')).join('');
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

export async function worldMap(svg, events) {
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.replaceChildren(svgEl('rect', { class: 'sea', x: 0, y: 0, width: W, height: H }));
  try {
    const g = svgEl('g', { class: 'countries' });
    for (const f of await loadShapes()) {
      g.append(svgEl('path', { class: 'country', d: featurePath(f.geometry) }, svgEl('title', {}, f.properties?.name ?? '')));
    }
    svg.append(g);
  } catch (e) {
    svg.append(svgEl('text', { x: 10, y: 20 }, `The map shapes could not be loaded: ${e.message}`));
  }
  const places = placed(events);
  const dots = svgEl('g', { class: 'dots' });
  for (const p of places) {
    const [x, y] = project(p.lon, p.lat);
    const mean = p.gsum / p.events;
    dots.append(svgEl('circle', { class: 'dot', cx: x.toFixed(1), cy: y.toFixed(1), r: (4 + 3 * Math.sqrt(p.events)).toFixed(1), fill: goldsteinColor(mean) },
      svgEl('title', {}, `${p.place}: ${p.events} events, mean Goldstein ${mean.toFixed(2)}`)));
  }
  svg.append(dots);
  if (!places.length) svg.append(svgEl('text', { x: W / 2, y: H - 12, 'text-anchor': 'middle' }, 'No placed events in this selection.'));
  return places.length;
}
