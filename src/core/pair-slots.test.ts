import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PairSlots } from './pair-slots.ts';

test('pair slots keep each pair and its payload after the table grows, and find no absent pair', () => {
  const slots = new PairSlots(4, 12);
  for (let a = 0; a < 70; a++) {
    for (let b = 0; b < 70; b++) {
      if ((a + 2 * b) % 3 !== 0) continue;
      const at = slots.add(a, b); // before reading `ints`: adding may replace it
      slots.ints[at + 2] = a * 1000 + b;
    }
  }
  for (let a = 0; a < 70; a++) {
    for (let b = 0; b < 70; b++) {
      const at = slots.find(a, b);
      if ((a + 2 * b) % 3 === 0) assert.equal(slots.ints[at + 2], a * 1000 + b);
      else assert.equal(at, -1);
    }
  }
});

test('adding a pair twice gives its one slot, with the payload it had', () => {
  const slots = new PairSlots(8, 12);
  const at = slots.add(4, 5);
  assert.equal(slots.ints[at + 3], -1);
  slots.ints[at + 3] = 7;
  assert.equal(slots.add(4, 5), at);
  assert.equal(slots.ints[at + 3], 7);
  assert.equal(slots.find(5, 4), -1);
});
