import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OffsetMap, OffsetMapBuilder } from './offset-map.ts';

test('offset map sends every copied character back to its source position', () => {
  const source = 'HEADER\n\nFirst para.\n\nChrome\n\nSecond para.';
  const b = new OffsetMapBuilder();
  const first = source.indexOf('First');
  const second = source.indexOf('Second');
  b.copy(first, 'First para.'.length, 0);
  b.copy(second, 'Second para.'.length, 'First para.\n\n'.length);
  const target = 'First para.\n\nSecond para.';
  const map = b.build(target.length);
  for (let i = 0; i < target.length; i++) {
    if (target[i] === '\n') continue;
    assert.equal(source[map.toSource(i)], target[i], `offset ${i}`);
  }
});

test('offset map gives a span back as the same text in the source', () => {
  const source = 'xx Alpha beta yy';
  const b = new OffsetMapBuilder();
  b.copy(3, 10, 0);
  const map = b.build(10);
  const [s, e] = map.spanToSource(6, 10);
  assert.equal(source.slice(s, e), 'beta');
});

test('offset map merges adjacent pieces and maps identity', () => {
  const b = new OffsetMapBuilder();
  b.copy(0, 5, 0);
  b.copy(5, 5, 5);
  assert.equal(b.build(10).pieceCount, 1);
  assert.equal(OffsetMap.identity(7).toSource(4), 4);
});
