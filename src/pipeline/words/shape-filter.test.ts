import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ShapeFilter } from './shape-filter.ts';

const at = (filter: ShapeFilter, text: string) => filter.mayBe(text, 0, text.length);

test('a word of the set passes in any case', () => {
  const f = ShapeFilter.of(['seven', 'dozens'])!;
  for (const w of ['seven', 'Seven', 'SEVEN', 'dozens', 'DoZeNs']) assert.ok(at(f, w), w);
});

test('a word of another first, second or last letter or length is ruled out', () => {
  const f = ShapeFilter.of(['two', 'ten', 'add'])!;
  for (const w of ['the', 'tan', 'twos', 'own', 'to', 'and']) assert.ok(!at(f, w), w);
  assert.ok(at(f, 'ten') && at(f, 'Two'));
});

test('a character outside ASCII rules a token out, but for the Kelvin sign, which lowers to "k"', () => {
  const f = ShapeFilter.of(['kill', 'said'])!;
  assert.ok(at(f, '\u212aill'));
  assert.ok(!at(f, 'kil\u00e9'));
  assert.ok(!at(f, '\u0130aid')); // İ lowers to "i" and a combining dot
  assert.ok(at(f, 'sa\u00efd')); // inside the word it is not read: the test lets it pass
});

test('the filter reads the token where it stands in the text', () => {
  const f = ShapeFilter.of(['five'])!;
  const text = 'about Five people';
  assert.ok(f.mayBe(text, 6, 10));
  assert.ok(!f.mayBe(text, 11, 17));
});

test('there is no filter for a set with a word that is not plain lower-case ASCII', () => {
  assert.equal(ShapeFilter.of(['seven', 'sieben\u00fc']), null);
  assert.equal(ShapeFilter.of(['Seven']), null);
  assert.equal(ShapeFilter.of(['']), null);
});

test('no character outside ASCII but the Kelvin sign lowers to plain ASCII', () => {
  // What mayBe() relies on to compare a token's length and letters with those of a lower-case word.
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const lower = String.fromCodePoint(cp).toLowerCase();
    if (/^[\x00-\x7f]+$/.test(lower)) assert.deepEqual([cp, lower], [0x212a, 'k']);
  }
});
