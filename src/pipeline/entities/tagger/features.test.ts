import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentHistory } from './features.ts';

test('the document history gives the class a word was given most often', () => {
  const h = new DocumentHistory();
  h.record('Basra', 'B-PLACE');
  h.record('Basra', 'B-ORG');
  h.record('Basra', 'B-PLACE');
  assert.equal(h.feature('Basra'), 'dh=PLACE');
});

test('the document history breaks a tie in favour of the class seen first', () => {
  const h = new DocumentHistory();
  h.record('Hadi', 'B-PERSON');
  h.record('Hadi', 'O');
  assert.equal(h.feature('Hadi'), 'dh=PERSON');
  h.record('Hadi', 'O');
  assert.equal(h.feature('Hadi'), 'dh=O');
});

test('the document history keeps B- and I- labels of one type as one class', () => {
  const h = new DocumentHistory();
  h.record('Council', 'I-ORG');
  h.record('Council', 'O');
  h.record('Council', 'B-ORG');
  assert.equal(h.feature('Council'), 'dh=ORG');
});

test('the document history records capitalised words only', () => {
  const h = new DocumentHistory();
  h.record('forces', 'O');
  h.record('Émile', 'B-PERSON');
  assert.equal(h.feature('forces'), null);
  assert.equal(h.feature('Émile'), 'dh=PERSON');
  assert.equal(h.feature('unseen'), null);
});
