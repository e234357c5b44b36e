import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentText } from '../segment/index.ts';
import type { Abbreviations } from '../segment/sentences.ts';
import { computeWords, wordsOf, wordSlot } from './index.ts';

const abbreviations: Abbreviations = { title: new Set(), month: new Set(), inner: new Set(), terminal: new Set(), openers: new Set() };

function words(text: string) {
  return computeWords(text, segmentText(text, abbreviations));
}

test('every occurrence of a word shares one word type', () => {
  const w = words('The convoy stopped. The convoy turned back.');
  const the = w.text.map((t, i) => [t, i] as const).filter(([t]) => t === 'The').map(([, i]) => i);
  assert.equal(the.length, 2);
  assert.equal(w.types[the[0]!], w.types[the[1]!]);
});

test('thousands of distinct words each keep their own type, and repeats find it again', () => {
  const vocabulary = Array.from({ length: 6000 }, (_, i) => `w${i.toString(36)}x${(i * 7919) % 6007}`);
  const first = words(vocabulary.join(' '));
  const again = words([...vocabulary].reverse().join(' '));
  assert.equal(new Set(first.types).size, vocabulary.length);
  first.types.forEach((type, i) => {
    assert.equal(type.text, vocabulary[i]);
    assert.equal(again.types[vocabulary.length - 1 - i], type);
  });
});

test('two words whose character hashes collide stay two word types', () => {
  // "w0m65v" and "w1a23a" have the same 32-bit FNV-1a hash and the same length.
  const w = words('w0m65v w1a23a w0m65v');
  assert.notEqual(w.types[0], w.types[1]);
  assert.equal(w.types[1]!.text, 'w1a23a');
  assert.equal(w.types[2], w.types[0]);
});

test('a word type carries the token text and its lower-case form', () => {
  const w = words('Kabul airport');
  assert.deepEqual(w.text, ['Kabul', 'airport']);
  assert.deepEqual(w.lower, ['kabul', 'airport']);
  assert.equal(w.types[0]!.lower, 'kabul');
});

test('memo slots are distinct per caller and persist on the word type', () => {
  const a = wordSlot();
  const b = wordSlot();
  assert.notEqual(a, b);
  const first = words('Mosul fell.');
  first.types[0]!.memo[a] = 'seen';
  assert.equal(words('Mosul again.').types[0]!.memo[a], 'seen');
  assert.equal(words('Mosul again.').types[0]!.memo[b], undefined);
});

test('wordsOf computes the layer once for a document without a words stage', () => {
  const text = 'Two drones were shot down.';
  const doc = { text, segments: segmentText(text, abbreviations) } as { text: string; segments: ReturnType<typeof segmentText>; words?: ReturnType<typeof computeWords> };
  const w = wordsOf(doc);
  assert.equal(doc.words, w);
  assert.equal(wordsOf(doc), w);
  assert.equal(w.text.length, doc.segments.tokenCount);
});
