/** The shape every section returns, and its rendering as plain text (stdout) and Markdown. */

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  /** Columns aligned right (numbers); the first column is always left-aligned. */
  numeric?: boolean;
}

export interface SectionResult {
  id: string;
  title: string;
  /** 'missing' when the data folder is not there; 'failed' when the section threw; 'ok' otherwise. */
  status: 'ok' | 'missing' | 'failed';
  /** One-line notice (missing data, documents the coder threw on, ...). */
  notices: string[];
  /** Headline figures, as label → formatted value, in display order. */
  figures: [string, string][];
  tables: Table[];
  /** The raw numbers, for --json. */
  data: Record<string, unknown>;
}

export function missing(id: string, title: string, what: string): SectionResult {
  return { id, title, status: 'missing', notices: [`skipped: data not found (${what})`], figures: [], tables: [], data: { missing: what } };
}

function pad(s: string, w: number, right: boolean): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

function textTable(t: Table): string[] {
  const all = [t.head, ...t.rows];
  const widths = t.head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    '  ' +
    r
      .map((v, c) => pad(v ?? '', widths[c]!, c > 0 && t.numeric !== false))
      .join('  ')
      .trimEnd();
  return [`  ${t.title}`, line(t.head), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)];
}

export function renderText(s: SectionResult): string {
  const out = [`== ${s.title} ==`];
  for (const n of s.notices) out.push(`  note: ${n}`);
  if (s.figures.length) {
    const w = Math.max(...s.figures.map(([k]) => k.length));
    for (const [k, v] of s.figures) out.push(`  ${k.padEnd(w)}  ${v}`);
  }
  for (const t of s.tables) out.push('', ...textTable(t));
  return out.join('\n') + '\n';
}

function mdRow(r: string[]): string {
  return '| ' + r.map((v) => v.replace(/\|/g, '\\|')).join(' | ') + ' |';
}

function mdTable(head: string[], rows: string[][], numeric = true): string[] {
  const align = head.map((_, c) => (c > 0 && numeric ? '---:' : ':---'));
  return [mdRow(head), '|' + align.map((a) => ` ${a} `).join('|') + '|', ...rows.map(mdRow)];
}

export function renderMarkdown(s: SectionResult): string {
  const out = [`### ${s.title}`, ''];
  for (const n of s.notices) out.push(`> ${n}`, '');
  if (s.figures.length) out.push(...mdTable(['Measure', 'Value'], s.figures, false), '');
  for (const t of s.tables) out.push(`**${t.title}**`, '', ...mdTable(t.head, t.rows, t.numeric !== false), '');
  return out.join('\n');
}
