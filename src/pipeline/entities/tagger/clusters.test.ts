import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classOf, clusterKey, induceClusters, wordClassesFromJSON } from './clusters.ts';

// A toy corpus: two kinds of words (animals and places) in two kinds of frames.
const sentences: string[][] = [];
for (const animal of ['cat', 'dog', 'horse', 'goat']) {
  for (const place of ['Paris', 'Rome', 'Oslo', 'Lima']) {
    sentences.push(['the', animal, 'slept', 'in', place, '.'], ['a', animal, 'ran', 'to', place, '.']);
  }
}

test('words that occur in the same contexts get the same class', () => {
  const classes = induceClusters(sentences, { classes: 6, minCount: 2, iterations: 10 });
  const animals = new Set(['cat', 'dog', 'horse', 'goat'].map((w) => classes.get(w)));
  const places = new Set(['Paris', 'Rome', 'Oslo', 'Lima'].map((w) => classes.get(w)));
  assert.equal(animals.size, 1);
  assert.equal(places.size, 1);
  assert.notDeepEqual([...animals], [...places]);
});

test('class induction is deterministic', () => {
  const options = { classes: 5, minCount: 2, iterations: 6 };
  assert.deepEqual([...induceClusters(sentences, options)], [...induceClusters(sentences, options)]);
});

test('words seen fewer times than the minimum get no class', () => {
  const classes = induceClusters([...sentences, ['the', 'yak', 'slept']], { classes: 4, minCount: 2, iterations: 3 });
  assert.equal(classes.has('yak'), false);
  assert.equal(classOf({ byWord: classes, digest: 'x' }, 'yak'), -1);
});

test('class keys fold digits and curly apostrophes', () => {
  assert.equal(clusterKey('1984'), '0000');
  assert.equal(clusterKey('Kata’ib'), "Kata'ib");
});

test('a word-class file of another format is refused', () => {
  assert.throws(() => wordClassesFromJSON({ format: 'other' } as never, 'x'), /unknown word-class format/);
});
