/**
 * `npm run seed`: the acceptance checks of issues 2-6 on ../shared/seed/iraq-troops-article.txt
 * (read at run time, never copied). Prints each check with PASS or FAIL; exits 1 if any fails.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { code, type Event } from '../src/index.js';

const path = resolve(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared', 'seed', 'iraq-troops-article.txt');
let text: string;
try {
  text = readFileSync(path, 'utf8');
} catch {
  console.error(`seed: ${path} not found`);
  process.exit(1);
}
const [doc] = code({ id: 'seed', text, date: '2020-01-11' });
const events = doc!.events.filter((e) => !e.negated);
const sentenceOf = (e: Event): string => doc!.sentences[e.sentence]!.text;
const has = (src: RegExp, tgt: RegExp, roots: string[], where: RegExp): Event | undefined =>
  events.find((e) => src.test(e.source?.code ?? '') && tgt.test(e.target?.code ?? '') && roots.includes(e.root) && where.test(sentenceOf(e)));
let failed = 0;
const check = (name: string, ok: unknown, detail = ''): void => {
  if (!ok) failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `  (${detail})` : ''}`);
};
const show = (e: Event | undefined): string =>
  e ? `${e.source?.code} -> ${e.target?.code} ${e.code} "${e.verb.text}" ${e.date} ${e.location?.name ?? ''}` : 'none';

const e1 = has(/^USA/, /^IRQ/, ['12'], /\brejected\b/);
check("1 U.S. rejects Iraq's request", e1, show(e1));
const e2 = has(/^IRQ/, /^USA/, ['10', '16'], /parliament/);
check('2 Iraqi parliament votes to end U.S. presence', e2, show(e2));
const e3 = has(/^USA/, /^IRN/, ['18', '19'], /drone/);
check('3 U.S. drone strike kills Suleimani', e3, show(e3));
const e4 = has(/^IRQ(OPP|CVL)/, /^IRQGOV/, ['10', '14'], /demonstrators/);
check('4 demonstrators demand of the government', e4, show(e4));
const e5 = has(/^IRN/, /^(IRQ|USA)/, ['18', '19'], /missiles/);
check("5 Iran's missiles hit bases in Iraq", e5, show(e5));
const e6 = has(/^USA/, /^IRQ/, ['12'], /dismissed/);
check('6 State Department dismisses the request', e6, show(e6));
const e7 = has(/^IRQ/, /^(USA|IRN)/, ['11', '12'], /violations/);
check('7 Abdul-Mahdi rejects violations by the U.S. and Iran', e7, show(e7));
const sul = doc!.actors.find((a) => a.mentions.some((m) => m.text.includes('Suleimani')));
check(
  'Suleimani and Soleimani are one entity',
  sul?.mentions.some((m) => m.text.includes('Soleimani')),
  sul?.mentions.map((m) => m.text).join(' | '),
);

const kindOf = (start: string): string | undefined => doc!.sentences.find((s) => s.text.startsWith(start))?.kind;
for (const s of ['Pompeo is stalling', 'Rightly', 'Besides']) check(`"${s}..." is opinion`, kindOf(s) === 'opinion', kindOf(s));
for (const s of ['There are 5200', 'On Friday']) check(`"${s}..." is reported`, kindOf(s) === 'reported', kindOf(s));
const quoteBy = (start: string): string | undefined => doc!.quotes.find((q) => q.text.startsWith(start))?.speaker?.name;
check('"Any delegation sent to Iraq..." by Morgan Ortagus', /Ortagus/.test(quoteBy('Any delegation') ?? ''), quoteBy('Any delegation'));
check('"We want to be a friend..." by Morgan Ortagus', /Ortagus/.test(quoteBy('We want to be') ?? ''), quoteBy('We want to be'));
check('"send delegates to Iraq..." by Abdul-Mahdi', /Mahdi/.test(quoteBy('send delegates') ?? ''), quoteBy('send delegates'));

check("the parliament's vote is dated 2020-01-05", e2?.date === '2020-01-05', e2?.date ?? '');
check("the State Department's dismissal is dated 2020-01-10", e6?.date === '2020-01-10', e6?.date ?? '');
check("Iran's missile strike is placed in Iraq", e5?.location?.country === 'IRQ', e5?.location ? `${e5.location.name} ${e5.location.country}` : 'no location');
console.log(`\n${failed ? `${failed} checks failed` : 'all seed checks pass'}`);
process.exit(failed ? 1 : 0);
