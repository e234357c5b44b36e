// Rewrites the golden fixtures of the demo corpus (test/fixtures/demo/*.expected.json) from the current
// analyzer. Run it after an intended change and read the diff before committing it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer } from '../src/service/analyze.ts';
import { buildPipeline } from '../src/service/pipeline.ts';
import { loadResources } from '../src/service/resources.ts';
import { fixtureName, goldenView } from '../test/golden.ts';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test/fixtures/demo');
mkdirSync(out, { recursive: true });
const resources = loadResources();
const analyzer = new Analyzer(resources, buildPipeline(resources));
let n = 0;
for await (const ev of analyzer.analyze([join(root, 'demo')])) {
  if (ev.type !== 'record') continue;
  writeFileSync(join(out, `${fixtureName(ev.record.source.path!)}.expected.json`), `${JSON.stringify(goldenView(ev.record), null, 2)}\n`);
  n++;
}
console.log(`wrote ${n} fixtures to ${out}`);
