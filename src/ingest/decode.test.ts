import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../core/errors.ts';
import { decodeBytes, repairDoubleEncoding } from './decode.ts';

const enc = (s: string) => new TextEncoder().encode(s);

test('decode strips a UTF-8 byte order mark', () => {
  const r = decodeBytes('a.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('Hello world')]));
  assert.equal(r.text, 'Hello world');
  assert.deepEqual(r.warnings, []);
});

test('decode reads UTF-16 with and without a byte order mark', () => {
  const le = Buffer.from('\ufeffStrike on base', 'utf16le');
  assert.equal(decodeBytes('a.txt', le).text, 'Strike on base');
  const bare = Buffer.from('Strike on base', 'utf16le');
  const r = decodeBytes('a.txt', bare);
  assert.equal(r.text, 'Strike on base');
  assert.match(r.warnings[0]!, /utf-16le/);
});

test('decode falls back to windows-1252 for invalid UTF-8 and says so', () => {
  const bytes = Uint8Array.from([...enc('He said '), 0x93, ...enc('no'), 0x94, ...enc(' to the caf'), 0xe9]);
  const r = decodeBytes('a.txt', bytes);
  assert.equal(r.text, 'He said \u201cno\u201d to the caf\u00e9');
  assert.equal(r.encoding, 'windows-1252');
  assert.match(r.warnings[0]!, /windows-1252/);
});

test('decode repairs text that was UTF-8 encoded twice', () => {
  assert.equal(repairDoubleEncoding('Iranâ€™s top general and Israelâ€™s army'), 'Iran\u2019s top general and Israel\u2019s army');
  assert.equal(repairDoubleEncoding('Plain text stays'), 'Plain text stays');
});

test('decode rejects binary files, empty files and undecodable bytes with a reason', () => {
  const reason = (bytes: Uint8Array) => {
    try {
      decodeBytes('x', bytes);
    } catch (err) {
      assert.ok(err instanceof InputError);
      return err.reason;
    }
    return 'accepted';
  };
  assert.match(reason(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])), /PDF/);
  assert.match(reason(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), /PNG/);
  assert.match(reason(Uint8Array.from([1, 2, 0, 4, 5, 0, 0, 9, 200, 1])), /binary/);
  assert.match(reason(new Uint8Array(0)), /empty/);
  assert.match(reason(enc('   \n\n  ')), /empty/);
  assert.match(reason(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x81, 0x8d])), /not valid UTF-8/);
});

test('decode rejects text with more than one control character in twenty, and keeps text with fewer', () => {
  const decode = (text: string) => {
    try {
      return decodeBytes('x', enc(text)).text;
    } catch (err) {
      assert.ok(err instanceof InputError);
      return err.reason;
    }
  };
  // Tabs, line feeds, form feeds and carriage returns are not control characters here.
  assert.equal(decode('Line one\tcell\r\nLine two\f'), 'Line one\tcell\r\nLine two\f');
  const body = 'x'.repeat(95);
  assert.equal(decode(body + '\x01\x02\x03\x04\x1f'), body + '\x01\x02\x03\x04\x1f');
  assert.match(decode(body + '\x01\x02\x03\x04\x1f\x1e'), /control characters/);
  assert.match(decode(body + '\ufffd'.repeat(6)), /control characters/);
});
