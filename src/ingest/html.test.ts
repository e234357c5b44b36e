import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declaredCharset } from './html.ts';

const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

test('declared charset is read from a meta tag or an XML declaration in the first bytes', () => {
  assert.equal(declaredCharset(bytesOf('<html><head><meta charset="windows-1256"><title>x</title>')), 'windows-1256');
  assert.equal(declaredCharset(bytesOf('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">')), 'ISO-8859-6');
  assert.equal(declaredCharset(bytesOf('<?xml version="1.0" encoding="windows-1252"?><rss>')), 'windows-1252');
  assert.equal(declaredCharset(bytesOf('plain text without markup')), null);
});

test('declared charset reads non-ASCII bytes before the declaration one character each, and only the head', () => {
  const head = new Uint8Array([0xe9, 0x80, 0xff, ...bytesOf('<meta charset="koi8-r">')]);
  assert.equal(declaredCharset(head), 'koi8-r');
  const late = bytesOf(`${' '.repeat(2100)}<meta charset="koi8-r">`);
  assert.equal(declaredCharset(late), null);
  // A view into a larger buffer reads from its own first byte.
  const buffer = bytesOf(`<meta charset="big5"><meta charset="koi8-r">`);
  assert.equal(declaredCharset(buffer.subarray(20)), 'koi8-r');
});
