// Bytes to text: BOMs, UTF-8 validation, UTF-16 without BOM, windows-1252 fallback and repair of
// double-encoded UTF-8. Never returns mojibake silently: every guess is reported as a warning, and bytes
// that fit no encoding are an error.
import { InputError } from '../core/errors.ts';

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

// windows-1252 differs from ISO-8859-1 in 0x80-0x9F; undefined bytes stay as their C1 code point.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const MAGIC: [string, number[]][] = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

export function decodeBytes(path: string, bytes: Uint8Array, declaredCharset?: string | null): Decoded {
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(path, utf8(path, bytes.subarray(3)), 'utf-8', []);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(path, new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le', []);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(path, new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be', []);
  for (const [what, sig] of MAGIC) {
    if (sig.every((b, i) => bytes[i] === b)) throw new InputError(path, `binary file (${what}), not text`);
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return finish(path, new TextDecoder(utf16).decode(bytes), utf16, [`no byte order mark; decoded as ${utf16}`]);
  if (bytes.includes(0)) throw new InputError(path, 'binary file (contains NUL bytes), not text');

  const asUtf8 = tryUtf8(bytes);
  if (asUtf8 !== null) {
    const repaired = repairDoubleEncoding(asUtf8);
    if (repaired !== asUtf8) return finish(path, repaired, 'utf-8', ['text was UTF-8 encoded twice (mojibake such as "â€™"); repaired']);
    return finish(path, asUtf8, 'utf-8', []);
  }
  const declared = normaliseCharset(declaredCharset);
  if (declared && declared !== 'utf-8') {
    const text = declared === 'windows-1252' ? decodeCp1252(bytes) : decodeWith(declared, bytes);
    if (text !== null) return finish(path, text, declared, [`not UTF-8; decoded as declared ${declared}`]);
  }
  if (looksLikeCp1252(bytes)) return finish(path, decodeCp1252(bytes), 'windows-1252', ['not valid UTF-8; decoded as windows-1252']);
  throw new InputError(path, 'not valid UTF-8 and no other encoding fits (binary data or an unsupported encoding)');
}

function finish(path: string, text: string, encoding: string, warnings: string[]): Decoded {
  if (!text.trim()) throw new InputError(path, 'empty file (no text)');
  if (controlRatio(text) > 0.05) throw new InputError(path, 'binary file (control characters), not text');
  return { text, encoding, warnings };
}

function utf8(path: string, bytes: Uint8Array): string {
  const t = tryUtf8(bytes);
  if (t === null) throw new InputError(path, 'invalid UTF-8 after a UTF-8 byte order mark');
  return t;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeWith(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

// Text in a single-byte Western encoding: high bytes are a minority and mostly letters or punctuation.
function looksLikeCp1252(bytes: Uint8Array): boolean {
  let high = 0;
  let undefinedC1 = 0;
  for (const b of bytes) {
    if (b >= 0x80) high++;
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) undefinedC1++;
  }
  return high / bytes.length < 0.3 && undefinedC1 === 0;
}

function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

// The characters controlRatio() counts: controls other than tab, line feed, form feed and carriage return,
// and the replacement character.
const CONTROL_OR_REPLACEMENT = /[\x00-\x08\x0b\x0e-\x1f\ufffd]/;

function controlRatio(text: string): number {
  const n = Math.min(text.length, 65536);
  // Nearly every text has none: one regex search says so faster than a loop over its characters.
  if (!CONTROL_OR_REPLACEMENT.test(n < text.length ? text.slice(0, n) : text)) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return n ? bad / n : 0;
}

// "â€™" and friends: UTF-8 bytes read as windows-1252 and encoded again. Repair only when the pattern is
// frequent and undoing it yields valid UTF-8 throughout.
const MOJIBAKE = /(?:â€[\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc\u2122\u20ac]|Ã[\u0080-\u00bf])/g;

export function repairDoubleEncoding(text: string): string {
  const hits = text.match(MOJIBAKE)?.length ?? 0;
  if (hits < 2) return text;
  const reverse = new Map<number, number>();
  CP1252_HIGH.forEach((cp, i) => reverse.set(cp, 0x80 + i));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x100 ? c : reverse.get(c);
    if (b === undefined) return text;
    bytes[i] = b;
  }
  return tryUtf8(bytes) ?? text;
}

function normaliseCharset(charset?: string | null): string | null {
  if (!charset) return null;
  const c = charset.trim().toLowerCase();
  if (c === 'utf8' || c === 'utf-8') return 'utf-8';
  if (['latin1', 'latin-1', 'iso-8859-1', 'iso8859-1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii'].includes(c)) return 'windows-1252';
  try {
    return new TextDecoder(c).encoding;
  } catch {
    return null;
  }
}
