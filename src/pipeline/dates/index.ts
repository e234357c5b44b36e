// Stage "dates": temporal expressions of the text resolved to calendar dates at the precision the text
// supports (YYYY, YYYY-MM, YYYY-MM-DD).
// Requires: segments. Provides: the layer "timex".
// Absolute dates ("January 3, 2020", "March 2021", "in 2020", "late 2017") stand alone. Partial ones are
// resolved against the article's published date, or against the last year the text fixed ("January 3
// that year"), and always into the past: news reports what happened ("on Friday" is the last Friday,
// "October 7" the last October 7). Relative ones ("four years ago", "last week", "earlier this month")
// need the published date; without one they stay unresolved (null) — never the processing date.
// chrono-node parses the relative expressions; the corrections above are ours.
import * as chrono from 'chrono-node';
import type { AnalysisDocument } from '../../core/document.ts';
import { isoDate, monthNumber } from '../../ingest/dates.ts';
import type { Stage } from '../stage.ts';
import { allMatches, matchesAt, spaceRunStart, startsWord } from './anchored.ts';

export const TIMEX = 'timex';

export interface Timex {
  start: number;
  end: number;
  text: string;
  /** Resolved date, or null when nothing in the document fixes it. */
  value: string | null;
  kind: 'absolute' | 'partial' | 'relative' | 'year-ref';
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const MONTH_WORD = new RegExp(MONTH, 'i');
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;
/** The words that put a bare year in a date phrase ("in 2020", "mid-2017", "earlier in 2019"). */
const YEAR_PREPOSITIONS = ['in', 'since', 'until', 'by', 'during', 'from', 'of', 'before', 'after', 'early', 'late', 'mid-', 'mid', 'earlier in', 'later in'];
const WEEKDAY_PREFIXES = ['last', 'this', 'on', 'early', 'late'];
const WORD_NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** Relative dates of one word. */
const RELATIVE_WORDS = ['yesterday', 'today', 'tonight', 'overnight'];
/** Every relative expression contains one of these: the day, week, month or year it counts, or a night. */
const TIME_WORDS = ['day', 'week', 'month', 'year', 'night'];
/** The words right before a time word: "last week", "two days ago", "previous day". */
const BEFORE_TIME_WORD = ['last', 'this', 'previous', ...Object.keys(WORD_NUMBERS)];

/** Where the text's rare words stand; each pattern starts only near one of them. */
interface Anchors {
  /** Starts of the month names and abbreviations at the start of a word (each begins with one of
   *  MONTH_STARTS). */
  months: number[];
  /** Starts of years (a four-digit 18xx-20xx number after white space). */
  years: number[];
  /** Starts of each of TIME_WORDS, case-insensitive. */
  timeWords: number[][];
  /** Starts of the weekday names at the start of a word. */
  weekdays: number[];
}

// Every alternative of MONTH begins with one of these (case-sensitive, as MONTH is).
const MONTH_STARTS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((w) => new RegExp(w, 'g'));
const YEAR_AFTER_SPACE = /\s(?:1[89]|20)\d\d/g;
const TIME_WORD_RES = TIME_WORDS.map((w) => new RegExp(w, 'gi'));

const startsOf = (text: string, re: RegExp) => allMatches(text, re).map((m) => m.index);

function findAnchors(text: string): Anchors {
  // One search per literal word: the engine finds a plain word much faster than an alternation.
  const months = MONTH_STARTS.flatMap((re) => startsOf(text, re)).filter((i) => startsWord(text, i));
  const years = startsOf(text, YEAR_AFTER_SPACE).map((i) => i + 1);
  const timeWords = TIME_WORD_RES.map((re) => startsOf(text, re));
  // Every weekday name ends with "day".
  const weekdays: number[] = [];
  for (const i of timeWords[TIME_WORDS.indexOf('day')]!) {
    for (const w of WEEKDAYS) {
      const start = i + 3 - w.length;
      if (text.startsWith(w, start) && startsWord(text, start)) weekdays.push(start);
    }
  }
  return { months, years, timeWords, weekdays };
}

/** Where a word of one of `lengths` begins before the white space that ends at each position (none where
 *  no white space ends there). */
function beforeSpace(text: string, positions: number[], lengths: number[]): number[] {
  const out: number[] = [];
  for (const p of positions) {
    const k = spaceRunStart(text, p);
    if (k === p) continue;
    for (const n of lengths) if (startsWord(text, k - n)) out.push(k - n);
  }
  return out;
}

const lengthsOf = (words: string[]) => [...new Set(words.map((w) => w.length))];
/** "3rd May": the day's one or two digits and its optional suffix before the space before the month. */
const DAY_LENGTHS = [1, 2, 3, 4];
const YEAR_PREPOSITION_LENGTHS = lengthsOf(YEAR_PREPOSITIONS);
const WEEKDAY_PREFIX_LENGTHS = lengthsOf(WEEKDAY_PREFIXES);
const BEFORE_TIME_WORD_LENGTHS = lengthsOf(BEFORE_TIME_WORD);
/** For each of TIME_WORDS, how far into a word of RELATIVE_WORDS it stands ("yester|day"). */
const TIME_WORD_OFFSETS = TIME_WORDS.map((time) => RELATIVE_WORDS.filter((w) => w.endsWith(time)).map((w) => w.length - time.length));

// Where a relative expression may start, from the time word it contains.
function relativeStarts(text: string, a: Anchors): number[] {
  const out: number[] = [];
  a.timeWords.forEach((positions, ti) => {
    for (const i of positions) {
      for (const n of TIME_WORD_OFFSETS[ti]!) if (startsWord(text, i - n)) out.push(i - n);
      const k = spaceRunStart(text, i);
      if (k === i) continue;
      // "last week", "two days ago", "previous day": the word before the space.
      for (const n of BEFORE_TIME_WORD_LENGTHS) if (startsWord(text, k - n)) out.push(k - n);
      let digits = k;
      while (digits > 0 && isDigitCode(text.charCodeAt(digits - 1))) digits--;
      if (digits < k && startsWord(text, digits)) out.push(digits);
      // "earlier this week", "the previous day": a word before that one.
      out.push(...beforeSpace(text, [k - 'this'.length], ['earlier'.length]), ...beforeSpace(text, [k - 'previous'.length], ['the'.length]));
    }
  });
  return out;
}

/** Where an ISO date ("2020-01-03") may start: four characters before a hyphen, at the start of a word.
 *  Hyphens are rare enough that finding them is faster than trying the pattern everywhere. */
export function isoDateStarts(text: string): number[] {
  const out: number[] = [];
  for (let h = text.indexOf('-', 4); h >= 0; h = text.indexOf('-', h + 1)) if (startsWord(text, h - 4)) out.push(h - 4);
  return out;
}

interface Pattern {
  re: RegExp;
  kind: Timex['kind'];
  /** Every position where a match may start; without it the pattern is global and scans the text. */
  starts?: (text: string, a: Anchors) => number[];
}

// In order of precedence: a match overlapping an earlier one is dropped. The patterns are sticky and tried
// only where they may start (anchored.ts), which finds what a scan of the whole text would.
const PATTERNS: Pattern[] = [
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'y'), kind: 'absolute', starts: (_, a) => a.months },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'y'), kind: 'absolute', starts: (text, a) => beforeSpace(text, a.months, DAY_LENGTHS) },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/y, kind: 'absolute', starts: (text) => isoDateStarts(text) },
  { re: new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?(\\d{4})\\b`, 'y'), kind: 'absolute', starts: (_, a) => a.months },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s+\\d{4})(?:\\s+(?:that|the same|last|this) year)?`, 'y'), kind: 'partial', starts: (_, a) => a.months },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\b(?!,?\\s+\\d{4})`, 'y'), kind: 'partial', starts: (text, a) => beforeSpace(text, a.months, DAY_LENGTHS) },
  {
    re: new RegExp(`\\b(?:${YEAR_PREPOSITIONS.join('|')})\\s+(?:the\\s+)?((?:1[89]|20)\\d{2})\\b(?!\\s*(?:people|troops|soldiers|km|miles|dollars))`, 'iy'),
    kind: 'absolute',
    // The preposition ends where the space before the year begins, or before "the" and its space.
    starts: (text, a) => {
      const ends = [...a.years, ...a.years.map((y) => spaceRunStart(text, y) - 3)];
      return beforeSpace(text, ends, YEAR_PREPOSITION_LENGTHS);
    },
  },
  { re: /(?<=\b[Tt]he\s)(?:19|20)\d{2}(?=\s+\p{L})/uy, kind: 'absolute', starts: (_, a) => a.years },
  {
    re: new RegExp(`\\b(?:(?:${WEEKDAY_PREFIXES.join('|')})\\s+)?${WEEKDAY}(?:\\s+(?:night|morning|evening|afternoon))?\\b`, 'y'),
    kind: 'relative',
    starts: (text, a) => [...a.weekdays, ...beforeSpace(text, a.weekdays, WEEKDAY_PREFIX_LENGTHS)],
  },
  {
    re: new RegExp(`\\b(?:${RELATIVE_WORDS.join('|')}|last\\s+(?:week|month|year|weekend)|this\\s+(?:week|month|year|weekend)|earlier\\s+this\\s+(?:week|month|year)|(?:${Object.keys(WORD_NUMBERS).join('|')}|\\d+)\\s+(?:days?|weeks?|months?|years?)\\s+ago|(?:the\\s+)?previous\\s+(?:day|week|month|year))\\b`, 'iy'),
    kind: 'relative',
    starts: relativeStarts,
  },
];
export function findTimexes(text: string, published: string | null): Timex[] {
  const found: (Timex & { y?: number; m?: number; d?: number; yearRef?: boolean })[] = [];
  const anchors = findAnchors(text);
  for (const { re, kind, starts } of PATTERNS) {
    for (const m of starts ? matchesAt(text, re, starts(text, anchors)) : allMatches(text, re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue; // earlier, longer patterns win
      found.push({ start, end, text: m[0], value: null, kind, ...components(m[0]) });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const ref = published ? parseIso(published) : null;
  let lastYear: number | null = null;
  const out: Timex[] = [];
  for (const f of found) {
    let value: string | null = null;
    if (f.kind === 'absolute' && f.y) {
      value = isoDate(f.y, f.m, f.d);
      lastYear = f.y;
    } else if (f.kind === 'partial' && f.m) {
      const thatYear = /\b(?:that|the same) year\b/i.test(f.text);
      if (thatYear && lastYear) value = isoDate(lastYear, f.m, f.d);
      else if (ref) value = pastDate(ref, f.m, f.d);
      else if (lastYear && !thatYear) value = null; // a bare "February 7" does not inherit a year
    } else if (f.kind === 'relative' && ref) {
      value = relative(f.text, ref);
    }
    out.push({ start: f.start, end: f.end, text: f.text, value, kind: f.kind });
  }
  return out;
}

const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;

function components(s: string): { y?: number; m?: number; d?: number } {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return { y: +iso[1]!, m: +iso[2]!, d: +iso[3]! };
  const monthWord = MONTH_WORD.exec(s)?.[0];
  const m = monthWord ? monthNumber(monthWord.replace(/\.$/, '')) : undefined;
  const year = /\b((?:1[89]|20)\d{2})\b/.exec(s);
  const y = year ? +year[1]! : undefined;
  const dayMatch = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(s.replace(/\b(?:1[89]|20)\d{2}\b/g, ''));
  const d = m !== undefined && dayMatch ? +dayMatch[1]! : undefined;
  return { y, m, d };
}

function parseIso(s: string): Date | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  return new Date(Date.UTC(+m[1]!, m[2] ? +m[2] - 1 : 11, m[3] ? +m[3] : 28));
}

function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// The latest date with this month (and day) that is not after the reference.
function pastDate(ref: Date, month: number, day?: number): string | null {
  let y = ref.getUTCFullYear();
  const candidate = (yy: number) => new Date(Date.UTC(yy, month - 1, day ?? 1));
  if (candidate(y) > ref) y--;
  return isoDate(y, month, day);
}

function relative(text: string, ref: Date): string | null {
  const t = text.toLowerCase();
  const weekday = /(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/.exec(t);
  if (weekday) {
    const target = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].indexOf(weekday[1]!);
    const diff = (ref.getUTCDay() - target + 7) % 7 + (/\blast\b/.test(t) && ref.getUTCDay() === target ? 7 : 0);
    return ymd(new Date(ref.getTime() - diff * 86400000));
  }
  if (/^(?:today|tonight|overnight)$/.test(t)) return ymd(ref);
  if (t === 'yesterday') return ymd(new Date(ref.getTime() - 86400000));
  if (/previous day/.test(t)) return null; // relative to an event the text narrates, not to publication
  if (/(?:this|earlier this) month/.test(t)) return ymd(ref).slice(0, 7);
  if (/(?:this|earlier this) year/.test(t)) return ymd(ref).slice(0, 4);
  if (/(?:this|earlier this) week|this weekend/.test(t)) return ymd(ref).slice(0, 7);
  if (/last week|last weekend/.test(t)) return ymd(new Date(ref.getTime() - 7 * 86400000)).slice(0, 7);
  if (/last month/.test(t)) return ymd(new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - 1, 1))).slice(0, 7);
  if (/last year/.test(t)) return String(ref.getUTCFullYear() - 1);
  const ago = /(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(day|week|month|year)s?\s+ago/.exec(t);
  if (ago) {
    const n = WORD_NUMBERS[ago[1]!] ?? Number(ago[1]);
    const parsed = chrono.parseDate(`${n} ${ago[2]}s ago`, { instant: ref, timezone: 0 });
    if (!parsed) return null;
    return ago[2] === 'year' ? String(parsed.getUTCFullYear()) : ago[2] === 'month' ? ymd(parsed).slice(0, 7) : ymd(parsed);
  }
  return null;
}

export const datesStage: Stage = {
  name: 'dates',
  requires: ['segments'],
  provides: [TIMEX],
  run(doc: AnalysisDocument) {
    doc.layers.set(TIMEX, findTimexes(doc.text, doc.published));
  },
};
