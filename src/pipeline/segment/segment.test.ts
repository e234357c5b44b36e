import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadResources } from '../../service/resources.ts';
import { segmentText } from './index.ts';

const { abbreviations } = loadResources();
const sentences = (text: string): string[] => {
  const s = segmentText(text, abbreviations);
  return Array.from({ length: s.sentenceCount }, (_, i) => text.slice(s.sentences[2 * i]!, s.sentences[2 * i + 1]!));
};
const tokens = (text: string): string[] => {
  const s = segmentText(text, abbreviations);
  return Array.from({ length: s.tokenCount }, (_, i) => text.slice(s.tokenStart[i]!, s.tokenEnd[i]!));
};

test('sentences do not end at titles and ranks (Gen., Lt., Brig.)', () => {
  assert.deepEqual(sentences('Lt. Gen. Adams met Brig. Gen. Noor. They spoke.'), ['Lt. Gen. Adams met Brig. Gen. Noor.', 'They spoke.']);
});

test('sentences do not end at initials or at a month before a day', () => {
  assert.deepEqual(sentences('John F. Kennedy died on Nov. 22, 1963. He was 46.'), ['John F. Kennedy died on Nov. 22, 1963.', 'He was 46.']);
});

test('U.S. ends a sentence only when a sentence opener follows', () => {
  assert.deepEqual(sentences('Troops left the U.S. The base closed.'), ['Troops left the U.S.', 'The base closed.']);
  assert.deepEqual(sentences('The U.S. Navy said the U.S. Army agreed.'), ['The U.S. Navy said the U.S. Army agreed.']);
});

test('a closing quotation mark stays with its sentence; a lower-case reporting clause continues it', () => {
  assert.deepEqual(sentences('“We will respond.” The group said so. “Why?” he asked.'), ['“We will respond.”', 'The group said so.', '“Why?” he asked.']);
});

test('a closing parenthesis after the period stays with the sentence', () => {
  assert.deepEqual(sentences('The strike hit a depot (the third this week.) Nobody was hurt.'), ['The strike hit a depot (the third this week.)', 'Nobody was hurt.']);
});

test('decimals, thousands and times do not split', () => {
  assert.deepEqual(sentences('About 2.5 million people fled, and 33,634 died by 10:30 p.m. on Monday.'), ['About 2.5 million people fled, and 33,634 died by 10:30 p.m. on Monday.']);
});

test('a paragraph without final punctuation is a sentence; sentences never cross paragraphs', () => {
  assert.deepEqual(sentences('Strike on the base\n\nThe attack came at dawn'), ['Strike on the base', 'The attack came at dawn']);
});

test('tokens keep transliterated names, hyphenated words and initialisms whole, and split possessives', () => {
  assert.deepEqual(tokens('Kata’ib Hezbollah’s al-Muhandis and the U.S.-led force'), ['Kata’ib', 'Hezbollah', '’s', 'al-Muhandis', 'and', 'the', 'U.S.', '-', 'led', 'force']);
  assert.deepEqual(tokens("Iran's 24-hour truce: 1,000 troops (5%)"), ['Iran', "'s", '24-hour', 'truce', ':', '1,000', 'troops', '(', '5', '%', ')']);
});

test('non-breaking spaces separate tokens', () => {
  assert.deepEqual(tokens('US\u00a0coalition'), ['US', 'coalition']);
});
