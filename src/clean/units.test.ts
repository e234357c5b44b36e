import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countWords, splitUnits, wordStartFromEnd } from './units.ts';

test('the k-th word start from the end tells where more than k words remain', () => {
  const text = 'One two  three.\tFour — five\u00a0six © seven\u2003eight nine ten';
  for (let k = 1; k <= 12; k++) {
    const limit = wordStartFromEnd(text, k);
    for (let at = 1; at < text.length; at++) {
      const startsWord = text[at - 1]!.trim() === '' && text[at]!.trim() !== '';
      if (startsWord) assert.equal(countWords(text, at) > k, at < limit, `k=${k} at=${at}`);
    }
  }
});

test('a text with fewer words than asked has no such word start', () => {
  assert.equal(wordStartFromEnd('only three words', 3), -1);
  assert.equal(wordStartFromEnd('only three words', 2), 5);
  assert.equal(wordStartFromEnd('', 1), -1);
});

test('units split without counting words have the same bounds and no count', () => {
  const raw = 'Headline here\n\nA first paragraph with several words in it.\nA second line of it.\n\n\nLast one';
  const counted = splitUnits(raw);
  const bare = splitUnits(raw, { countWords: false });
  assert.deepEqual(bare.map((u) => [u.start, u.end, u.text]), counted.map((u) => [u.start, u.end, u.text]));
  assert.ok(bare.every((u) => u.words === -1));
  assert.deepEqual(counted.map((u) => u.words), [2, 8, 5, 2]);
});
