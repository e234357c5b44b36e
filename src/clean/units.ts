// Splits raw text into units: the paragraphs a cleaned text is made of, each with its offsets in the raw
// text. Scraped text puts one paragraph per line; hard-wrapped text (several long lines per blank-line
// block, no final punctuation) is joined back into one unit.

export interface Unit {
  /** Offsets into the raw text, trimmed of surrounding whitespace. */
  start: number;
  end: number;
  text: string;
  /** For joined hard-wrapped lines: the line pieces [start, end, start, end, ...]; else null. */
  pieces: number[] | null;
  /** Words in the unit, counted up to WORD_COUNT_CAP (the rules only ask whether a unit is short); -1 when
   *  splitUnits() was asked not to count. */
  words: number;
}

/** Beyond this many words a unit is long for every rule (the largest threshold is 80). */
export const WORD_COUNT_CAP = 120;

const TERMINAL = /[.!?:;"'”’»)\]]$/;

/** `countWords: false` leaves every unit's `words` at -1, for callers that count only the units they use. */
export function splitUnits(raw: string, options: { countWords?: boolean } = {}): Unit[] {
  const counted = options.countWords !== false;
  const lines: { start: number; end: number }[] = [];
  const re = /\r\n|\r|\n/g;
  let at = 0;
  for (;;) {
    const m = re.exec(raw);
    const end = m ? m.index : raw.length;
    lines.push(trimRange(raw, at, end));
    if (!m) break;
    at = m.index + m[0].length;
  }
  const units: Unit[] = [];
  let block: { start: number; end: number }[] = [];
  const flush = () => {
    if (!block.length) return;
    if (isHardWrapped(raw, block)) {
      const pieces = block.flatMap((l) => [l.start, l.end]);
      const text = block.map((l) => raw.slice(l.start, l.end)).join(' ');
      units.push({ start: block[0]!.start, end: block[block.length - 1]!.end, text, pieces, words: counted ? countWords(text, 0, WORD_COUNT_CAP) : -1 });
    } else {
      for (const l of block) {
        const text = raw.slice(l.start, l.end);
        units.push({ start: l.start, end: l.end, text, pieces: null, words: counted ? countWords(text, 0, WORD_COUNT_CAP) : -1 });
      }
    }
    block = [];
  };
  for (const l of lines) {
    if (l.end <= l.start) flush();
    else block.push(l);
  }
  flush();
  return units;
}

// Hard wrapping: at least three lines, all but the last of similar, long-ish length and mostly without
// sentence-final punctuation, and no line that starts like a new paragraph would (indent handled by trim).
function isHardWrapped(raw: string, block: { start: number; end: number }[]): boolean {
  if (block.length < 3) return false;
  let open = 0;
  for (let k = 0; k < block.length - 1; k++) {
    const l = block[k]!;
    const len = l.end - l.start;
    if (len > 120 || len < 35) return false;
    if (!TERMINAL.test(raw.slice(l.start, l.end))) open++;
  }
  return open / (block.length - 1) >= 0.6;
}

function trimRange(s: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0xfeff || c === 0x200b || (c >= 0x2000 && c <= 0x200a) || c === 12 || c === 11;
}

/** Words of `s` from `from` on, counted up to `limit` at most. */
export function countWords(s: string, from = 0, limit = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Letters and punctuation of ASCII and Latin-1 below NBSP are never space: no call for them.
    const space = c <= 32 || (c >= 0xa0 && isSpace(c));
    if (!space && !inWord && ++n >= limit) return n;
    inWord = !space;
  }
  return n;
}

/** Where the k-th word from the end of `s` starts (k >= 1; a word starts at a non-space character after a
 *  space, as countWords() counts them), or -1 when `s` has fewer such starts. countWords(s, at) > k holds
 *  for a word start `at` exactly when at < wordStartFromEnd(s, k): one backward scan answers it for every
 *  position instead of a count from each. */
export function wordStartFromEnd(s: string, k: number): number {
  let seen = 0;
  for (let i = s.length - 1; i > 0; i--) {
    const c = s.charCodeAt(i);
    const p = s.charCodeAt(i - 1);
    const space = c <= 32 || (c >= 0xa0 && isSpace(c));
    const spaceBefore = p <= 32 || (p >= 0xa0 && isSpace(p));
    if (!space && spaceBefore && ++seen === k) return i;
  }
  return -1;
}
