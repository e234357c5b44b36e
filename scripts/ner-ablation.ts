// What each part of entity recognition adds: scores a span set (default ner-gmb-dev) and the dev seeds
// with the tagger alone, the knowledge base (with rules) alone, tagger + KB, and everything. With
// --model, a tagger model file (and --classes, its word classes) stands in for the committed one, to
// compare training options before a model is committed.
//   npm run ner:ablation [-- --set ../shared/ext/ner-gmb-dev] [--model /tmp/ner.json --classes FILE]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Analyzer } from '../src/service/analyze.ts';
import { buildPipeline } from '../src/service/pipeline.ts';
import { loadResources, readWordClasses } from '../src/service/resources.ts';
import { TaggerModel, type SerializedModel } from '../src/pipeline/entities/tagger/perceptron.ts';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '../shared');
const { values } = parseArgs({
  options: {
    set: { type: 'string', default: join(shared, 'ext/ner-gmb-dev') },
    model: { type: 'string' },
    classes: { type: 'string', default: join(root, 'data/models/word-clusters.json') },
  },
});
const set = resolve(values.set!);
const json = values.model ? (JSON.parse(readFileSync(values.model, 'utf8')) as SerializedModel) : null;
const model = json ? TaggerModel.fromJSON(json, json.wordClasses ? readWordClasses(resolve(values.classes!)) : null) : null;
const seeds = join(shared, 'corpus/seeds');
const configs: [string, { kb: boolean; tagger: boolean; rules: boolean }][] = [
  ['tagger alone', { kb: false, tagger: true, rules: false }],
  ['KB + rules alone', { kb: true, tagger: false, rules: true }],
  ['tagger + KB', { kb: true, tagger: true, rules: false }],
  ['tagger + KB + rules', { kb: true, tagger: true, rules: true }],
];
mkdirSync(join(root, '.eval'), { recursive: true });

async function analyzeTo(input: string, out: string, parts: { kb: boolean; tagger: boolean; rules: boolean }): Promise<void> {
  const resources = loadResources();
  if (model) resources.entities.tagger = model;
  resources.entities.parts = parts;
  const analyzer = new Analyzer(resources, buildPipeline(resources));
  const lines: string[] = [];
  for await (const ev of analyzer.analyze([input])) if (ev.type === 'record') lines.push(JSON.stringify(ev.record));
  writeFileSync(out, `${lines.join('\n')}\n`);
}

function scoreLine(script: string, args: string[], keep: RegExp): string {
  const r = spawnSync(process.execPath, [join(shared, 'eval', script), ...args], { encoding: 'utf8' });
  const line = r.stdout.split('\n').find((l) => l.startsWith('score:')) ?? '';
  return line.split(' ').filter((f) => keep.test(f)).join(' ');
}

for (const [label, parts] of configs) {
  const pred = join(root, '.eval', 'ablation.jsonl');
  await analyzeTo(join(set, 'docs'), pred, parts);
  const ner = scoreLine('spans.mjs', ['--task', 'ner', '--set', set, '--pred', pred], /^ner\.(f1|p|r)=/);
  await analyzeTo(seeds, pred, parts);
  const dev = scoreLine('score.mjs', ['--gold', join(shared, 'gold/dev'), '--pred', pred, '--corpus', seeds], /^(entities\.f1|events\.f1)=/);
  console.log(`${label.padEnd(22)} ${ner} | dev ${dev}`);
}
