/** events: PentaClass agreement on cameo-sentences, confusion table, and actor span F1 on cameo-actor-spans. */
import { readFileSync } from 'node:fs';
import type { Coder } from '../src/index.js';
import { dec, int, pct, ratio } from './metrics.js';
import { dataPath } from './paths.js';
import { missing, type SectionResult, type Table } from './report.js';
import { countedEvents, SafeCoder, topEvent } from './safe-code.js';
import { spanSection } from './spans.js';

const PENTA_NAMES = ['0 statements/appeals', '1 verbal coop.', '2 material coop.', '3 verbal conflict', '4 material conflict'];

interface Labelled {
  text: string;
  label: number;
}

function readSentences(file: string): Labelled[] {
  const out: Labelled[] = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const tab = line.lastIndexOf('\t');
    const label = Number(line.slice(tab + 1).trim());
    if (tab < 0 || !Number.isInteger(label) || label < 0 || label > 4) continue;
    out.push({ text: line.slice(0, tab), label });
  }
  return out;
}

export function runEvents(coder: Coder): SectionResult {
  const file = dataPath('events', 'cameo-sentences-train.tsv');
  const bio = dataPath('events', 'cameo-actor-spans-train.bio');
  if (!file && !bio) return missing('events', 'Events (CAMEO)', 'events/');
  const res: SectionResult = { id: 'events', title: 'Events (CAMEO)', status: 'ok', notices: [], figures: [], tables: [], data: {} };

  if (file) {
    const items = readSentences(file);
    const safe = new SafeCoder(coder);
    let agree = 0,
      withEvent = 0,
      topAgree = 0,
      events = 0;
    /** Tune (even 0-based index) and check (odd) halves, as ../shared/benchmarks/README.md defines them. */
    const halfAgree = [0, 0],
      halfN = [0, 0];
    const confusion = Array.from({ length: 5 }, () => new Array<number>(6).fill(0));
    const predictedTop = new Array<number>(6).fill(0);
    items.forEach((it, i) => {
      const evs = countedEvents(safe.code(`ev${i + 1}`, it.text));
      events += evs.length;
      if (evs.length) withEvent++;
      const agrees = evs.some((e) => e.penta === it.label);
      if (agrees) agree++;
      halfN[i % 2]!++;
      if (agrees) halfAgree[i % 2]!++;
      const top = topEvent(evs);
      if (top && top.penta === it.label) topAgree++;
      const col = top ? top.penta : 5;
      confusion[it.label]![col]!++;
      predictedTop[col]!++;
    });
    const n = items.length;
    res.figures.push(
      ['sentences (cameo-sentences-train)', int(n)],
      ['PentaClass agreement (any event)', pct(ratio(agree, n))],
      ['PentaClass agreement, tune half / check half', `${pct(ratio(halfAgree[0]!, halfN[0]!))} / ${pct(ratio(halfAgree[1]!, halfN[1]!))}`],
      ['share of sentences with an event', pct(ratio(withEvent, n))],
      ['agreement of top-confidence event', pct(ratio(topAgree, n))],
      ['agreement among sentences with an event', pct(ratio(agree, withEvent))],
      ['events per sentence (not negated)', dec(ratio(events, n), 2)],
    );
    res.notices.push(...safe.notices(n));
    const rows = confusion.map((r, g) => [
      PENTA_NAMES[g]!,
      ...r.map(String),
      String(r.reduce((a, b) => a + b, 0)),
      pct(
        ratio(
          r[g]!,
          r.reduce((a, b) => a + b, 0),
        ),
      ),
    ]);
    rows.push(['total', ...predictedTop.map(String), String(n), '']);
    const table: Table = {
      title: 'Confusion: gold PentaClass (rows) × top-confidence predicted PentaClass (columns)',
      head: ['gold \\ predicted', '0', '1', '2', '3', '4', 'none', 'total', 'top agrees'],
      rows,
    };
    res.tables.push(table);
    res.data.penta = {
      sentences: n,
      agree,
      agreement: ratio(agree, n),
      tune: { sentences: halfN[0], agree: halfAgree[0], agreement: ratio(halfAgree[0]!, halfN[0]!) },
      check: { sentences: halfN[1], agree: halfAgree[1], agreement: ratio(halfAgree[1]!, halfN[1]!) },
      withEvent,
      eventShare: ratio(withEvent, n),
      topAgree,
      topAgreement: ratio(topAgree, n),
      events,
      failures: safe.failures,
      confusion: { rows: 'gold 0-4', columns: 'predicted top 0-4, none', counts: confusion },
    };
  } else {
    res.notices.push('skipped PentaClass agreement: events/cameo-sentences-train.tsv not found');
  }

  if (bio) {
    const spans = spanSection(coder, bio);
    res.figures.push(...spans.figures);
    res.tables.push(spans.table);
    res.notices.push(...spans.notices);
    res.data.spans = spans.data;
  } else {
    res.notices.push('skipped span F1: events/cameo-actor-spans-train.bio not found');
  }
  return res;
}
