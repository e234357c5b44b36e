// Induces the word classes the entity tagger uses as features and writes data/models/word-clusters.json.
// Input: unlabelled English news text, here the GMB training sentences and the shared news, framing and
// quotation texts (never the NER evaluation documents). Deterministic for the same input and options.
//
//   npm run train:clusters [-- --classes 512 --min-count 3]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { induceClusters } from '../src/pipeline/entities/tagger/clusters.ts';
import { TokenBuffer, tokenizeRange } from '../src/pipeline/segment/tokenize.ts';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '../shared');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(root, 'data/models/word-clusters.json') },
    classes: { type: 'string', default: '512' },
    'min-count': { type: 'string', default: '3' },
    iterations: { type: 'string', default: '15' },
  },
});

const sources: string[] = [];
const sentences: string[][] = [];
const buf = new TokenBuffer(4096);
function addLine(line: string): void {
  if (buf.start.length < line.length + 16) Object.assign(buf, new TokenBuffer(line.length + 16));
  buf.count = 0;
  tokenizeRange(line, 0, line.length, buf);
  const words: string[] = [];
  for (let i = 0; i < buf.count; i++) words.push(line.slice(buf.start[i]!, buf.end[i]!));
  if (words.length) sentences.push(words);
}
function addText(text: string): void {
  for (const line of text.split('\n')) if (line.trim()) addLine(line);
}
function addFolder(relative: string): void {
  const dir = join(shared, relative);
  if (!existsSync(dir)) return;
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) addText(readFileSync(join(dir, f), 'utf8'));
  sources.push(`${relative} (${files.length} files)`);
}

// GMB training sentences: tokens joined with spaces, then tokenized as tagging will see them.
const gmb = join(shared, 'ext/ner-gmb-train.tsv');
let tokens: string[] = [];
for (const line of readFileSync(gmb, 'utf8').split('\n')) {
  if (!line.trim()) {
    if (tokens.length) addLine(tokens.join(' '));
    tokens = [];
  } else tokens.push(line.slice(0, line.lastIndexOf('\t')));
}
sources.push('ext/ner-gmb-train.tsv');
addFolder('corpus/news');
addFolder('ext/framing-ptc-train/docs');
addFolder('ext/quotes-polnear-dev/docs');

const nTokens = sentences.reduce((s, x) => s + x.length, 0);
console.error(`train-clusters: ${sentences.length} sentences, ${nTokens} tokens`);
const clusters = induceClusters(sentences, {
  classes: Number(values.classes),
  minCount: Number(values['min-count']),
  iterations: Number(values.iterations),
  log: (l) => console.error(`train-clusters: ${l}`),
});
// One line of words per class keeps the file small and readable.
const byClass: string[][] = [];
for (const [w, c] of clusters) (byClass[c] ??= []).push(w);
const classes = byClass.map((ws) => ws ?? []);
const body = { format: 'sitrep-clusters@1', source: `exchange clustering of ${nTokens} tokens: ${sources.join(', ')}; ${values.classes} classes, words seen ${values['min-count']}+ times`, classes };
const json = `${JSON.stringify(body)}\n`;
writeFileSync(values.out!, json);
console.error(`train-clusters: wrote ${values.out} (${clusters.size} words, sha256 ${createHash('sha256').update(json).digest('hex').slice(0, 12)})`);
