/**
 * The wink-nlp baseline as a whole process (../shared/benchmarks/README.md): read a JSONL file, and for each
 * document run wink-nlp's default pipeline, count its sentences and read every token's part of speech.
 * Usage: node dist/bench/wink-pass.js FILE.jsonl  (prints the article count).
 */
import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node dist/bench/wink-pass.js FILE.jsonl\n');
  process.exit(2);
}
const nlp = winkNLP(model);
let articles = 0;
let tokens = 0;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = nlp.readDoc((JSON.parse(line) as { text: string }).text);
  doc.sentences().length();
  tokens += doc.tokens().out(nlp.its.pos).length;
  articles++;
}
process.stdout.write(`${articles} articles, ${tokens} tokens\n`);
