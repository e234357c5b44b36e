// A single-pass tokenizer writing token boundaries, kinds and shapes into growable typed arrays.
// Words keep inner apostrophes and hyphens (Kata'ib, al-Muhandis, US-led); a possessive 's is split off
// (Iran's -> Iran + 's); initialisms keep their periods (U.S.); numbers keep inner separators (33,634,
// 2.5, 9/11, 10:32).
import { TokenKind, TokenShape } from '../../core/document.ts';

export class TokenBuffer {
  start: Uint32Array;
  end: Uint32Array;
  kind: Uint8Array;
  shape: Uint8Array;
  count = 0;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.start = new Uint32Array(n);
    this.end = new Uint32Array(n);
    this.kind = new Uint8Array(n);
    this.shape = new Uint8Array(n);
  }

  push(start: number, end: number, kind: number, shape: number): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.kind[i] = kind;
    this.shape[i] = shape;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const s = new Uint32Array(n); s.set(this.start); this.start = s;
    const e = new Uint32Array(n); e.set(this.end); this.end = e;
    const k = new Uint8Array(n); k.set(this.kind); this.kind = k;
    const h = new Uint8Array(n); h.set(this.shape); this.shape = h;
  }
}

const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;
const NON_ASCII_UPPER = /\p{Lu}/u;
const NON_ASCII_LOWER = /\p{Ll}/u;

export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  if (c === 0x2019 || c === 0x2018 || isSpaceCode(c)) return false;
  return NON_ASCII_LETTER.test(text[i]!);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2bc || c === 0x2018 || c === 0x60 || c === 0xb4;
}

/** A hyphen-minus or a Unicode hyphen (U+2010, U+2011). */
export function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/** Tokenizes text[from, to) into buf. */
export function tokenizeRange(text: string, from: number, to: number, buf: TokenBuffer): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (isDigit(c)) {
      i = readNumber(text, i, to, buf);
      continue;
    }
    if (c < 128 ? isAsciiLetter(c) : isLetterAt(text, i)) {
      i = readWord(text, i, to, buf);
      continue;
    }
    // Punctuation and symbols: one character each, except runs of periods and of dashes.
    let j = i + 1;
    if (c === 46) while (j < to && text.charCodeAt(j) === 46) j++;
    else if (c === 45) while (j < to && text.charCodeAt(j) === 45) j++;
    else if (c >= 0xd800 && c <= 0xdbff && j < to) j++; // astral symbol (emoji): keep the pair together
    buf.push(i, j, isPunctCode(c) ? TokenKind.Punct : TokenKind.Symbol, 0);
    i = j;
  }
}

export function isPunctCode(c: number): boolean {
  return (c >= 33 && c <= 47 && c !== 35 && c !== 36 && c !== 37 && c !== 38 && c !== 42 && c !== 43) ||
    c === 58 || c === 59 || c === 63 || c === 91 || c === 93 || c === 123 || c === 125 || c === 95 ||
    c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0x2026 || c === 0xab || c === 0xbb ||
    (c >= 0x2018 && c <= 0x201f) || c === 0x2039 || c === 0x203a || c === 0xbf || c === 0xa1 || c === 0x2e || c === 0x3002;
}

function readWord(text: string, i: number, to: number, buf: TokenBuffer): number {
  const start = i;
  let upperFirst = false;
  let lowerFirst = false;
  let letters = 0;
  let uppers = 0;
  let shape = 0;
  const c0 = text.charCodeAt(i);
  if (c0 < 128) {
    upperFirst = c0 >= 65 && c0 <= 90;
    lowerFirst = c0 >= 97 && c0 <= 122;
  } else {
    upperFirst = NON_ASCII_UPPER.test(text[i]!);
    lowerFirst = NON_ASCII_LOWER.test(text[i]!);
  }
  let j = i;
  for (;;) {
    while (j < to) {
      const c = text.charCodeAt(j);
      if (c < 128) {
        if (c >= 65 && c <= 90) { letters++; uppers++; j++; continue; }
        if (c >= 97 && c <= 122) { letters++; j++; continue; }
        if (isDigit(c)) { shape |= TokenShape.HasDigit; j++; continue; }
        break;
      }
      if (isSpaceCode(c) || !isLetterAt(text, j)) break;
      letters++;
      if (NON_ASCII_UPPER.test(text[j]!)) uppers++;
      j++;
    }
    if (j + 1 >= to) break;
    const c = text.charCodeAt(j);
    const next = text.charCodeAt(j + 1);
    if (isApostrophe(c) && isLetterAt(text, j + 1)) {
      // Possessive 's / ’s ends the word: split it off.
      const after = j + 2 < to ? text.charCodeAt(j + 2) : 32;
      if ((next === 115 || next === 83) && !(j + 2 < to && isLetterAt(text, j + 2)) && after !== 0x2019) break;
      j++;
      continue;
    }
    if (isHyphen(c) && (isLetterAt(text, j + 1) || isDigit(next))) {
      shape |= TokenShape.HasHyphen;
      j++;
      continue;
    }
    // Initialisms: U.S., U.N., a.m. — a single letter, a period, a letter.
    if (c === 46 && j - lastSegmentStart(text, start, j) === 1 && isLetterAt(text, j + 1) && (j + 2 >= to || text.charCodeAt(j + 2) === 46 || !isLetterAt(text, j + 2))) {
      shape |= TokenShape.HasPeriod;
      j++;
      continue;
    }
    break;
  }
  // The final period of an initialism belongs to it (U.S. but not "Iraq.").
  if ((shape & TokenShape.HasPeriod) !== 0 && j < to && text.charCodeAt(j) === 46) j++;
  if (upperFirst) shape |= TokenShape.Upper;
  if (lowerFirst) shape |= TokenShape.Lower;
  if (letters >= 2 && uppers === letters) shape |= TokenShape.AllCaps;
  buf.push(start, j, TokenKind.Word, shape);
  // A split-off possessive: 's, ’s.
  if (j + 1 < to && isApostrophe(text.charCodeAt(j)) && (text.charCodeAt(j + 1) === 115 || text.charCodeAt(j + 1) === 83) && !(j + 2 < to && isLetterAt(text, j + 2))) {
    buf.push(j, j + 2, TokenKind.Word, TokenShape.Lower);
    return j + 2;
  }
  return j;
}

// Start of the letter run that ends at `end` (after the last period or hyphen of the word so far).
function lastSegmentStart(text: string, start: number, end: number): number {
  let k = end;
  while (k > start) {
    const c = text.charCodeAt(k - 1);
    if (c === 46 || isHyphen(c) || isApostrophe(c)) break;
    k--;
  }
  return k;
}

function readNumber(text: string, i: number, to: number, buf: TokenBuffer): number {
  const start = i;
  let j = i;
  let shape = TokenShape.HasDigit;
  for (;;) {
    while (j < to && isDigit(text.charCodeAt(j))) j++;
    if (j + 1 < to && isDigit(text.charCodeAt(j + 1))) {
      const c = text.charCodeAt(j);
      if (c === 44 || c === 46 || c === 58 || c === 47) { j++; continue; }
    }
    break;
  }
  // Ordinals and units glued to the number: 1st, 10th, 5km, 24-hour, 1990s.
  if (j < to && isAsciiLetter(text.charCodeAt(j))) {
    while (j < to && (isAsciiLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
  }
  while (j + 1 < to && isHyphen(text.charCodeAt(j)) && (isLetterAt(text, j + 1) || isDigit(text.charCodeAt(j + 1)))) {
    shape |= TokenShape.HasHyphen;
    j++;
    while (j < to && (isLetterAt(text, j) || isDigit(text.charCodeAt(j)))) j++;
  }
  buf.push(start, j, TokenKind.Number, shape);
  return j;
}
