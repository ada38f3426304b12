/** opinion: sentence subjectivity (CheckThat! 2025 task 1), macro-F1 over SUBJ and OBJ. */
import { readFileSync } from 'node:fs';
import type { Coder } from '../src/index.js';
import { dec, int, prf, type Prf } from './metrics.js';
import { dataPath } from './paths.js';
import { missing, type SectionResult, type Table } from './report.js';
import { SafeCoder } from './safe-code.js';

interface Scored {
  file: string;
  n: number;
  subj: Prf;
  obj: Prf;
  macroF1: number;
  allObjMacroF1: number;
  failures: number;
  notices: string[];
}

function readTsv(file: string): { id: string; text: string; label: 'SUBJ' | 'OBJ' }[] {
  const rows = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const head = rows[0]!.split('\t');
  const iId = head.indexOf('sentence_id'),
    iText = head.indexOf('sentence'),
    iLabel = head.indexOf('label');
  return rows.slice(1).flatMap((l) => {
    const c = l.split('\t');
    const label = c[iLabel]?.trim();
    return label === 'SUBJ' || label === 'OBJ' ? [{ id: c[iId] ?? '', text: c[iText] ?? '', label }] : [];
  });
}

function macro(subj: Prf, obj: Prf): number {
  return (subj.f1 + obj.f1) / 2;
}

function score(coder: Coder, file: string, name: string): Scored {
  const items = readTsv(file);
  const safe = new SafeCoder(coder);
  let tpS = 0,
    predS = 0,
    goldS = 0,
    tpO = 0,
    predO = 0,
    goldO = 0;
  items.forEach((it, i) => {
    const doc = safe.code(it.id || `op${i + 1}`, it.text);
    const pred = doc?.sentences.some((s) => s.subjective) ? 'SUBJ' : 'OBJ';
    if (pred === 'SUBJ') predS++;
    else predO++;
    if (it.label === 'SUBJ') goldS++;
    else goldO++;
    if (pred === 'SUBJ' && it.label === 'SUBJ') tpS++;
    if (pred === 'OBJ' && it.label === 'OBJ') tpO++;
  });
  const subj = prf(tpS, predS, goldS),
    obj = prf(tpO, predO, goldO);
  const allObj = macro(prf(0, 0, goldS), prf(goldO, items.length, goldO));
  return {
    file: name,
    n: items.length,
    subj,
    obj,
    macroF1: macro(subj, obj),
    allObjMacroF1: allObj,
    failures: safe.failures,
    notices: safe.notices(items.length).map((n) => `${name}: ${n}`),
  };
}

export function runOpinion(coder: Coder): SectionResult {
  const dev = dataPath('opinion', 'subjectivity-dev.tsv');
  const train = dataPath('opinion', 'subjectivity-train.tsv');
  if (!dev && !train) return missing('opinion', 'Opinion (subjectivity)', 'opinion/');
  const res: SectionResult = { id: 'opinion', title: 'Opinion (subjectivity)', status: 'ok', notices: [], figures: [], tables: [], data: {} };
  const table: Table = {
    title: 'Per-class P/R/F1 (SUBJ predicted when casus marks any sentence subjective)',
    head: ['split', 'class', 'P', 'R', 'F1', 'predicted', 'gold'],
    rows: [],
  };
  for (const [split, file] of [
    ['dev', dev],
    ['train', train],
  ] as const) {
    if (!file) {
      res.notices.push(`skipped ${split}: opinion/subjectivity-${split}.tsv not found`);
      continue;
    }
    const s = score(coder, file, split);
    res.figures.push([
      `macro-F1 ${split}, ${split === 'dev' ? 'check' : 'tune'} half (${int(s.n)} sentences)`,
      `${dec(s.macroF1)} (all-OBJ: ${dec(s.allObjMacroF1, 2)})`,
    ]);
    for (const [cls, p] of [
      ['SUBJ', s.subj],
      ['OBJ', s.obj],
    ] as const)
      table.rows.push([split, cls, dec(p.precision), dec(p.recall), dec(p.f1), int(p.predicted), int(p.gold)]);
    res.notices.push(...s.notices);
    res.data[split] = s;
  }
  res.tables.push(table);
  return res;
}
