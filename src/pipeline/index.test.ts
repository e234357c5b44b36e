import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalysisDocument } from '../core/document.ts';
import { Pipeline, PipelineError } from './index.ts';
import type { Stage } from './stage.ts';

const stage = (name: string, requires: string[], provides: string[], run: (d: AnalysisDocument) => void = () => {}): Stage => ({ name, requires, provides, run });

test('pipeline build accepts stages whose requirements come earlier', () => {
  const p = Pipeline.build([stage('seg', ['text'], ['segments']), stage('ner', ['segments'], ['entities'])]);
  assert.equal(p.stages.length, 2);
  assert.ok(p.provides('entities'));
  assert.ok(!p.provides('quotes'));
});

test('pipeline build rejects a requirement provided only later, naming both stages', () => {
  assert.throws(() => Pipeline.build([stage('ner', ['segments'], ['entities']), stage('seg', ['text'], ['segments'])]),
    (e: Error) => e instanceof PipelineError && /"ner" requires "segments", which "seg" provides only after it/.test(e.message));
});

test('pipeline build rejects a requirement nobody provides and a layer provided twice', () => {
  assert.throws(() => Pipeline.build([stage('q', ['entities'], ['quotes'])]), /which no stage provides/);
  assert.throws(() => Pipeline.build([stage('a', ['text'], ['segments']), stage('b', ['text'], ['segments'])]), /both provide "segments"/);
});

test('pipeline runs stages in order and reports each stage to the timer', () => {
  const order: string[] = [];
  const p = Pipeline.build([stage('one', ['text'], ['x'], () => order.push('one')), stage('two', ['x'], ['y'], () => order.push('two'))]);
  const timed: string[] = [];
  p.run({ layers: new Map() } as unknown as AnalysisDocument, (name) => timed.push(name));
  assert.deepEqual(order, ['one', 'two']);
  assert.deepEqual(timed, ['one', 'two']);
});
