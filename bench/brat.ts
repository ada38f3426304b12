/** PolNeAR gold: brat standoff attribution relations, read as contents with their (optional) source. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BratSpan {
  id: string;
  type: string;
  /** First start to last end, for discontinuous spans too. */
  start: number;
  end: number;
  text: string;
}

export interface GoldContent {
  content: BratSpan;
  source: BratSpan | null;
  /** In quotation marks: the content starts with a quotation mark or directly follows one. */
  direct: boolean;
}

export interface Article {
  name: string;
  text: string;
  annFile: string;
  gold: GoldContent[];
}

const QUOTE_MARKS = /["“”«»‘„']/;

function parseSpans(lines: string[]): Map<string, BratSpan> {
  const spans = new Map<string, BratSpan>();
  for (const line of lines) {
    if (!line.startsWith('T')) continue;
    const [id, info, text = ''] = line.split('\t');
    if (!id || !info) continue;
    const sp = info.indexOf(' ');
    const type = info.slice(0, sp);
    const nums = info
      .slice(sp + 1)
      .split(/[ ;]/)
      .map(Number);
    if (nums.length < 2 || nums.some((n) => !Number.isFinite(n))) continue;
    spans.set(id, { id, type, start: nums[0]!, end: nums[nums.length - 1]!, text });
  }
  return spans;
}

function isDirect(text: string, c: BratSpan): boolean {
  const inner = text.slice(c.start, c.end).trimStart();
  if (QUOTE_MARKS.test(inner.charAt(0))) return true;
  let i = c.start - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i >= 0 && QUOTE_MARKS.test(text[i]!);
}

/** Contents of the relations in one .ann file. `Content2` (a second content of the same relation) counts as a content too. */
export function readRelations(annText: string, articleText: string): GoldContent[] {
  const lines = annText.split(/\r?\n/);
  const spans = parseSpans(lines);
  const byContent = new Map<string, GoldContent>();
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    const args = (line.split('\t')[1] ?? '').trim().split(/\s+/);
    const roles = args.map((a) => a.split(':')).filter((p) => p.length === 2) as [string, string][];
    const src = roles.find(([r]) => r === 'Source');
    const source = src ? (spans.get(src[1]) ?? null) : null;
    for (const [role, id] of roles) {
      if (!/^Content\d*$/.test(role)) continue;
      const content = spans.get(id);
      if (!content || byContent.has(id)) continue;
      byContent.set(id, { content, source, direct: isDirect(articleText, content) });
    }
  }
  return [...byContent.values()];
}

/** Articles in file-name order; gold from the first .ann file (in name order) of each article. */
export function readPolnear(dir: string): Article[] {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  const anns = readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const out: Article[] = [];
  for (const f of readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const name = f.slice(0, -4);
    const text = readFileSync(path.join(textDir, f), 'utf8');
    const ann = anns.find((a) => a.startsWith(name + '_') && !a.slice(name.length + 1, -4).includes('_'));
    const gold = ann ? readRelations(readFileSync(path.join(annDir, ann), 'utf8'), text) : [];
    out.push({ name, text, annFile: ann ?? '', gold });
  }
  return out;
}

/** The article texts only, in file-name order (the speed corpus). */
export function readPolnearTexts(dir: string): { name: string; text: string }[] {
  const textDir = path.join(dir, 'text');
  return readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.slice(0, -4), text: readFileSync(path.join(textDir, f), 'utf8') }));
}
