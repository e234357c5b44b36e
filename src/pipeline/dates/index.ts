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
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const PATTERNS: { re: RegExp; kind: Timex['kind'] }[] = [
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'), kind: 'absolute' },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'g'), kind: 'absolute' },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, kind: 'absolute' },
  { re: new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?(\\d{4})\\b`, 'g'), kind: 'absolute' },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s+\\d{4})(?:\\s+(?:that|the same|last|this) year)?`, 'g'), kind: 'partial' },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\b(?!,?\\s+\\d{4})`, 'g'), kind: 'partial' },
  { re: new RegExp(`\\b(?:in|since|until|by|during|from|of|before|after|early|late|mid-?|earlier in|later in)\\s+(?:the\\s+)?((?:1[89]|20)\\d{2})\\b(?!\\s*(?:people|troops|soldiers|km|miles|dollars))`, 'gi'), kind: 'absolute' },
  { re: /(?<=\b[Tt]he\s)(?:19|20)\d{2}(?=\s+\p{L})/gu, kind: 'absolute' },
  { re: new RegExp(`\\b(?:(?:last|this|on|early|late)\\s+)?${WEEKDAY}(?:\\s+(?:night|morning|evening|afternoon))?\\b`, 'g'), kind: 'relative' },
  { re: /\b(?:yesterday|today|tonight|overnight|last\s+(?:week|month|year|weekend)|this\s+(?:week|month|year|weekend)|earlier\s+this\s+(?:week|month|year)|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago|(?:the\s+)?previous\s+(?:day|week|month|year))\b/gi, kind: 'relative' },
];

const WORD_NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

export function findTimexes(text: string, published: string | null): Timex[] {
  const found: (Timex & { y?: number; m?: number; d?: number; yearRef?: boolean })[] = [];
  for (const { re, kind } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
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

function components(s: string): { y?: number; m?: number; d?: number } {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return { y: +iso[1]!, m: +iso[2]!, d: +iso[3]! };
  const monthWord = new RegExp(MONTH, 'i').exec(s)?.[0];
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
