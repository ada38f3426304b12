// The article view: code a pasted or dropped article (or load a stored one with ?doc=ID), show the marked-up
// text and the event list; clicking an event highlights its evidence in the text.
import { api, el, errorText, goldsteinBar, showStatus } from './common.js';
import { createPalette } from './palette.js';
import { documentSpans, highlightEvent, renderMarkup } from './markup.js';

const $ = (id) => document.getElementById(id);
const form = $('code-form');
const textBox = $('text');
const status = $('status');
const article = $('article');
const list = $('events');
let current = null;
let palette = createPalette();

/** One colour per entity (an event's actor names its entity by id), assigned in the order of first mention. */
const actorKey = (a) => a?.id ?? a?.code ?? a?.name ?? null;
const tint = (a) => palette.light(actorKey(a));

function colourEntities(doc) {
  palette = createPalette();
  const first = (e) => Math.min(...(e.mentions ?? []).map((m) => m.start), Infinity);
  for (const e of [...(doc.actors ?? [])].sort((a, b) => first(a) - first(b))) palette.color(actorKey(e));
}

function actorChip(a) {
  if (!a) return el('span', { class: 'chip none' }, '—');
  return el('span', { class: 'chip', title: `${a.name} (${a.code ?? 'no code'})`, 'data-actor': actorKey(a), style: { background: tint(a) } }, a.code ?? a.name);
}

function place(loc) {
  if (!loc) return null;
  return [loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null, loc.country].filter(Boolean).join(', ');
}

function eventItem(ev) {
  const voice = ev.attribution ? `${ev.attribution.kind}${ev.attribution.speaker ? `: ${ev.attribution.speaker.name}` : ''}` : null;
  const flags = [ev.negated ? 'negated' : null, ev.modality && ev.modality !== 'asserted' ? ev.modality : null].filter(Boolean);
  const item = el('li', { class: `event quad${ev.quad}${ev.negated ? ' negated' : ''}`, 'data-id': ev.id, tabindex: 0 },
    el('div', { class: 'dyad' }, actorChip(ev.source), el('span', { class: 'arrow' }, ' → '), actorChip(ev.target)),
    el('div', { class: 'what' }, el('code', { class: 'cameo' }, ev.code), ' ', el('span', { class: 'ename' }, ev.name), ' ', goldsteinBar(ev.goldstein)),
    el('div', { class: 'meta' },
      el('span', { class: 'edate', title: ev.dateFrom ? `date from ${ev.dateFrom}` : null }, ev.date ?? 'no date'),
      place(ev.location) ? el('span', { class: 'eplace' }, place(ev.location)) : null,
      voice ? el('span', { class: 'voice', title: 'voice: attribution kind and speaker' }, voice) : null,
      ...flags.map((f) => el('span', { class: 'flag' }, f))),
    el('div', { class: 'verbtext' }, `“${ev.verb.text}”`));
  const select = () => selectEvent(ev.id);
  item.addEventListener('click', select);
  item.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), select()));
  return item;
}

function selectEvent(id) {
  const ev = current?.events.find((e) => e.id === id);
  for (const n of list.querySelectorAll('.selected')) n.classList.remove('selected');
  list.querySelector(`[data-id="${CSS.escape(id)}"]`)?.classList.add('selected');
  highlightEvent(article, ev);
}

function render(doc) {
  current = doc;
  $('doc-title').textContent = doc.title || 'Text';
  colourEntities(doc);
  renderMarkup(article, doc.text, documentSpans(doc, tint));
  list.replaceChildren(...doc.events.map(eventItem));
  $('event-count').textContent = `(${doc.events.length})`;
  if (!doc.events.length) list.append(el('li', { class: 'empty' }, 'No events found in this article.'));
}

async function codeArticle(e) {
  e?.preventDefault();
  const text = textBox.value;
  if (!text.trim()) return showStatus(status, 'Paste or drop an article first.', 'error');
  const body = { date: $('date').value.trim() || null, title: $('title').value.trim() || null };
  body[/^\s*</.test(text) && /<\/(p|div|html|body|article)>/i.test(text) ? 'html' : 'text'] = text;
  showStatus(status, 'Coding…');
  $('code').disabled = true;
  const t0 = performance.now();
  const r = await api('/api/code', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  $('code').disabled = false;
  if (!r.ok) return showStatus(status, errorText(r), 'error');
  render(r.data);
  showStatus(status, `${r.data.events.length} events, ${r.data.actors.length} actors, ${r.data.quotes.length} quotes (${Math.round(performance.now() - t0)} ms)`);
}

async function readFile(file) {
  if (!file) return;
  if (file.size > 2 * 1024 * 1024) return showStatus(status, `${file.name} is over 2 MB`, 'error');
  textBox.value = await file.text();
  if (!$('title').value) $('title').value = file.name.replace(/\.[^.]+$/, '');
  showStatus(status, `Read ${file.name}; press Code.`);
}

async function loadStored(id) {
  showStatus(status, `Loading document ${id}…`);
  const r = await api(`/api/documents/${encodeURIComponent(id)}`);
  if (!r.ok) return showStatus(status, errorText(r), r.status === 503 ? 'warn' : 'error');
  textBox.value = r.data.text;
  $('date').value = r.data.date ?? '';
  $('title').value = r.data.title ?? '';
  render(r.data);
  showStatus(status, `Stored document ${id}: ${r.data.events.length} events`);
  const ev = new URLSearchParams(location.search).get('event');
  if (ev) selectEvent(ev);
}

form.addEventListener('submit', codeArticle);
$('file').addEventListener('change', (e) => readFile(e.target.files[0]));
textBox.addEventListener('dragover', (e) => {
  e.preventDefault();
  textBox.classList.add('drop');
});
textBox.addEventListener('dragleave', () => textBox.classList.remove('drop'));
textBox.addEventListener('drop', (e) => {
  e.preventDefault();
  textBox.classList.remove('drop');
  readFile(e.dataTransfer?.files?.[0]);
});
article.addEventListener('click', (e) => {
  const verb = e.target.closest?.('.verb');
  if (verb?.dataset.events) selectEvent(verb.dataset.events.split(' ')[0]);
});

const params = new URLSearchParams(location.search);
if (params.get('doc')) loadStored(params.get('doc'));
api('/api/status').then((r) => {
  if (r.ok && !r.data.corpus) $('corpus-link').classList.add('disabled');
});
