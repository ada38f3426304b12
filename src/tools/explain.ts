import { createCoder } from '../pipeline.js';
import { POS_TAGS } from '../language/tokens.js';

/** `casus dict explain`: why a sentence was coded as it was, step by step. */
export function explain(sentence: string, date: string | null, dict: string[]): string {
  const coder = createCoder({ dict });
  const trace: string[] = [];
  const { doc, analysis: a } = coder.analyze({ id: 'explain', text: sentence, date }, trace);
  const t = a.tokens;
  const lines: string[] = [];
  lines.push(`dictionaries ${a.lexicon.version}; publication date ${date ?? 'none'}; article country ${a.mainCountry ?? 'none'}`);
  for (const s of a.sentences) {
    lines.push('', `sentence ${s.index} [${s.section}, ${s.kind}]: ${a.text.slice(s.start, s.end)}`);
    const toks: string[] = [];
    for (let i = s.first; i < s.last; i++) toks.push(`${t.value[i]}/${POS_TAGS[t.pos[i]!]}${t.lemma[i] !== t.lower[i] ? `(${t.lemma[i]})` : ''}`);
    lines.push(`  tokens: ${toks.join(' ')}`);
    for (const m of a.mentions) {
      if (t.sent[m.first] !== s.index) continue;
      const ent = a.entities[m.entity]!;
      lines.push(
        `  actor "${a.text.slice(m.start, m.end)}" -> ${m.code ?? '?'} (${m.kind}${m.strong ? '' : ', modifier'}${m.inferred ? ', country from the article' : ''}) entity ${ent.id} ${ent.name}${m.refs.length ? ` from ${[...new Set(m.refs)].join(', ')}` : ''}`,
      );
    }
  }
  lines.push('', 'patterns:');
  lines.push(...(trace.length ? trace : ['  no verb or noun of this text has a pattern']));
  lines.push('', `events (${doc.events.length}):`);
  for (const e of doc.events) {
    lines.push(
      `  ${e.source?.code ?? '-'} -> ${e.target?.code ?? '-'}  ${e.code} ${e.name} (Goldstein ${e.goldstein}, quad ${e.quad}, penta ${e.penta})  verb "${e.verb.text}" pattern ${e.pattern}${e.negated ? ' NEGATED' : ''}${e.modality !== 'asserted' ? ` ${e.modality}` : ''} voice ${e.attribution.kind}${e.attribution.speaker ? ` (${e.attribution.speaker.name})` : ''} confidence ${e.confidence}`,
    );
  }
  for (const m of doc.messages) lines.push(`  message ${m.level} ${m.code}: ${m.text}`);
  return lines.join('\n') + '\n';
}
