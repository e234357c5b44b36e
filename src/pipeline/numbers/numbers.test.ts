import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentText } from '../segment/index.ts';
import { loadResources } from '../../service/resources.ts';
import { buildNumberIndex, findQuantities } from './index.ts';

const resources = loadResources();
const ix = buildNumberIndex(resources.numbers);
const quantities = (text: string) =>
  findQuantities(text, segmentText(text, resources.abbreviations), ix).map((q) => [text.slice(q.start, q.end), q.value, q.vague, q.qualifier, q.kind]);

test('the longest vague quantity wins', () => {
  assert.deepEqual(quantities('Tens of thousands of people marched.'), [['Tens of thousands of', 10000, true, null, 'count']]);
  assert.deepEqual(quantities('Tens of thousands marched.'), [['Tens of thousands', 10000, true, null, 'count']]);
});

test('a unit of several words is one quantity', () => {
  assert.deepEqual(quantities('Half a dozen drones fell.'), [['Half a dozen', 6, false, null, 'count']]);
});

test('a phrase cut off by the end of the text is not matched', () => {
  assert.deepEqual(quantities('They saw a couple'), []);
});

test('the longest qualifier before a number is taken', () => {
  assert.deepEqual(quantities('In excess of 300 died, at least 16 more and nearly 2,500 fled.'), [
    ['In excess of 300', 300, false, 'in excess of', 'count'],
    ['at least 16', 16, false, 'at least', 'count'],
    ['nearly 2,500', 2500, false, 'nearly', 'count'],
  ]);
});

test('number words in any case, and compounds of tens and ones', () => {
  assert.deepEqual(quantities('SEVEN soldiers and Twenty-Five civilians.'), [
    ['SEVEN', 7, false, null, 'count'],
    ['Twenty-Five', 25, false, null, 'count'],
  ]);
});
