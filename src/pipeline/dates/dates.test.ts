import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTimexes, isoDateStarts } from './index.ts';

const PUBLISHED = '2024-03-15';
const timexes = (text: string) => findTimexes(text, PUBLISHED).map((x) => [x.text, x.value, x.kind]);

test('a day before its month is found from the month', () => {
  assert.deepEqual(timexes('It began on 3rd May 2020, then 7 June and 21st July.'), [
    ['3rd May 2020', '2020-05-03', 'absolute'],
    ['7 June', '2023-06-07', 'partial'],
    ['21st July', '2023-07-21', 'partial'],
  ]);
});

test('a preposition before a year is found across "the" and any white space', () => {
  assert.deepEqual(timexes('Talks ended in  the\n2019 round; during the 2015 war and later in 2018.'), [
    ['in  the\n2019', '2019', 'absolute'],
    ['during the 2015', '2015', 'absolute'],
    ['later in 2018', '2018', 'absolute'],
  ]);
});

test('"the" and a year followed by a word is a year', () => {
  assert.deepEqual(timexes('The 2006 war'), [['2006', '2006', 'absolute']]);
});

test('a weekday takes the word before it and the time of day after it', () => {
  assert.deepEqual(timexes('It struck last Monday night.'), [['last Monday night', '2024-03-11', 'relative']]);
});

test('relative expressions are found from the time word they contain', () => {
  assert.deepEqual(timexes('Earlier this week talks stalled; 12 days ago they began; the previous day was calm.'), [
    ['Earlier this week', '2024-03', 'relative'],
    ['12 days ago', '2024-03-03', 'relative'],
    ['the previous day', null, 'relative'],
  ]);
  assert.deepEqual(timexes('Yesterday it rained, tonight and overnight too.'), [
    ['Yesterday', '2024-03-14', 'relative'],
    ['tonight', '2024-03-15', 'relative'],
    ['overnight', '2024-03-15', 'relative'],
  ]);
});

test('an ISO date inside a longer run of digits and hyphens is found where it stands alone', () => {
  assert.deepEqual(timexes('Code 1234-56-7890-12-34 and 2020-01-02.'), [
    ['7890-12-34', null, 'absolute'],
    ['2020-01-02', '2020-01-02', 'absolute'],
  ]);
});

test('an ISO date may start only four characters before a hyphen, where a word begins', () => {
  const text = 'On 2020-01-03, x2021-02-03 and al-Asad; 2019-12-31';
  assert.deepEqual(isoDateStarts(text), [3, text.indexOf('2019')]);
  assert.deepEqual(findTimexes(text, null).filter((x) => x.kind === 'absolute').map((x) => x.value), ['2020-01-03', '2019-12-31']);
});
