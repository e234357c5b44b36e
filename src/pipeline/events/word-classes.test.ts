import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WordType } from '../../core/document.ts';
import { buildTriggerIndex } from './triggers.ts';
import { tokenClasses, W } from './word-classes.ts';

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
  assert.ok(comma! & W.trailingPunctuation && comma! & W.agentStop);
});

test('a word type keeps its classes apart for each trigger lexicon', () => {
  const raid = word('raid');
  const attacks = buildTriggerIndex({ triggers: [{ type: 'ASSAULT', nouns: ['raid'] }], modes: {} });
  const protests = buildTriggerIndex({ triggers: [{ type: 'PROTEST', nouns: ['raid'] }], modes: {} });
  assert.ok(tokenClasses([raid], attacks)[0]! & W.opensAttack);
  assert.equal(tokenClasses([raid], protests)[0]! & W.opensAttack, 0);
  assert.ok(tokenClasses([raid], protests)[0]! & W.opensTrigger);
});
