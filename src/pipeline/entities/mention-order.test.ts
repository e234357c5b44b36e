import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortByStart } from './mention-order.ts';

test('sortByStart orders by start and keeps the order of equal starts', () => {
  const items = [{ start: 5, id: 'a' }, { start: 1, id: 'b' }, { start: 5, id: 'c' }, { start: 0, id: 'd' }, { start: 1, id: 'e' }];
  const expected = [...items].sort((x, y) => x.start - y.start).map((x) => x.id);
  assert.deepEqual(sortByStart(items).map((x) => x.id), expected);
  assert.deepEqual(expected, ['d', 'b', 'e', 'a', 'c']);
});

test('sortByStart leaves sorted input as it is and handles large offsets', () => {
  const sorted = [{ start: 1 }, { start: 1 }, { start: 2 }];
  assert.equal(sortByStart(sorted), sorted);
  const big = [{ start: 4_000_000_000, id: 1 }, { start: 3_999_999_999, id: 2 }, { start: 4_000_000_000, id: 3 }];
  assert.deepEqual(sortByStart(big).map((x) => x.id), [2, 1, 3]);
  assert.deepEqual(sortByStart([]), []);
});
