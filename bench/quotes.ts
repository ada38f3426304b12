/** quotes: attribution contents and speakers against PolNeAR dev. */
import type { Actor, Coder, Quote } from '../src/index.js';
import { readPolnear, type Article, type GoldContent } from './brat.js';
import { dec, int, overlapLen, overlaps, pct, prfSplit, ratio } from './metrics.js';
import { dataPath } from './paths.js';
import { missing, type SectionResult } from './report.js';
import { SafeCoder } from './safe-code.js';

/** Overlap of at least half of the shorter span. */
function matches(q: Quote, g: GoldContent): number {
  const ov = overlapLen(q.start, q.end, g.content.start, g.content.end);
  const shorter = Math.min(q.end - q.start, g.content.end - g.content.start);
  return ov > 0 && ov * 2 >= shorter ? ov : 0;
}

function lastWord(s: string): string {
  const words = s
    .replace(/['’]s\b/giu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return words ? words[words.length - 1]! : '';
}

function speakerRight(sp: Actor | null, g: GoldContent): boolean {
  if (!sp || !g.source) return false;
  if (sp.start != null && sp.end != null && overlaps(sp.start, sp.end, g.source.start, g.source.end)) return true;
  const w = lastWord(sp.name ?? '');
  return w !== '' && w === lastWord(g.source.text);
}

interface Tally {
  quotes: number;
  quotesMatched: number;
  quotesDirect: number;
  quotesDirectMatched: number;
  gold: number;
  goldMatched: number;
  gDirect: number;
  gDirectMatched: number;
  withSource: number;
  speakerOk: number;
  noSpeaker: number;
}

function tallyArticle(t: Tally, art: Article, qs: Quote[]): void {
  t.quotes += qs.length;
  for (const q of qs) {
    const m = art.gold.some((g) => matches(q, g) > 0);
    if (q.direct) t.quotesDirect++;
    if (m) t.quotesMatched++;
    if (m && q.direct) t.quotesDirectMatched++;
  }
  for (const g of art.gold) {
    t.gold++;
    if (g.direct) t.gDirect++;
    let best: Quote | null = null,
      bestOv = 0;
    for (const q of qs) {
      const ov = matches(q, g);
      if (ov > bestOv) {
        best = q;
        bestOv = ov;
      }
    }
    if (!best) continue;
    t.goldMatched++;
    if (g.direct) t.gDirectMatched++;
    if (g.source) {
      t.withSource++;
      if (!best.speaker) t.noSpeaker++;
      if (speakerRight(best.speaker, g)) t.speakerOk++;
    }
  }
}

const emptyTally = (): Tally => ({
  quotes: 0,
  quotesMatched: 0,
  quotesDirect: 0,
  quotesDirectMatched: 0,
  gold: 0,
  goldMatched: 0,
  gDirect: 0,
  gDirectMatched: 0,
  withSource: 0,
  speakerOk: 0,
  noSpeaker: 0,
});

/** Content F1 and speaker accuracy of one tally. */
function scores(t: Tally): { contentF1: number; speakerAccuracy: number } {
  return { contentF1: prfSplit(t.quotesMatched, t.quotes, t.goldMatched, t.gold).f1, speakerAccuracy: ratio(t.speakerOk, t.withSource) };
}

export function runQuotes(coder: Coder): SectionResult {
  const dir = dataPath('quotes', 'polnear-dev');
  if (!dir) return missing('quotes', 'Quotes (PolNeAR dev)', 'quotes/polnear-dev/');
  const articles = readPolnear(dir);
  const safe = new SafeCoder(coder);
  const all = emptyTally();
  /** Articles in file-name order: even index tune, odd check (../shared/benchmarks/README.md). */
  const halves = [emptyTally(), emptyTally()];
  articles.forEach((art, i) => {
    const qs = safe.code(art.name, art.text)?.quotes ?? [];
    tallyArticle(all, art, qs);
    tallyArticle(halves[i % 2]!, art, qs);
  });
  const { quotes, quotesMatched, quotesDirect, quotesDirectMatched, gold, goldMatched, gDirect, gDirectMatched, withSource, speakerOk, noSpeaker } = all;
  const tune = scores(halves[0]!),
    check = scores(halves[1]!);
  const c = prfSplit(quotesMatched, quotes, goldMatched, gold);
  const gIndirect = gold - gDirect,
    gIndirectMatched = goldMatched - gDirectMatched;
  const res: SectionResult = {
    id: 'quotes',
    title: 'Quotes (PolNeAR dev)',
    status: 'ok',
    notices: safe.notices(articles.length),
    figures: [
      ['articles', int(articles.length)],
      ['gold contents / casus quotes', `${int(gold)} / ${int(quotes)}`],
      ['content precision', `${dec(c.precision)} (${int(quotesMatched)}/${int(quotes)})`],
      ['content recall', `${dec(c.recall)} (${int(goldMatched)}/${int(gold)})`],
      ['content F1', dec(c.f1)],
      ['speaker accuracy (matched, with gold Source)', `${pct(ratio(speakerOk, withSource))} (${int(speakerOk)}/${int(withSource)})`],
      ['content F1, tune half / check half', `${dec(tune.contentF1)} / ${dec(check.contentF1)}`],
      ['speaker accuracy, tune half / check half', `${pct(tune.speakerAccuracy)} / ${pct(check.speakerAccuracy)}`],
    ],
    tables: [
      {
        title: 'Recall by kind of gold content (direct = in quotation marks)',
        head: ['gold kind', 'gold', 'matched', 'recall'],
        rows: [
          ['direct', int(gDirect), int(gDirectMatched), dec(ratio(gDirectMatched, gDirect))],
          ['indirect', int(gIndirect), int(gIndirectMatched), dec(ratio(gIndirectMatched, gIndirect))],
          ['all', int(gold), int(goldMatched), dec(c.recall)],
        ],
      },
      {
        title: 'Precision by casus quote kind (casus `direct` flag)',
        head: ['casus kind', 'quotes', 'matched', 'precision'],
        rows: [
          ['direct', int(quotesDirect), int(quotesDirectMatched), dec(ratio(quotesDirectMatched, quotesDirect))],
          [
            'indirect',
            int(quotes - quotesDirect),
            int(quotesMatched - quotesDirectMatched),
            dec(ratio(quotesMatched - quotesDirectMatched, quotes - quotesDirect)),
          ],
        ],
      },
    ],
    data: {
      articles: articles.length,
      content: c,
      tune,
      check,
      speaker: { correct: speakerOk, withSource, accuracy: ratio(speakerOk, withSource), matchedWithoutSpeaker: noSpeaker },
      recallDirect: { gold: gDirect, matched: gDirectMatched, recall: ratio(gDirectMatched, gDirect) },
      recallIndirect: { gold: gIndirect, matched: gIndirectMatched, recall: ratio(gIndirectMatched, gIndirect) },
      casusDirect: { quotes: quotesDirect, matched: quotesDirectMatched },
      failures: safe.failures,
    },
  };
  if (noSpeaker) res.figures.push(['matched contents with a gold Source but no casus speaker', int(noSpeaker)]);
  return res;
}
