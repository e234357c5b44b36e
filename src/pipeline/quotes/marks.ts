// Quotation marks to quoted spans, paragraph by paragraph. Curly, straight, single and guillemet marks;
// straight marks open after a space or an opening bracket and close elsewhere; a single mark closes only
// an open single quote (so apostrophes and plural possessives stay apostrophes); quotes inside a quote
// are not separate spans. A paragraph that opens a quote and never closes it runs to its end; when the
// next paragraph opens with a mark again, the quote continues there (one speaker for the whole run).
import { firstIndexNotBefore } from '../../core/search.ts';

export interface QuotedSpan {
  /** Offsets of the content, inside the marks, trimmed. */
  start: number;
  end: number;
  /** Offsets of the opening and closing marks (close = -1 when the quote runs to the paragraph's end). */
  open: number;
  close: number;
  /** Index of the quote this one continues (a quote running over several paragraphs), else -1. */
  continues: number;
}

const DOUBLE_OPEN = new Set(['“', '„', '«', '‟']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const SINGLE_OPEN = new Set(['‘', '‹']);
const SINGLE_CLOSE = new Set(['’', '›']);

const QUOTE_CHARS = /["'`“”„‟«»‘’‹›]/g;

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

// Adds the span of a quote opened at `open` and closed at `close` (or running to `end`), trimmed, unless
// it is empty; `continues` is the quote it continues, or -1. Whether it was added.
function pushSpan(out: QuotedSpan[], text: string, open: number, close: number, end: number, continues: number): boolean {
  let s = open + 1;
  let e = close >= 0 ? close : end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /[\s,;:]/.test(text[e - 1]!)) e--;
  if (e <= s) return false;
  out.push({ start: s, end: e, open, close, continues });
  return true;
}

export function findQuotes(text: string, paragraphs: Uint32Array): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let pendingRun = -1; // index of an unclosed quote of the previous paragraph
  for (let p = 0; p < paragraphs.length; p += 2) {
    const ps = paragraphs[p]!;
    const pe = paragraphs[p + 1]!;
    let doubleOpen = -1;
    let singleOpen = -1;
    let firstOfParagraph = true;
    for (let i = ps; i < pe; i++) {
      // Jump to the next quotation mark or apostrophe: most characters are neither.
      // test(), not exec(): the mark is one character, just before lastIndex, and no match array is made.
      QUOTE_CHARS.lastIndex = i;
      if (!QUOTE_CHARS.test(text) || QUOTE_CHARS.lastIndex - 1 >= pe) break;
      i = QUOTE_CHARS.lastIndex - 1;
      let c = text[i]!;
      const prev = i > ps ? text[i - 1] : undefined;
      // Two apostrophes or two backticks stand for a double mark in some archives (''…'', ``…'').
      const pair = (c === "'" || c === '`') && text[i + 1] === c;
      if (pair) c = '"';
      const next = i + (pair ? 2 : 1) < pe ? text[i + (pair ? 2 : 1)] : undefined;
      const isDouble = DOUBLE_OPEN.has(c) || DOUBLE_CLOSE.has(c) || c === '"';
      if (isDouble) {
        const opens = DOUBLE_OPEN.has(c) || (c === '"' && (isSpace(prev) || /[(\[{—–-]/.test(prev ?? '') || prev === '‘' || prev === "'") && !isSpace(next));
        if (doubleOpen < 0 && (opens || (c === '"' && i === ps))) {
          doubleOpen = pair ? i + 1 : i;
          singleOpen = -1;
          if (pair) i++;
          continue;
        }
        if (doubleOpen >= 0 && (DOUBLE_CLOSE.has(c) || c === '"')) {
          if (pushSpan(out, text, doubleOpen, i, -1, firstOfParagraph && doubleOpen === ps ? pendingRun : -1)) firstOfParagraph = false;
          doubleOpen = -1;
          if (pair) i++;
          continue;
        }
        if (pair) i++;
        continue;
      }
      if (doubleOpen >= 0) continue; // singles inside a double quote are inner quotes
      const isSingle = SINGLE_OPEN.has(c) || SINGLE_CLOSE.has(c) || c === "'";
      if (!isSingle) continue;
      if (singleOpen < 0) {
        const opens = (SINGLE_OPEN.has(c) || c === "'") && (isSpace(prev) || /[(\[{—–-]/.test(prev ?? '')) && isWordChar(next);
        if (opens) singleOpen = i;
        continue;
      }
      // A closing single mark: not inside a word (an apostrophe: "Kata’ib", "don't").
      if ((SINGLE_CLOSE.has(c) || c === "'") && !(isWordChar(prev) && isWordChar(next)) && !isSpace(prev)) {
        if (pushSpan(out, text, singleOpen, i, -1, firstOfParagraph && singleOpen === ps ? pendingRun : -1)) firstOfParagraph = false;
        singleOpen = -1;
      }
    }
    // An unclosed double quote runs to the paragraph's end.
    if (doubleOpen >= 0) {
      pushSpan(out, text, doubleOpen, -1, pe, firstOfParagraph && doubleOpen === ps ? pendingRun : -1);
      pendingRun = out.length - 1;
    } else {
      pendingRun = -1;
    }
  }
  return out;
}

/** The index of the first quote whose opening mark is at or after `offset`, in quotes as findQuotes gives
 *  them (in the order of their opening marks); quotes.length when there is none. */
export function firstQuoteFrom(quotes: readonly QuotedSpan[], offset: number): number {
  return firstIndexNotBefore(quotes.length, (i) => quotes[i]!.open < offset);
}
