import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadResources } from '../../../service/resources.ts';
import { DocumentHistory } from './features.ts';
import { allowedTransitions, trainTagger } from './perceptron.ts';

const { entities } = loadResources();

test('the fast tagging path gives the reference path labels on real sentences', () => {
  const tagger = entities.tagger!;
  const text = readFileSync(new URL('../../../../demo/02-iran-denies-role-in-iraq-attacks.txt', import.meta.url), 'utf8');
  const sentences = text.split(/(?<=[.!?])\s+/).slice(0, 40).map((s) => s.split(/\s+|(?=[,.;:"“”()])/).filter(Boolean));
  const h1 = new DocumentHistory();
  const h2 = new DocumentHistory();
  for (const words of sentences) {
    const view = { words, gaz: words.map((w, i) => (i % 5 === 0 && /^[A-Z]/.test(w) ? 'B-PLACE' : '')), initial: words.map((_, i) => i === 0), common: words.map((w) => entities.commonWords.has(w.toLowerCase())) };
    assert.deepEqual(tagger.tag(view, h1), tagger.tagReference(view, h2), words.join(' '));
  }
});

test('an I- label only continues a B- or I- label of the same type', () => {
  const labels = ['O', 'B-PERSON', 'I-PERSON', 'B-ORG', 'I-ORG'];
  const a = allowedTransitions(labels);
  const ok = (p: string, c: string) => a[labels.indexOf(p) * labels.length + labels.indexOf(c)] === 1;
  assert.ok(ok('B-PERSON', 'I-PERSON'));
  assert.ok(ok('I-PERSON', 'I-PERSON'));
  assert.ok(!ok('O', 'I-PERSON'));
  assert.ok(!ok('B-ORG', 'I-PERSON'));
});

test('training is deterministic and learns a toy pattern', () => {
  const sentences = Array.from({ length: 40 }, (_, i) => ({
    view: { words: ['Mr', 'Alpha' + (i % 5), 'met', 'Beta' + (i % 3), 'in', 'Gamma'], gaz: ['', '', '', '', '', 'B-PLACE'] },
    tags: ['B-PERSON', 'I-PERSON', 'O', 'B-PERSON', 'O', 'B-PLACE'],
    doc: Math.floor(i / 10),
  }));
  const opts = { epochs: 4, seed: 7, minCount: 1 };
  const m1 = trainTagger(sentences, ['O', 'B-PERSON', 'I-PERSON', 'B-PLACE'], opts);
  const m2 = trainTagger(sentences, ['O', 'B-PERSON', 'I-PERSON', 'B-PLACE'], opts);
  assert.deepEqual(m1.toJSON('x'), m2.toJSON('x'));
  assert.deepEqual(m1.tag({ words: ['Mr', 'Alpha9', 'met', 'Beta9', 'in', 'Gamma'], gaz: ['', '', '', '', '', 'B-PLACE'] }), ['B-PERSON', 'I-PERSON', 'O', 'B-PERSON', 'O', 'B-PLACE']);
});
