import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Segmentation, WordType } from '../../core/document.ts';
import { buildTriggerIndex } from './triggers.ts';
import { tokenClasses, tokenMarks, triggersOpenedBy, W } from './word-classes.ts';

const word = (text: string): WordType => ({ text, lower: text.toLowerCase(), memo: [] });

test('a word carries the classes of its patterns and of the trigger lexicon', () => {
  const index = buildTriggerIndex({ triggers: [{ type: 'ASSAULT', verbs: ['struck', 'killed'], nouns: ['drone strike', 'raid'] }], modes: { drone: 'drone strike' } });
  const [killed, raid, drone, comma] = tokenClasses(['killed', 'raid', 'drone', ','].map(word), index);
  assert.ok(killed! & W.killing && killed! & W.victimVerb);
  assert.ok(killed! & W.opensAttack);
  assert.equal(killed! & W.attackNotToll, 0, 'a word of death opens no attack of its own in a toll sentence');
  assert.ok(raid! & W.opensTrigger && raid! & W.opensAttack && raid! & W.attackNotToll);
  assert.ok(drone! & W.opensAttack && drone! & W.modeCue);
  assert.equal(drone! & W.attackNotToll, 0, 'only "drone strike" opens with "drone"');
  assert.ok(comma! & W.agentStop);
});

test('capitals and a closing "no" are read from the word as written', () => {
  const index = buildTriggerIndex({ triggers: [], modes: {} });
  const [baghdad, capitalised, no, hyphenated, piano] = tokenClasses(['BAGHDAD', 'Baghdad', 'No', 'al-no', 'piano'].map(word), index);
  assert.ok(baghdad! & W.upperWord);
  assert.equal(capitalised! & W.upperWord, 0);
  assert.ok(no! & W.noWord && hyphenated! & W.noWord);
  assert.equal(piano! & W.noWord, 0);
});

test('one-character tokens are marked by their character', () => {
  const text = 'Hit, then left.';
  const seg = { tokenCount: 5, tokenStart: Uint32Array.from([0, 3, 5, 10, 14]), tokenEnd: Uint32Array.from([3, 4, 9, 14, 15]) } as unknown as Segmentation;
  assert.deepEqual([...tokenMarks(text, seg)], [0, 0x2c, 0, 0, 0x2e]);
});

test('a word type keeps its classes apart for each trigger lexicon', () => {
  const raid = word('raid');
  const attacks = buildTriggerIndex({ triggers: [{ type: 'ASSAULT', nouns: ['raid'] }], modes: {} });
  const protests = buildTriggerIndex({ triggers: [{ type: 'PROTEST', nouns: ['raid'] }], modes: {} });
  assert.ok(tokenClasses([raid], attacks)[0]! & W.opensAttack);
  assert.equal(tokenClasses([raid], protests)[0]! & W.opensAttack, 0);
  assert.ok(tokenClasses([raid], protests)[0]! & W.opensTrigger);
});

test('a word type gives the trigger entries it opens, apart for each trigger lexicon, and none for other words', () => {
  const drone = word('Drone');
  const attacks = buildTriggerIndex({ triggers: [{ type: 'ASSAULT', nouns: ['drone strike', 'drone'] }], modes: {} });
  const protests = buildTriggerIndex({ triggers: [{ type: 'PROTEST', verbs: ['rallied'] }], modes: {} });
  assert.deepEqual(triggersOpenedBy(drone, attacks)?.map((e) => e.words.join(' ')), ['drone strike', 'drone']);
  assert.equal(triggersOpenedBy(drone, attacks), attacks.byFirst.get('drone'));
  assert.equal(triggersOpenedBy(drone, protests), undefined);
  assert.equal(triggersOpenedBy(word('piano'), attacks), undefined);
});
