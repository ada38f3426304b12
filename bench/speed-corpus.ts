/** The speed corpus: the PolNeAR dev texts in file-name order, repeated until at least 4 MB (UTF-8) of text. */
import { readPolnearTexts } from './brat.js';

export const SPEED_MIN_BYTES = 4_000_000;
/** The long speed corpus: the same texts repeated to at least 32 MB. */
export const LONG_MIN_BYTES = 32_000_000;
/** Articles each system codes before the clock starts (not counted). */
export const WARMUP_ARTICLES = 20;

export interface SpeedArticle {
  id: string;
  text: string;
}

export function buildSpeedCorpus(dir: string, minBytes = SPEED_MIN_BYTES): { articles: SpeedArticle[]; bytes: number; distinct: number } {
  const texts = readPolnearTexts(dir);
  const articles: SpeedArticle[] = [];
  let bytes = 0;
  if (!texts.length) return { articles, bytes, distinct: 0 };
  for (let i = 0; bytes < minBytes; i++) {
    const t = texts[i % texts.length]!;
    articles.push({ id: `${t.name}#${Math.floor(i / texts.length) + 1}`, text: t.text });
    bytes += Buffer.byteLength(t.text, 'utf8');
  }
  return { articles, bytes, distinct: texts.length };
}
