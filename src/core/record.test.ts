import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Analyzer } from '../service/analyze.ts';
import { buildPipeline } from '../service/pipeline.ts';
import { loadResources } from '../service/resources.ts';
import { analysisRecordSchema, type AnalysisRecord } from './record.ts';

const contract = JSON.parse(readFileSync(new URL('../../schema/analysis.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: false }).compile(contract);
const resources = loadResources();
const analyzer = new Analyzer(resources, buildPipeline(resources));

async function demoRecords(): Promise<AnalysisRecord[]> {
  const out: AnalysisRecord[] = [];
  for await (const ev of analyzer.analyze([new URL('../../demo', import.meta.url).pathname])) {
    assert.equal(ev.type, 'record', ev.type === 'failure' ? `${ev.path}: ${ev.reason}` : '');
    if (ev.type === 'record') out.push(ev.record);
  }
  return out;
}

test('every demo record validates against the JSON Schema contract and the zod schema', async () => {
  const records = await demoRecords();
  assert.ok(records.length >= 10);
  for (const r of records) {
    assert.ok(validate(r), `${r.source.path}: ${JSON.stringify(validate.errors)}`);
    assert.ok(analysisRecordSchema.safeParse(r).success, r.source.path ?? '');
  }
});

test('record ids come from the input bytes', async () => {
  const [a, b] = [await demoRecords(), await demoRecords()];
  assert.deepEqual(a.map((r) => r.docId), b.map((r) => r.docId));
  assert.equal(new Set(a.map((r) => r.docId)).size, a.length);
});
