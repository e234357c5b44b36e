// What each part of entity recognition adds: scores a span set (default ner-gmb-dev) with the tagger
// alone, the knowledge base (with rules) alone, tagger + KB, and everything.
//   npm run ner:ablation [-- --set ../shared/ext/ner-gmb-dev]
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Analyzer } from '../src/service/analyze.ts';
import { buildPipeline } from '../src/service/pipeline.ts';
import { loadResources } from '../src/service/resources.ts';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { set: { type: 'string', default: join(root, '../shared/ext/ner-gmb-dev') } } });
const set = resolve(values.set!);
const configs: [string, { kb: boolean; tagger: boolean; rules: boolean }][] = [
  ['tagger alone', { kb: false, tagger: true, rules: false }],
  ['KB + rules alone', { kb: true, tagger: false, rules: true }],
  ['tagger + KB', { kb: true, tagger: true, rules: false }],
  ['tagger + KB + rules', { kb: true, tagger: true, rules: true }],
];
mkdirSync(join(root, '.eval'), { recursive: true });
for (const [label, parts] of configs) {
  const resources = loadResources();
  resources.entities.parts = parts;
  const analyzer = new Analyzer(resources, buildPipeline(resources));
  const lines: string[] = [];
  for await (const ev of analyzer.analyze([join(set, 'docs')])) if (ev.type === 'record') lines.push(JSON.stringify(ev.record));
  const pred = join(root, '.eval', 'ablation.jsonl');
  writeFileSync(pred, `${lines.join('\n')}\n`);
  const r = spawnSync(process.execPath, [join(root, '../shared/eval/spans.mjs'), '--task', 'ner', '--set', set, '--pred', pred], { encoding: 'utf8' });
  console.log(`${label.padEnd(22)} ${r.stdout.split('\n').find((l) => l.startsWith('score:'))}`);
}
