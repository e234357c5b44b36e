// Recognises lines that state a date and nothing else ("2024-11-16", "Saturday, 16 November 2024 10:32 AM",
// "Published: Nov. 16, 2024 | Updated 3:45 PM EST", "date 2024-11-16 Headline") and reads the date.
import { isoDate, monthNumber } from '../ingest/dates.ts';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)';
const ORD = '(?:st|nd|rd|th)?';

const ISO = new RegExp(String.raw`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b`);
const DMY = new RegExp(String.raw`\b(\d{1,2})${ORD}\s+(${MONTH})\.?,?\s+(\d{4})\b`, 'i');
const MDY = new RegExp(String.raw`\b(${MONTH})\.?\s+(\d{1,2})${ORD},?\s+(\d{4})\b`, 'i');
const NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;

const FILLER = new RegExp(
  [
    String.raw`\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?`,
    String.raw`\b\d{1,2}${ORD}\s+${MONTH}\.?,?\s+\d{4}\b`,
    String.raw`\b${MONTH}\.?\s+\d{1,2}${ORD},?\s+\d{4}\b`,
    String.raw`\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b`,
    String.raw`\b\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?`,
    String.raw`\b\d{1,2}\s*[ap]\.?m\.?`,
    String.raw`\b${WEEKDAY}\b\.?`,
    String.raw`\b(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|ET|PT|CET|CEST|BST|IRST|AST|EET|EEST|IDT|IST|MSK)\b`,
    String.raw`[+-]\d{2}:?\d{2}\b`,
    String.raw`\b(?:published|updated|posted|last\s+updated?|date|created|modified|first\s+published|on|at|local\s+time|time)\b:?`,
    String.raw`[|\[\]()\-–—,:•·/]+`,
  ].join('|'),
  'gi',
);

/** The date a line states when the line is a date and nothing else; undefined when it is not a date line. */
export function readDateLine(line: string): { date: string | null } | undefined {
  const s = line.trim();
  if (s.length > 120 || !/\d/.test(s)) return undefined;
  const rest = s.replace(FILLER, ' ').trim();
  if (rest) return undefined;
  return { date: firstDate(s) };
}

/** A date glued to the front of a headline: "date 2024-11-16 Headline...", "2024-11-16 Headline". */
export function readGluedDate(line: string): { date: string; rest: number } | undefined {
  const m = /^\s*(?:date:?\s+)?(\d{4}-\d{2}-\d{2})\s+(?=\S)/i.exec(line)
    ?? new RegExp(String.raw`^\s*(?:date:?\s+)?((?:${WEEKDAY},?\s+)?(?:${MONTH}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+${MONTH}\.?\s+\d{4}))\s+(?=\p{Lu})`, 'iu').exec(line);
  if (!m) return undefined;
  const date = firstDate(m[1]!);
  if (!date) return undefined;
  return { date, rest: m[0].length };
}

export function firstDate(s: string): string | null {
  let m = ISO.exec(s);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = DMY.exec(s);
  if (m) return isoDate(+m[3]!, monthNumber(m[2]!), +m[1]!);
  m = MDY.exec(s);
  if (m) return isoDate(+m[3]!, monthNumber(m[1]!), +m[2]!);
  m = NUMERIC.exec(s);
  if (m) {
    const a = +m[1]!, b = +m[2]!;
    // Only unambiguous numeric dates: 16/11/2024 is day first, 11/16/2024 month first; 4/3/2025 is left unread.
    if (a > 12 && b <= 12) return isoDate(+m[3]!, b, a);
    if (b > 12 && a <= 12) return isoDate(+m[3]!, a, b);
  }
  return null;
}
