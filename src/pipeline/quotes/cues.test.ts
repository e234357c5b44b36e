import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCueIndex, firstCueFrom, type Cue, type ReportingLexicon } from './cues.ts';

const lexicon = (patterns: string[]): ReportingLexicon => ({
  verbs: [{ forms: ['said'], complements: ['clause'] }],
  according: ['according to'],
  channels: patterns.map((pattern, i) => ({ pattern, channel: `c${i}` })),
});

test('the joined channel pattern matches where any one of the patterns matches, in any case', () => {
  const ix = buildCueIndex(lexicon(['in a statement|the statement', 'told reporters']));
  assert.ok(ix.anyChannel);
  for (const s of ['He said in a Statement.', 'She TOLD reporters so.', 'The statement read.']) assert.ok(ix.anyChannel.test(s), s);
  assert.ok(!ix.anyChannel.test('He said so in a speech.'));
});

test('patterns with back-references or named groups are not joined', () => {
  assert.equal(buildCueIndex(lexicon(['(a)\\1', 'b'])).anyChannel, null);
  assert.equal(buildCueIndex(lexicon(['(?<x>a)', 'b'])).anyChannel, null);
  assert.ok(buildCueIndex(lexicon(['(?<=in )a', 'b'])).anyChannel); // a lookbehind is no group
});

test('the first words of the cues are told apart by their shape', () => {
  const ix = buildCueIndex(lexicon([]));
  assert.ok(ix.firstWordShapes?.mayBe('Said', 0, 4));
  assert.ok(!ix.firstWordShapes?.mayBe('seed', 0, 4));
});

test('the first cue from a token is found among cues in text order', () => {
  const cue = (first: number, last: number): Cue => ({ first, last, text: '', def: null, according: false, sentence: 0 });
  const cues = [cue(2, 2), cue(5, 6), cue(9, 9)];
  assert.equal(firstCueFrom(cues, 0), 0);
  assert.equal(firstCueFrom(cues, 3), 1);
  assert.equal(firstCueFrom(cues, 5), 1);
  assert.equal(firstCueFrom(cues, 6), 2);
  assert.equal(firstCueFrom(cues, 10), 3);
  assert.equal(firstCueFrom([], 4), 0);
});
