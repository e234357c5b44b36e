import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allMatches, isSpaceCode, matchesAt, spaceRunStart, startsWord } from './anchored.ts';

const found = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0]]);

test('isSpaceCode agrees with \\s on every UTF-16 code unit', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
});

test('spaceRunStart goes back over the white space before a position, and stays where there is none', () => {
  const text = 'in \u00a0\t2020';
  assert.equal(spaceRunStart(text, text.indexOf('2020')), 2);
  assert.equal(spaceRunStart(text, 2), 2);
  assert.equal(spaceRunStart('  x', 2), 0);
});

test('startsWord holds where \\b meets a word character', () => {
  const text = 'mid-May_x 3rd';
  assert.ok(startsWord(text, 0));
  assert.ok(startsWord(text, 4)); // after the hyphen
  assert.ok(!startsWord(text, 5)); // inside "May"
  assert.ok(!startsWord(text, 8)); // after the underscore, a word character
  assert.ok(!startsWord(text, 3)); // the hyphen itself
  assert.ok(startsWord(text, 10));
  assert.ok(!startsWord(text, -1));
  assert.ok(!startsWord(text, text.length));
});

test('matchesAt finds what a global scan finds when given every start', () => {
  const text = 'on Monday, last Monday night and Tuesday morning';
  const scan = /\b(?:(?:last|on)\s+)?(?:Monday|Tuesday)(?:\s+(?:night|morning))?\b/g;
  const sticky = new RegExp(scan.source, 'y');
  const every = Array.from({ length: text.length }, (_, i) => i);
  assert.deepEqual(found(matchesAt(text, sticky, every)), found(allMatches(text, scan)));
});

test('matchesAt skips a start inside an earlier match, as a scan does', () => {
  // "last Monday" starts at 0; "Monday" at 5 lies inside it.
  assert.deepEqual(found(matchesAt('last Monday', /(?:last )?Monday/y, [5, 0])), [[0, 'last Monday']]);
});

test('matchesAt takes starts in any order and repeated', () => {
  const text = 'May 3 and May 4';
  assert.deepEqual(found(matchesAt(text, /May \d/y, [10, 0, 10, 0, 3])), [[0, 'May 3'], [10, 'May 4']]);
});

test('matchesAt refuses a pattern that is not sticky', () => {
  assert.throws(() => matchesAt('x', /x/g, [0]));
});
