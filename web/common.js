// Shared helpers of the article and corpus views: the JSON API, DOM building, colours (actors: palette.js).

const TOKEN_KEY = 'casus-token';

/** Asks for the server's access token (once: it is kept in sessionStorage for the tab's session). */
function askToken() {
  const t = window.prompt('This casus server needs its access token:')?.trim();
  if (t) sessionStorage.setItem(TOKEN_KEY, t);
  else sessionStorage.removeItem(TOKEN_KEY);
  return t || null;
}

/**
 * Calls the API; resolves to {ok, status, data}, where a failed call's data is {error: {code, message}}. A server
 * that needs a token answers 401: the token is asked for once, then sent with every call of the session.
 */
export async function api(path, init = {}, retried = false) {
  const sent = sessionStorage.getItem(TOKEN_KEY);
  const headers = new Headers(init.headers ?? {});
  if (sent) headers.set('authorization', `Bearer ${sent}`);
  let res;
  try {
    res = await fetch(path, { ...init, headers });
  } catch (e) {
    return { ok: false, status: 0, data: { error: { code: 'network', message: `the server could not be reached (${e.message})` } } };
  }
  if (res.status === 401 && !retried) {
    const now = sessionStorage.getItem(TOKEN_KEY);
    // Another call may have asked meanwhile: use its answer rather than asking again.
    if ((now && now !== sent) || askToken()) return api(path, init, true);
  } else if (res.status === 401) sessionStorage.removeItem(TOKEN_KEY);
  let data;
  try {
    data = await res.json();
  } catch {
    data = { error: { code: 'bad-answer', message: `the server answered ${res.status} without JSON` } };
  }
  return { ok: res.ok, status: res.status, data };
}

/** Creates an element: el('div', {class: 'x', title: 't', onclick: f}, child, 'text', ...). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgEl(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  setAttrs(e, attrs);
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'style' && typeof v === 'object') Object.assign(e.style, v);
    else e.setAttribute(k, String(v));
  }
}

/** Goldstein score (−10 … +10) as a colour: red → grey → green. */
export function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, (Number(g) || 0) / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [200, 35, 35] : [30, 150, 70];
  const a = Math.abs(t);
  const [r, gg, b] = grey.map((c, i) => Math.round(c + (end[i] - c) * a));
  return `rgb(${r}, ${gg}, ${b})`;
}

export const QUADS = [
  { n: 1, name: 'Verbal cooperation', color: '#8cc68c' },
  { n: 2, name: 'Material cooperation', color: '#2e7d4f' },
  { n: 3, name: 'Verbal conflict', color: '#f0a04b' },
  { n: 4, name: 'Material conflict', color: '#c0392b' },
];

/** A bar from −10 to +10 with the score drawn from the middle. */
export function goldsteinBar(g) {
  const v = Math.max(-10, Math.min(10, Number(g) || 0));
  const fill = el('span', { class: 'gfill', style: { background: goldsteinColor(v), width: `${(Math.abs(v) / 10) * 50}%`, left: v >= 0 ? '50%' : `${50 - (Math.abs(v) / 10) * 50}%` } });
  return el('span', { class: 'gold', title: `Goldstein ${v.toFixed(1)} (−10 conflict … +10 cooperation)` },
    el('span', { class: 'gbar' }, el('span', { class: 'gmid' }), fill), el('span', { class: 'gval' }, (v > 0 ? '+' : '') + v.toFixed(1)));
}

export function showStatus(node, text, kind = 'info') {
  node.textContent = text || '';
  node.className = `status ${text ? kind : ''}`;
}

/** Text of an API failure. */
export const errorText = (r) => r.data?.error?.message ?? `request failed (${r.status})`;
