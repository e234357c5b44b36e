// Matching a pattern only where it can start. A global scan tries the pattern at every position of the
// text; when every match contains a rare anchor (a year, a month name) from which the possible starts
// can be found by looking back, trying a sticky copy of the pattern at those starts alone finds the same
// matches in the same order, at a fraction of the cost.

/** Whether the UTF-16 code unit is one that the regular expression class \s matches. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isWordCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/** Whether a word (as \b and \w see it: ASCII letters, digits, underscore) begins at `i`: a pattern that
 *  opens with \b and a word character can start nowhere else. */
export function startsWord(text: string, i: number): boolean {
  return i >= 0 && isWordCode(text.charCodeAt(i)) && (i === 0 || !isWordCode(text.charCodeAt(i - 1)));
}

/** The start of the run of white space that ends at `end` (`end` itself when text[end - 1] is none). */
export function spaceRunStart(text: string, end: number): number {
  let k = end;
  while (k > 0 && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return k;
}

/** Every match of the global pattern `re`, as a scan of the text finds them. */
export function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new Error('allMatches needs a global pattern');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  return out;
}

/**
 * The matches that a global scan of `text` with `pattern` finds, given every position where one of them
 * may start (more do no harm; order and repeats do not matter). `pattern` must be sticky and must not
 * match the empty string. As in a scan, a start inside an earlier match is not tried.
 */
export function matchesAt(text: string, pattern: RegExp, starts: number[]): RegExpExecArray[] {
  if (!pattern.sticky || pattern.global) throw new Error('matchesAt needs a sticky, non-global pattern');
  const sorted = Int32Array.from(starts).sort();
  const out: RegExpExecArray[] = [];
  let next = 0;
  for (const s of sorted) {
    if (s < next) continue;
    pattern.lastIndex = s;
    const m = pattern.exec(text);
    if (!m) {
      next = s + 1; // a repeated start is not tried again
      continue;
    }
    out.push(m);
    next = s + Math.max(1, m[0].length);
  }
  return out;
}
