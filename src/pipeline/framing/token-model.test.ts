import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PairTable } from './token-model.ts';

test('a pair table finds every weight it was given after growing, and weighs absent pairs 0', () => {
  const table = new PairTable();
  for (let a = 0; a < 60; a++) for (let b = 0; b < 60; b++) if ((a + b) % 3 === 0) table.set(a, b, a - b / 100);
  for (let a = 0; a < 60; a++) {
    for (let b = 0; b < 60; b++) assert.equal(table.get(a, b), (a + b) % 3 === 0 ? a - b / 100 : 0);
  }
});

test('a pair table keeps the last weight set for a pair', () => {
  const table = new PairTable();
  table.set(7, 9, 1.5);
  table.set(7, 9, -2);
  assert.equal(table.get(7, 9), -2);
  assert.equal(table.get(9, 7), 0);
});
