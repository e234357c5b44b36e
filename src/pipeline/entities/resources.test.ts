import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LabelIndex, PhraseSet } from './resources.ts';

test('a phrase set finds the longest phrase starting at a position', () => {
  const set = new PhraseSet(['air base', 'air', 'air base complex', 'naval base']);
  const keys = ['the', 'air', 'base', 'complex', 'gate'];
  assert.equal(set.longestStartingAt(keys, 1), 3);
  assert.equal(set.longestStartingAt(['air', 'base'], 0), 2);
  assert.equal(set.longestStartingAt(['air', 'strip'], 0), 1);
  assert.equal(set.longestStartingAt(keys, 0), 0);
  assert.equal(set.longestStartingAt(keys, 5), 0);
});

test('a phrase set finds the longest phrase ending at a position, looking left', () => {
  const set = new PhraseSet(['base', 'air base', 'naval air base']);
  assert.equal(set.longestEndingAt(['the', 'naval', 'air', 'base'], 3), 3);
  assert.equal(set.longestEndingAt(['an', 'air', 'base'], 2), 2);
  assert.equal(set.longestEndingAt(['a', 'base'], 1), 1);
  assert.equal(set.longestEndingAt(['air', 'base', 'road'], 2), 0);
});

test('a phrase set compares token keys: case and apostrophes are folded', () => {
  const set = new PhraseSet(["Kata'ib Unit"]);
  assert.ok(set.has(['kataib', 'unit']));
  assert.equal(set.longestStartingAt(['kataib', 'unit'], 0), 2);
});

test('a label index walks the words of its labels from their first word', () => {
  const labels = new LabelIndex([{ text: 'the usurping regime', refersTo: 'x' }, { text: 'the regime', refersTo: 'y' }, { text: 'a label of nothing', refersTo: null }]);
  assert.equal(labels.size, 2);
  assert.ok(labels.firstWords.has('the'));
  assert.ok(!labels.firstWords.has('a'));
  const usurping = labels.root.next.get('the')?.next.get('usurping')?.next.get('regime');
  assert.equal(usurping?.refersTo, 'x');
  assert.equal(labels.root.next.get('the')?.next.get('regime')?.refersTo, 'y');
});
