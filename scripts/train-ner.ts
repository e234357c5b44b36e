// Trains the named-entity tagger from the GMB training set and writes data/models/ner-perceptron.json.
// Deterministic: the same data, KB and options give the same model.
//
//   npm run train:ner [-- --train ../shared/ext/ner-gmb-train.tsv] [--epochs 8]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeBase } from '../src/kb/index.ts';
import { gazetteerLabels } from '../src/pipeline/entities/gazetteer.ts';
import { trainTagger, type TrainingSentence } from '../src/pipeline/entities/tagger/perceptron.ts';
import { TokenBuffer, tokenizeRange } from '../src/pipeline/segment/tokenize.ts';
import { loadResources, readWordClasses } from '../src/service/resources.ts';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    train: { type: 'string', default: join(root, '../shared/ext/ner-gmb-train.tsv') },
    out: { type: 'string', default: join(root, 'data/models/ner-perceptron.json') },
    epochs: { type: 'string', default: '12' },
    'min-count': { type: 'string', default: '1' },
    'min-weight': { type: 'string', default: '0.5' },
    seed: { type: 'string', default: '20261201' },
    classes: { type: 'string', default: join(root, 'data/models/word-clusters.json') },
    'no-classes': { type: 'boolean', default: false },
  },
});

const loaded = loadResources({ tagger: false });
const kb = new KnowledgeBase(loaded.kb);
const common = loaded.entities.commonWords;
const sentences = readGmb(resolve(values.train!));
console.error(`train-ner: ${sentences.length} sentences, KB of ${kb.size} entries`);
const labels = [...new Set(sentences.flatMap((s) => s.tags))].sort();
const classes = values['no-classes'] ? null : readWordClasses(resolve(values.classes!));
if (classes) console.error(`train-ner: word classes ${classes.digest}, ${classes.byWord.size} words`);
const model = trainTagger(sentences, labels, {
  epochs: Number(values.epochs),
  seed: Number(values.seed),
  minCount: Number(values['min-count']),
  log: (l) => console.error(`train-ner: ${l}`),
}, classes);
mkdirSync(dirname(values.out!), { recursive: true });
const trainedOn = `GMB 2.x (Kaggle NER corpus), sentences 10001-38367; ${values.epochs} epochs; seed ${values.seed}; weights below ${values['min-weight']} dropped${classes ? '; word classes of data/models/word-clusters.json' : ''}`;
writeFileSync(values.out!, `${JSON.stringify(model.toJSON(trainedOn, Number(values['min-weight'])))}\n`);

console.error(`train-ner: wrote ${values.out}`);

// GMB sentences are re-tokenized with Sitrep's own tokenizer (what tagging will see) and their labels
// carried over by character offsets.
function readGmb(path: string): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  let toks: string[] = [];
  let tags: string[] = [];
  // GMB sentences come in document order; windows of 25 consecutive sentences stand for documents, as
  // the evaluation sets cut them.
  const flush = () => {
    if (toks.length) out.push({ ...retokenize(toks, tags), doc: Math.floor(out.length / 25) });
    toks = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const tab = line.lastIndexOf('\t');
    toks.push(line.slice(0, tab));
    tags.push(line.slice(tab + 1).trim());
  }
  flush();
  return out;
}

function retokenize(gmbTokens: string[], gmbTags: string[]): Omit<TrainingSentence, 'doc'> {
  let text = '';
  const spans: [number, number][] = [];
  let openDouble = false;
  for (let i = 0; i < gmbTokens.length; i++) {
    const t = gmbTokens[i]!;
    const prev = gmbTokens[i - 1];
    const noSpaceBefore = /^(?:[,.;:!?)%]|'s|n't|'re|'ve|'ll|'d|'m)$/i.test(t) || prev === '(' || prev === '$' ||
      (t === '"' && openDouble) || (prev === '"' && !openDouble && i > 0 && text.endsWith('"'));
    if (t === '"') openDouble = !openDouble;
    if (text && !noSpaceBefore) text += ' ';
    spans.push([text.length, text.length + t.length]);
    text += t;
  }
  const buf = new TokenBuffer(gmbTokens.length + 8);
  tokenizeRange(text, 0, text.length, buf);
  const words: string[] = [];
  const tags: string[] = [];
  let g = 0;
  let lastGold = -1;
  for (let i = 0; i < buf.count; i++) {
    const s = buf.start[i]!;
    while (g + 1 < spans.length && spans[g]![1] <= s) g++;
    const tag = gmbTags[g] ?? 'O';
    words.push(text.slice(s, buf.end[i]!));
    // A GMB token split in several of ours: the first keeps B-, the rest continue with I-.
    tags.push(tag.startsWith('B-') && g === lastGold ? `I-${tag.slice(2)}` : tag);
    lastGold = g;
  }
  return { view: { words, gaz: gazetteerLabels(words, kb), common: words.map((w) => common.has(w.toLowerCase())) }, tags };
}
