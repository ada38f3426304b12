/** quotes: attribution contents and speakers against PolNeAR dev. */
import type { Actor, Coder, Quote } from '../src/index.js';
import { readPolnear, type GoldContent } from './brat.js';
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
  const words = s.replace(/['’]s\b/giu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu);
  return words ? words[words.length - 1]! : '';
}

function speakerRight(sp: Actor | null, g: GoldContent): boolean {
  if (!sp || !g.source) return false;
  if (sp.start != null && sp.end != null && overlaps(sp.start, sp.end, g.source.start, g.source.end)) return true;
  const w = lastWord(sp.name ?? '');
  return w !== '' && w === lastWord(g.source.text);
}

export function runQuotes(coder: Coder): SectionResult {
  const dir = dataPath('quotes', 'polnear-dev');
  if (!dir) return missing('quotes', 'Quotes (PolNeAR dev)', 'quotes/polnear-dev/');
  const articles = readPolnear(dir);
  const safe = new SafeCoder(coder);
  let quotes = 0, quotesMatched = 0, quotesDirect = 0, quotesDirectMatched = 0;
  let gold = 0, goldMatched = 0, gDirect = 0, gDirectMatched = 0, withSource = 0, speakerOk = 0, noSpeaker = 0;
  for (const art of articles) {
    const doc = safe.code(art.name, art.text);
    const qs = doc?.quotes ?? [];
    quotes += qs.length;
    for (const q of qs) {
      const m = art.gold.some((g) => matches(q, g) > 0);
      if (q.direct) quotesDirect++;
      if (m) quotesMatched++;
      if (m && q.direct) quotesDirectMatched++;
    }
    for (const g of art.gold) {
      gold++;
      if (g.direct) gDirect++;
      let best: Quote | null = null, bestOv = 0;
      for (const q of qs) {
        const ov = matches(q, g);
        if (ov > bestOv) (best = q), (bestOv = ov);
      }
      if (!best) continue;
      goldMatched++;
      if (g.direct) gDirectMatched++;
      if (g.source) {
        withSource++;
        if (!best.speaker) noSpeaker++;
        if (speakerRight(best.speaker, g)) speakerOk++;
      }
    }
  }
  const c = prfSplit(quotesMatched, quotes, goldMatched, gold);
  const gIndirect = gold - gDirect, gIndirectMatched = goldMatched - gDirectMatched;
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
          ['indirect', int(quotes - quotesDirect), int(quotesMatched - quotesDirectMatched), dec(ratio(quotesMatched - quotesDirectMatched, quotes - quotesDirect))],
        ],
      },
    ],
    data: {
      articles: articles.length, content: c,
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
