// Golden fixtures: every demo article's analysis, as pinned in test/fixtures/demo/ (see
// scripts/update-fixtures.ts). A difference is either a regression or an improvement to record.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Analyzer } from '../src/service/analyze.ts';
import { buildPipeline } from '../src/service/pipeline.ts';
import { loadResources } from '../src/service/resources.ts';
import { fixtureName, goldenView } from './golden.ts';

const root = new URL('..', import.meta.url).pathname;
const resources = loadResources();
const analyzer = new Analyzer(resources, buildPipeline(resources));
const records = [];
for await (const ev of analyzer.analyze([join(root, 'demo')])) if (ev.type === 'record') records.push(ev.record);

for (const r of records) {
  const file = join(root, 'test/fixtures/demo', `${fixtureName(r.source.path!)}.expected.json`);
  test(`demo fixture ${fixtureName(r.source.path!)} matches the golden analysis`, () => {
    assert.ok(existsSync(file), `no fixture ${file}: run scripts/update-fixtures.ts`);
    assert.deepEqual(goldenView(r), JSON.parse(readFileSync(file, 'utf8')));
  });
}
