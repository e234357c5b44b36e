import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstPhraseAt, indexByFirstWord } from './phrases.ts';

const phrase = (text: string, tag = '') => ({ words: text.split(' '), tag });

test('phrases are indexed by their first word, longest first, equal lengths in the order given', () => {
  const index = indexByFirstWord([phrase('said'), phrase('said in a statement'), phrase('said on', 'a'), phrase('said to', 'b'), phrase('told')]);
  assert.deepEqual(index.get('said')!.map((p) => p.words.join(' ')), ['said in a statement', 'said on', 'said to', 'said']);
  assert.deepEqual(index.get('told')!.map((p) => p.words.join(' ')), ['told']);
  assert.equal(index.get('in'), undefined);
});

test('the phrase at a position is the longest whose words follow there, within the end', () => {
  const words = ['he', 'said', 'in', 'a', 'statement', 'that'];
  const word = (k: number) => words[k]!;
  const candidates = indexByFirstWord([phrase('said'), phrase('said in a statement'), phrase('said in a speech')]).get('said')!;
  assert.equal(firstPhraseAt(candidates, word, 1, words.length)?.words.join(' '), 'said in a statement');
  // A phrase running past the end does not match: the shorter one does.
  assert.equal(firstPhraseAt(candidates, word, 1, 4)?.words.join(' '), 'said');
  assert.equal(firstPhraseAt(indexByFirstWord([phrase('said in a speech')]).get('said')!, word, 1, words.length), null);
});
