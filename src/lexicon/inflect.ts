/**
 * English verb inflections, so a pattern's base form finds its verb even where the tagger
 * mislabels or leaves unlemmatised a past tense ("Chad sheltered", "Rwanda forgave").
 */
const IRREGULAR: Record<string, string[]> = {
  arise: ['arose', 'arisen'],
  bear: ['bore', 'borne'],
  beat: ['beat', 'beaten'],
  become: ['became'],
  begin: ['began', 'begun'],
  bind: ['bound'],
  bite: ['bit', 'bitten'],
  blow: ['blew', 'blown'],
  break: ['broke', 'broken'],
  bring: ['brought'],
  build: ['built'],
  buy: ['bought'],
  catch: ['caught'],
  choose: ['chose', 'chosen'],
  come: ['came'],
  deal: ['dealt'],
  draw: ['drew', 'drawn'],
  drive: ['drove', 'driven'],
  eat: ['ate', 'eaten'],
  fall: ['fell', 'fallen'],
  feed: ['fed'],
  feel: ['felt'],
  fight: ['fought'],
  find: ['found'],
  flee: ['fled'],
  fly: ['flew', 'flown'],
  forbid: ['forbade', 'forbidden'],
  foresee: ['foresaw', 'foreseen'],
  forgive: ['forgave', 'forgiven'],
  freeze: ['froze', 'frozen'],
  get: ['got', 'gotten'],
  give: ['gave', 'given'],
  go: ['went', 'gone'],
  grow: ['grew', 'grown'],
  hang: ['hung'],
  hear: ['heard'],
  hide: ['hid', 'hidden'],
  hold: ['held'],
  keep: ['kept'],
  know: ['knew', 'known'],
  lay: ['laid'],
  lead: ['led'],
  leave: ['left'],
  lend: ['lent'],
  lose: ['lost'],
  make: ['made'],
  mean: ['meant'],
  meet: ['met'],
  mislead: ['misled'],
  overrun: ['overran'],
  overthrow: ['overthrew', 'overthrown'],
  override: ['overrode', 'overridden'],
  pay: ['paid'],
  rebuild: ['rebuilt'],
  ride: ['rode', 'ridden'],
  rise: ['rose', 'risen'],
  run: ['ran'],
  say: ['said'],
  see: ['saw', 'seen'],
  seek: ['sought'],
  sell: ['sold'],
  send: ['sent'],
  shake: ['shook', 'shaken'],
  shoot: ['shot'],
  show: ['shown'],
  sink: ['sank', 'sunk'],
  sit: ['sat'],
  slay: ['slew', 'slain'],
  speak: ['spoke', 'spoken'],
  spend: ['spent'],
  stand: ['stood'],
  steal: ['stole', 'stolen'],
  strike: ['struck', 'stricken'],
  swear: ['swore', 'sworn'],
  sweep: ['swept'],
  take: ['took', 'taken'],
  teach: ['taught'],
  tear: ['tore', 'torn'],
  tell: ['told'],
  think: ['thought'],
  throw: ['threw', 'thrown'],
  undertake: ['undertook', 'undertaken'],
  understand: ['understood'],
  unfreeze: ['unfroze', 'unfrozen'],
  uphold: ['upheld'],
  wage: ['waged'],
  win: ['won'],
  withdraw: ['withdrew', 'withdrawn'],
  withhold: ['withheld'],
  write: ['wrote', 'written'],
  overtake: ['overtook', 'overtaken'],
  forsake: ['forsook', 'forsaken'],
  outrun: ['outran'],
  shut: ['shut'],
  cut: ['cut'],
  hit: ['hit'],
  put: ['put'],
  set: ['set'],
  let: ['let'],
  quit: ['quit'],
  spread: ['spread'],
  bid: ['bid'],
  cast: ['cast'],
  broadcast: ['broadcast'],
  upset: ['upset'],
  sweep_: [],
};

const VOWELS = /[aeiou]/;

/** Every inflected form of a (possibly multi-part, hyphenated) base verb. */
export function verbForms(base: string): string[] {
  const out = new Set<string>([base]);
  const add = (s: string): void => void out.add(s);
  for (const f of IRREGULAR[base] ?? []) add(f);
  // Third person.
  if (/(s|sh|ch|x|z|o)$/.test(base)) add(`${base}es`);
  else if (/[^aeiou]y$/.test(base)) add(`${base.slice(0, -1)}ies`);
  else add(`${base}s`);
  // Past and participles.
  if (base.endsWith('e')) {
    add(`${base}d`);
    add(base.endsWith('ee') ? `${base}ing` : `${base.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(base)) {
    add(`${base.slice(0, -1)}ied`);
    add(`${base}ing`);
  } else {
    add(`${base}ed`);
    add(`${base}ing`);
    const last = base[base.length - 1]!;
    if (/[bdgklmnprtv]$/.test(base) && VOWELS.test(base[base.length - 2] ?? '') && !VOWELS.test(base[base.length - 3] ?? 'a')) {
      add(`${base}${last}ed`);
      add(`${base}${last}ing`);
    }
  }
  return [...out];
}
