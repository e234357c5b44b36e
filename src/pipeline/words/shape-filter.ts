// A quick test that rules most tokens out of a small set of lower-case words, from the token's first, second
// and last characters and its length in the text itself. Looking a token's word type up costs a read from
// wherever that object lies in memory; the text is read in order.

const BITS = 1 << 16;
/** U+212A, the Kelvin sign: lower-cased, "k". */
const KELVIN = 0x212a;

/** The ASCII character this code unit lower-cases to, or -1 when it lowers to none. No other character
 *  outside ASCII lowers to plain ASCII (shape-filter.test.ts checks every one). */
function lowerAscii(c: number): number {
  if (c < 128) return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
  return c === KELVIN ? 0x6b : -1;
}

function shapeBit(first: number, second: number, last: number, length: number): number {
  return (Math.imul(Math.imul(Math.imul(first, 131) + second, 131) + last, 37) + length) & (BITS - 1);
}

export class ShapeFilter {
  private readonly bits = new Uint32Array(BITS / 32);

  /** Null when a word is not plain lower-case ASCII (or is empty): the test would not be exact for it. */
  static of(words: Iterable<string>): ShapeFilter | null {
    const filter = new ShapeFilter();
    for (const w of words) {
      if (!w || !/^[\x00-\x7f]+$/.test(w) || w !== w.toLowerCase()) return null;
      const bit = shapeBit(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0, w.charCodeAt(w.length - 1), w.length);
      filter.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    return filter;
  }

  /**
   * False only if text[start, end) lower-cased is none of the words. A lower-case form in plain ASCII
   * comes from as many code units, each of which lowers to the ASCII character in its place.
   */
  mayBe(text: string, start: number, end: number): boolean {
    const length = end - start;
    if (length <= 0) return false;
    const first = lowerAscii(text.charCodeAt(start));
    const second = length > 1 ? lowerAscii(text.charCodeAt(start + 1)) : 0;
    const last = lowerAscii(text.charCodeAt(end - 1));
    if (first < 0 || second < 0 || last < 0) return false;
    const bit = shapeBit(first, second, last, length);
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}
