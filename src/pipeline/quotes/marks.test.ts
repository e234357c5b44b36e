import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotes, firstQuoteFrom } from './marks.ts';

test('quotes come in the order of their opening marks, across paragraphs and kinds of marks', () => {
  const text = 'He said “one” and ‘two’.\n\n“Three,” she said, "four".';
  const quotes = findQuotes(text, new Uint32Array([0, 24, 26, text.length]));
  assert.deepEqual(quotes.map((q) => text.slice(q.start, q.end)), ['one', 'two', 'Three', 'four']);
  for (let k = 1; k < quotes.length; k++) assert.ok(quotes[k - 1]!.open < quotes[k]!.open);
});

test('the first quote from an offset is the first whose opening mark is there or later', () => {
  const text = 'He said “one” and “two”.';
  const quotes = findQuotes(text, new Uint32Array([0, text.length]));
  assert.equal(firstQuoteFrom(quotes, 0), 0);
  assert.equal(firstQuoteFrom(quotes, quotes[0]!.open), 0);
  assert.equal(firstQuoteFrom(quotes, quotes[0]!.open + 1), 1);
  assert.equal(firstQuoteFrom(quotes, quotes[1]!.open + 1), 2);
});
