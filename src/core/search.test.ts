import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Segmentation } from './document.ts';
import { firstIndexNotBefore, sentenceStartingBy } from './search.ts';

test('the first index not before a key in a sorted sequence, the length when every item is before', () => {
  const starts = [2, 5, 5, 9, 14];
  const from = (key: number) => firstIndexNotBefore(starts.length, (i) => starts[i]! < key);
  assert.equal(from(0), 0);
  assert.equal(from(5), 1);
  assert.equal(from(6), 3);
  assert.equal(from(14), 4);
  assert.equal(from(15), 5);
  assert.equal(firstIndexNotBefore(0, () => true), 0);
});

test('a token belongs to the last sentence starting at or before it, past empty sentences', () => {
  // Sentences start at tokens 0, 4, 4 (the second is empty) and 9.
  const seg = { sentenceCount: 4, sentenceTokenStart: Uint32Array.from([0, 4, 4, 9, 12]) } as unknown as Segmentation;
  assert.equal(sentenceStartingBy(seg, 0), 0);
  assert.equal(sentenceStartingBy(seg, 3), 0);
  assert.equal(sentenceStartingBy(seg, 4), 2);
  assert.equal(sentenceStartingBy(seg, 11), 3);
  const none = { sentenceCount: 0, sentenceTokenStart: Uint32Array.from([0]) } as unknown as Segmentation;
  assert.equal(sentenceStartingBy(none, 3), 0);
});
