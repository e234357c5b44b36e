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

test('a pair table with two weights to a pair keeps them apart, and weighs a weight never set 0', () => {
  const table = new PairTable(2);
  for (let a = 0; a < 40; a++) for (let b = 0; b < 40; b++) if ((a * b) % 5 === 1) table.set(a, b, a + b / 100, (a + b) % 2);
  table.set(3, 4, 9.5, 0);
  table.set(3, 4, -1.25, 1);
  for (let a = 0; a < 40; a++) {
    for (let b = 0; b < 40; b++) {
      if (a === 3 && b === 4) continue;
      const set = (a * b) % 5 === 1;
      const k = (a + b) % 2;
      assert.equal(table.get(a, b, k), set ? a + b / 100 : 0);
      assert.equal(table.get(a, b, 1 - k), 0);
      assert.equal(table.find(a, b) >= 0, set);
    }
  }
  const at = table.find(3, 4);
  assert.deepEqual([table.weight(at, 0), table.weight(at, 1)], [9.5, -1.25]);
});
