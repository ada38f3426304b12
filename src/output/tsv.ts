import type { Actor, Document, Event } from '../document/types.js';
import { eventType, type ViewOptions } from './rows.js';

/** GDELT-like columns, then casus's own. */
export const TSV_COLUMNS = [
  'GlobalEventID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor1Type1Code',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'Actor2Type1Code',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'PentaClass',
  'GoldsteinScale',
  'ActionGeo_Type',
  'ActionGeo_FullName',
  'ActionGeo_CountryCode',
  'ActionGeo_ADM1Code',
  'ActionGeo_Lat',
  'ActionGeo_Long',
  'DATEADDED',
  'SOURCEURL',
  'DocID',
  'Sentence',
  'Verb',
  'VerbStart',
  'VerbEnd',
  'Reciprocal',
  'Modality',
  'Voice',
  'Speaker',
  'DatePrecision',
  'DateFrom',
  'PloverType',
  'PloverMode',
  'PloverContext',
  'Pattern',
  'Confidence',
  'EventType',
] as const;

const clean = (v: unknown): string => (v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' '));
const GEO_TYPE = { country: 1, admin1: 2, city: 4 } as const;

function actorCols(a: Actor | null): string[] {
  return a ? [a.code ?? '', a.name, a.country ?? '', a.sector ?? ''] : ['', '', '', ''];
}

export function tsvHeader(): string {
  return TSV_COLUMNS.join('\t') + '\n';
}

function fractionDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const doy = (Date.UTC(y, m - 1, day) - Date.UTC(y, 0, 1)) / 86400000 + 1;
  return (y + doy / 365).toFixed(4);
}

export function formatTsv(doc: Document, events: Event[], opts: ViewOptions): string {
  const lines: string[] = [];
  for (const e of events) {
    const d = e.date ?? '';
    const loc = e.location;
    const base = e.code.length === 4 ? e.code.slice(0, 3) : e.code;
    const cols = [
      e.id,
      d.replace(/-/g, ''),
      d.slice(0, 7).replace('-', ''),
      d.slice(0, 4),
      d ? fractionDate(d) : '',
      ...actorCols(e.source),
      ...actorCols(e.target),
      e.sentence === 0 ? 1 : 0,
      e.code,
      base,
      e.root,
      e.quad,
      e.penta,
      e.goldstein,
      loc ? GEO_TYPE[loc.precision] : 0,
      loc?.name ?? '',
      loc?.country ?? '',
      loc?.admin1 ?? '',
      loc?.lat ?? '',
      loc?.lon ?? '',
      doc.date?.replace(/-/g, '') ?? '',
      doc.url ?? '',
      doc.id,
      e.sentence,
      e.verb.text,
      e.verb.start,
      e.verb.end,
      e.reciprocal ? 1 : 0,
      e.modality,
      e.attribution.kind,
      e.attribution.speaker?.name ?? '',
      e.datePrecision ?? '',
      e.dateFrom ?? '',
      e.plover?.type ?? '',
      e.plover?.mode ?? '',
      e.plover?.context ?? '',
      e.pattern,
      e.confidence,
      eventType(e, opts.ontology),
    ];
    lines.push(cols.map(clean).join('\t'));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
