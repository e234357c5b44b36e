import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PairFeatureIds, PairRole } from './pair-ids.ts';

test('pair feature ids keep each role of each pair apart, also after the table grows', () => {
  const table = new PairFeatureIds();
  const id = (a: number, b: number, role: number) => a * 100_000 + b * 10 + role;
  for (let a = 0; a < 80; a++) {
    for (let b = 0; b < 80; b++) {
      if ((a * 7 + b) % 5 !== 0) continue;
      table.set(a, b, PairRole.PrevCur, id(a, b, 0));
      if (b % 2 === 0) table.set(a, b, PairRole.Next12, id(a, b, 2));
    }
  }
  for (let a = 0; a < 80; a++) {
    for (let b = 0; b < 80; b++) {
      const present = (a * 7 + b) % 5 === 0;
      assert.equal(table.get(a, b, PairRole.PrevCur), present ? id(a, b, 0) : -1);
      assert.equal(table.get(a, b, PairRole.Next12), present && b % 2 === 0 ? id(a, b, 2) : -1);
      assert.equal(table.get(a, b, PairRole.CurNext), -1);
    }
  }
});

test('a pair and its reverse are different pairs', () => {
  const table = new PairFeatureIds();
  table.set(3, 9, PairRole.Prev21, 42);
  assert.equal(table.get(3, 9, PairRole.Prev21), 42);
  assert.equal(table.get(9, 3, PairRole.Prev21), -1);
});
