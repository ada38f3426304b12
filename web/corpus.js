// The corpus view: a dyad (source/target code prefixes) over time, the network of actors, the map of placed
// events and the list of events linking to each article's view. Data from /api/events, /api/dyads, /api/actors.
import { api, el, errorText, goldsteinBar, QUADS, showStatus } from './common.js';
import { network, timeSeries, weeklyBuckets } from './charts.js';
import { worldMap } from './map.js';
import { createPalette } from './palette.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
const fields = ['source', 'target', 'from', 'to'];
/** One colour per actor code, in order of appearance (the actor list first), the same in chips, table and network. */
const palette = createPalette();
/** The corpus's publication range ({from, to}), from /api/corpus. */
let range = null;

$('series-keys').append(...QUADS.map((q) => el('span', {}, el('span', { class: 'swatch', style: { background: q.color } }), q.name)),
  el('span', {}, '— mean Goldstein (right axis)'));

function filters() {
  const p = new URLSearchParams();
  for (const f of fields) {
    const v = $(f).value.trim();
    if (v) p.set(f, f === 'source' || f === 'target' ? v.toUpperCase() : v);
  }
  return p;
}

const withParams = (p, extra) => {
  const q = new URLSearchParams(p);
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q.toString();
};

/** Shows a failed answer; a busy store (503) is a notice, not a failure. */
function failure(r) {
  showStatus(status, errorText(r), r.status === 503 ? 'warn' : 'error');
}

function chip(code, name) {
  return el('span', { class: 'chip', title: name ?? code ?? '', 'data-actor': code ?? '', style: { background: palette.light(code) } }, code ?? '—');
}

function eventRow(e) {
  const docs = [...new Map((e.reports ?? []).map((r) => [r.doc, r])).values()].slice(0, 3);
  return el('tr', {},
    el('td', { class: 'date' }, e.date ?? '—'),
    el('td', {}, chip(e.source, e.sourceName), ' → ', chip(e.target, e.targetName)),
    el('td', {}, el('code', { class: 'cameo' }, e.code), ' ', e.name),
    el('td', {}, goldsteinBar(e.goldstein)),
    el('td', {}, e.place ?? ''),
    el('td', {}, ...docs.map((r, i) => [i ? ', ' : '', el('a', { href: `/?doc=${encodeURIComponent(r.doc)}&event=${encodeURIComponent(r.event)}`, title: r.text ?? '' }, r.doc)]),
      e.articles > docs.length ? ` +${e.articles - docs.length}` : ''));
}

function pick(code) {
  const s = $('source'), t = $('target');
  if (!s.value || (s.value && t.value)) {
    s.value = code;
    t.value = '';
  } else t.value = code;
  load();
}

/** The actor chips, with the date filter of the other panels. */
async function loadActors(p = filters()) {
  const r = await api(`/api/actors?${withParams(new URLSearchParams([...p].filter(([k]) => k === 'from' || k === 'to')), { limit: 30 })}`);
  if (!r.ok) return r;
  $('actors').replaceChildren(el('span', { class: 'count' }, 'Actors (click to pick source, then target):'),
    ...r.data.rows.map((a) => el('button', { type: 'button', title: a.name ?? a.code, 'data-actor': a.code, onclick: () => pick(a.code), style: { background: palette.light(a.code) } },
      a.code, el('span', { class: 'n' }, String(a.total)))));
  if (!r.data.rows.length) $('actors').append(el('span', { class: 'empty' }, 'no actors in these dates'));
  return r;
}

/** Events dated outside the publication range: listed under the chart, not stretched onto its axis. */
function listOutside(outside) {
  const n = outside.reduce((s, o) => s + o.n, 0);
  $('series-outside').replaceChildren(...(n ? [
    `${n} event${n > 1 ? 's' : ''} dated outside the corpus's publication range (${range?.from ?? '?'} to ${range?.to ?? '?'}), not drawn: `,
    ...outside.slice(0, 20).map((o, i) => [i ? ', ' : '', el('span', { class: 'date' }, `week of ${o.period}`), ` (${o.n})`]).flat(),
    outside.length > 20 ? `, and ${outside.length - 20} more weeks` : '',
  ] : []));
}

async function load(e) {
  e?.preventDefault();
  const p = filters();
  history.replaceState(null, '', p.toString() ? `/corpus?${p}` : '/corpus');
  showStatus(status, 'Loading…');
  // Every filter applies to every panel: the chips, the series, the network, the map and the table.
  const [events, series, all, actors] = await Promise.all([
    api(`/api/events?${withParams(p, { limit: 2000 })}`),
    api(`/api/dyads?${withParams(p, { by: 'week', limit: 100000 })}`),
    api(`/api/dyads?${withParams(p, { by: 'month', limit: 100000 })}`),
    loadActors(p),
  ]);
  const bad = [events, series, all, actors].find((r) => !r.ok);
  if (bad) return failure(bad);
  const src = p.get('source'), tgt = p.get('target');
  $('series-title').textContent = src || tgt ? `(${src ?? 'any'} → ${tgt ?? 'any'})` : '(all events)';
  const weeks = weeklyBuckets(series.data.rows, range);
  timeSeries($('series'), weeks);
  listOutside(weeks.outside);
  network($('network'), all.data.rows, { selected: [src, tgt], onPick: pick, color: palette.color });
  const placed = await worldMap($('map'), events.data.rows);
  $('map-count').textContent = `(${placed} places)`;
  const rows = events.data.rows;
  $('event-rows').replaceChildren(...rows.map(eventRow));
  $('event-count').textContent = `(${rows.length}${rows.length === 2000 ? ', the newest 2,000' : ''})`;
  if (!rows.length) $('event-rows').append(el('tr', {}, el('td', { colspan: 6, class: 'empty' }, 'No events for this selection.')));
  showStatus(status, '');
}

async function start() {
  const s = await api('/api/status');
  if (s.ok && !s.data.corpus) return showStatus(status, 'This server has no event store: start it with casus serve --db PATH.', 'warn');
  const q = new URLSearchParams(location.search);
  for (const f of fields) if (q.get(f)) $(f).value = q.get(f);
  const c = await api('/api/corpus');
  if (!c.ok) return failure(c);
  range = c.data.firstDate ? { from: c.data.firstDate, to: c.data.lastDate } : null;
  const a = await loadActors();
  if (!a.ok) return failure(a);
  await load();
}

$('dyad-form').addEventListener('submit', load);
$('clear').addEventListener('click', () => {
  for (const f of fields) $(f).value = '';
  load();
});
start();
