import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ShapeFilter } from './shape-filter.ts';

const at = (filter: ShapeFilter, text: string) => filter.mayBe(text, 0, text.length);

test('a word of the set passes in any case', () => {
  const f = ShapeFilter.of(['seven', 'dozens'])!;
  for (const w of ['seven', 'Seven', 'SEVEN', 'dozens', 'DoZeNs']) assert.ok(at(f, w), w);
});

test('a word of another first letter, last letter or length is ruled out', () => {
  const f = ShapeFilter.of(['two', 'ten'])!;
  for (const w of ['the', 'tin', 'twos', 'own', 'to']) {
    assert.equal(at(f, w), w === 'tin', w); // "tin" has the shape of "ten"
  }
});

test('a token with a non-ASCII first or last character passes', () => {
  const f = ShapeFilter.of(['kill'])!;
  assert.ok(at(f, '\u212aill')); // the Kelvin sign lowers to "k"
  assert.ok(at(f, 'kil\u00e9'));
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

test('a character whose lower case is plain ASCII lowers to as many code units', () => {
  // What mayBe() relies on to compare the token's length and ends with those of a lower-case word.
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    const lower = c.toLowerCase();
    if (/^[\x00-\x7f]+$/.test(lower)) assert.equal(lower.length, c.length, cp.toString(16));
  }
});
