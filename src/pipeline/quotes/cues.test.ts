import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCueIndex, findCues, firstCueFrom, type Cue, type ReportingLexicon } from './cues.ts';

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

test('a cue is the longest form or "according" phrase at a token, a form before a phrase of the same words', () => {
  const ix = buildCueIndex({
    verbs: [{ forms: ['pointed', 'pointed out'], complements: ['clause'] }, { forms: ['citing'], complements: ['obj'] }],
    according: ['according to', 'citing'],
    channels: [],
  });
  const words = 'he pointed out that , according to the citing'.split(' ');
  const lower = (t: number) => words[t] ?? '';
  const cues = findCues(lower, 0, words.length, ix, () => false, 0, (a, b) => words.slice(a, b + 1).join(' '));
  assert.deepEqual(cues.map((c) => [c.text, c.according, c.def !== null]), [['pointed out', false, true], ['according to', true, false]]);
  // "the citing" is a noun after a determiner, unless the determiner lies before the range; a form cut off
  // at the end of the range is not matched.
  assert.deepEqual(findCues(lower, 8, 9, ix, () => false, 0, () => '').map((c) => c.first), [8]);
  assert.deepEqual(findCues(lower, 0, 2, ix, () => false, 0, () => '').map((c) => [c.first, c.last]), [[1, 1]]);
});
