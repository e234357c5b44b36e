// A quick test that rules most tokens out of a small set of lower-case words, from the token's first and
// last characters and its length in the text itself. Looking a token's word type up costs a read from
// wherever that object lies in memory; the text is read in order.

const MAX_LENGTH = 32; // one bit per length in a Uint32Array cell

const lowerAscii = (c: number) => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c);

export class ShapeFilter {
  private readonly lengths = new Uint32Array(128 * 128);

  /** Null when a word is not plain ASCII (or is empty): the test would not be exact for it. */
  static of(words: Iterable<string>): ShapeFilter | null {
    const filter = new ShapeFilter();
    for (const w of words) {
      if (!w || !/^[\x00-\x7f]+$/.test(w) || w !== w.toLowerCase()) return null;
      if (w.length >= MAX_LENGTH) continue; // longer tokens always pass
      filter.lengths[(w.charCodeAt(0) << 7) | w.charCodeAt(w.length - 1)]! |= 1 << w.length;
    }
    return filter;
  }

  /**
   * False only if text[start, end) lower-cased is none of the words. A lower-case form that is plain
   * ASCII comes from as many code units, each of an ASCII one its lower case (U+212A, the Kelvin sign,
   * lowers to "k" but is not ASCII: a non-ASCII first or last character passes).
   */
  mayBe(text: string, start: number, end: number): boolean {
    const length = end - start;
    if (length <= 0) return false;
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(end - 1);
    if (first >= 128 || last >= 128 || length >= MAX_LENGTH) return true;
    return ((this.lengths[(lowerAscii(first) << 7) | lowerAscii(last)]! >>> length) & 1) === 1;
  }
}
