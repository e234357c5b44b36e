// Scores a tagger model on a span set (default ner-gmb-dev): the tagger alone and the whole entity
// stage, for comparing training options before a model is committed.
//   node --import tsx scripts/ner-tune.ts --model /tmp/model.json
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Analyzer } from '../src/service/analyze.ts';
import { buildPipeline } from '../src/service/pipeline.ts';
import { loadResources, readWordClasses } from '../src/service/resources.ts';
import { TaggerModel, type SerializedModel } from '../src/pipeline/entities/tagger/perceptron.ts';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    set: { type: 'string', default: join(root, '../shared/ext/ner-gmb-dev') },
    model: { type: 'string' },
    all: { type: 'boolean', default: false },
    classes: { type: 'string', default: join(root, 'data/models/word-clusters.json') },
  },
});
const set = resolve(values.set!);
const json = values.model ? (JSON.parse(readFileSync(values.model, 'utf8')) as SerializedModel) : null;
const model = json ? TaggerModel.fromJSON(json, json.wordClasses ? readWordClasses(resolve(values.classes!)) : null) : null;
const configs: [string, { kb: boolean; tagger: boolean; rules: boolean }][] = [
  ['tagger alone', { kb: false, tagger: true, rules: false }],
  ['tagger + KB + rules', { kb: true, tagger: true, rules: true }],
];
mkdirSync(join(root, '.eval'), { recursive: true });
for (const [label, parts] of configs) {
  const resources = loadResources();
  if (model) resources.entities.tagger = model;
  resources.entities.parts = parts;
  const analyzer = new Analyzer(resources, buildPipeline(resources));
  const lines: string[] = [];
  for await (const ev of analyzer.analyze([join(set, 'docs')])) if (ev.type === 'record') lines.push(JSON.stringify(ev.record));
  const pred = join(root, '.eval', `tune-${parts.kb ? 'all' : 'tagger'}.jsonl`);
  writeFileSync(pred, `${lines.join('\n')}\n`);
  const r = spawnSync(process.execPath, [join(root, '../shared/eval/spans.mjs'), '--task', 'ner', '--set', set, '--pred', pred], { encoding: 'utf8' });
  if (values.all) console.log(r.stdout);
  console.log(`${label.padEnd(22)} ${r.stdout.split('\n').find((l) => l.startsWith('score:'))}`);
}
