import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, entityOf } from './test-helpers.ts';

test('a surname links to the person named in full before it', () => {
  const r = analyzeText('Yahya Rasool, a military spokesperson, spoke on Sunday. Rasool said the strikes were a cause of instability.');
  const full = entityOf(r, 'Yahya Rasool');
  assert.ok(full);
  assert.equal(entityOf(r, 'Rasool'), full);
});

test('an abbreviation defined in parentheses links to its expansion', () => {
  const r = analyzeText('The Northern Tribes Defence Council (NTDC) held a meeting. The NTDC later said it would disband.');
  const c = entityOf(r, 'Northern Tribes Defence Council');
  assert.ok(c);
  assert.equal(entityOf(r, 'NTDC'), c);
});

test('a bare head noun links to the organisation whose name ends with it', () => {
  const r = analyzeText('The Iraqi Resistance Coordination Committee issued a warning. The Committee further declared it was not bound by any restrictions.');
  assert.equal(entityOf(r, 'Committee')?.id, entityOf(r, 'Iraqi Resistance Coordination Committee')?.id);
});

test('unlinked entities get ids from their normalised name', () => {
  const r = analyzeText('The Northern Tribes Defence Council met on Monday.');
  assert.equal(entityOf(r, 'Northern Tribes Defence Council')?.id, 'org:northern-tribes-defence-council');
});
