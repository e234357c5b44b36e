import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, entityOf } from './test-helpers.ts';

const mentionsOf = (r: ReturnType<typeof analyzeText>, surface: string) => entityOf(r, surface)?.mentions.map((m) => m.text) ?? [];

test('"he" refers to the person named before it', () => {
  const r = analyzeText('Akram al-Kaabi issued a statement on Friday. He added that attacks would continue.');
  assert.ok(mentionsOf(r, 'Akram al-Kaabi').includes('He'));
});

test('a role noun refers to the person named before it', () => {
  const r = analyzeText('Akram al-Kaabi spoke on Sunday. The cleric noted that sacrifices had been made.');
  assert.ok(mentionsOf(r, 'Akram al-Kaabi').includes('cleric'));
});

test('"the group" refers to the organisation named before it', () => {
  const r = analyzeText('Kata’ib Hezbollah announced a pause. The group cited consideration for the government.');
  assert.ok(mentionsOf(r, 'Kata’ib Hezbollah').includes('group'));
});

test('"it said" refers to the organisation named before it; expletive "it is" to nothing', () => {
  const r = analyzeText('The Islamic Resistance in Iraq issued a statement. “Our response will be direct,” it said. It is unclear when.');
  const m = mentionsOf(r, 'Islamic Resistance in Iraq');
  assert.ok(m.includes('it'));
  assert.ok(!m.includes('It'));
});

test('"the Arab country" refers to the country named before it', () => {
  const r = analyzeText('US troops remain in Iraq. They have no plans to leave the Arab country.');
  assert.ok(mentionsOf(r, 'Iraq').includes('Arab country'));
});
