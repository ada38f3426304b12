/** Actor span F1 on the BIO file: which tokens casus marks as source (S) and target (T) of its first three events. */
import { readFileSync } from 'node:fs';
import type { Actor, Coder } from '../src/index.js';
import { dec, int, overlaps, prf, type Prf } from './metrics.js';
import type { Table } from './report.js';
import { countedEvents, SafeCoder } from './safe-code.js';

interface Token {
  start: number;
  end: number;
  tag: string;
}

interface BioSentence {
  text: string;
  tokens: Token[];
}

const GOLD_S = new Set(['B-S', 'I-S', 'B-R', 'I-R']);
const GOLD_T = new Set(['B-T', 'I-T', 'B-R', 'I-R']);

/** Sentences of a BIO file; the text is the tokens joined by single spaces, with each token's offsets. */
export function readBio(file: string): BioSentence[] {
  const out: BioSentence[] = [];
  let cur: { word: string; tag: string }[] = [];
  const flush = () => {
    if (!cur.length) return;
    const tokens: Token[] = [];
    let pos = 0;
    for (const { word, tag } of cur) {
      tokens.push({ start: pos, end: pos + word.length, tag });
      pos += word.length + 1;
    }
    out.push({ text: cur.map((t) => t.word).join(' '), tokens });
    cur = [];
  };
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const m = /^(.*\S)\s+(\S+)$/.exec(line.trim());
    if (m) cur.push({ word: m[1]!, tag: m[2]! });
  }
  flush();
  return out;
}

/** The actor's text span: its whole noun phrase (`phrase`, README) when the coder gives one, else the mention. */
function spanOf(a: Actor | null): { start: number; end: number } | null {
  if (a == null) return null;
  return a.phrase ?? a;
}

function touches(tok: Token, actors: (Actor | null)[]): boolean {
  return actors.some((x) => {
    const a = spanOf(x);
    return a != null && a.start != null && a.end != null && overlaps(tok.start, tok.end, a.start, a.end);
  });
}

type Counts = { S: { tp: number; pred: number; gold: number }; T: { tp: number; pred: number; gold: number } };

const zero = (): Counts => ({ S: { tp: 0, pred: 0, gold: 0 }, T: { tp: 0, pred: 0, gold: 0 } });

function countTokens(count: Counts, s: BioSentence, sources: (Actor | null)[], targets: (Actor | null)[]): void {
  for (const tok of s.tokens) {
    const pS = touches(tok, sources),
      pT = touches(tok, targets);
    const gS = GOLD_S.has(tok.tag),
      gT = GOLD_T.has(tok.tag);
    if (pS) count.S.pred++;
    if (gS) count.S.gold++;
    if (pS && gS) count.S.tp++;
    if (pT) count.T.pred++;
    if (gT) count.T.gold++;
    if (pT && gT) count.T.tp++;
  }
}

function f1s(count: Counts): { s: Prf; t: Prf; all: Prf } {
  const s = prf(count.S.tp, count.S.pred, count.S.gold);
  const t = prf(count.T.tp, count.T.pred, count.T.gold);
  return { s, t, all: prf(s.tp + t.tp, s.predicted + t.predicted, s.gold + t.gold) };
}

export function spanSection(coder: Coder, file: string): { figures: [string, string][]; table: Table; notices: string[]; data: Record<string, unknown> } {
  const sentences = readBio(file);
  const safe = new SafeCoder(coder);
  const count = zero();
  /** Tune (even 0-based index) and check (odd) halves, as ../shared/benchmarks/README.md defines them. */
  const halves = [zero(), zero()];
  sentences.forEach((s, i) => {
    const first3 = countedEvents(safe.code(`bio${i + 1}`, s.text)).slice(0, 3);
    const sources = first3.map((e) => e.source);
    const targets = first3.map((e) => e.target);
    countTokens(count, s, sources, targets);
    countTokens(halves[i % 2]!, s, sources, targets);
  });
  const { s, t, all } = f1s(count);
  const tune = f1s(halves[0]!).all,
    check = f1s(halves[1]!).all;
  const row = (name: string, p: Prf) => [name, dec(p.precision), dec(p.recall), dec(p.f1), int(p.tp), int(p.predicted), int(p.gold)];
  return {
    figures: [
      ['sentences (cameo-actor-spans-train)', int(sentences.length)],
      ['span F1 (S+T tokens)', dec(all.f1)],
      ['span F1, tune half / check half', `${dec(tune.f1)} / ${dec(check.f1)}`],
    ],
    table: {
      title: 'Actor span P/R/F1 over (role, token) pairs, first three events per sentence',
      head: ['role', 'P', 'R', 'F1', 'tp', 'predicted', 'gold'],
      rows: [row('S+T', all), row('S only', s), row('T only', t), row('S+T tune half', tune), row('S+T check half', check)],
    },
    notices: safe.notices(sentences.length),
    data: { sentences: sentences.length, all, source: s, target: t, tune, check, failures: safe.failures },
  };
}
