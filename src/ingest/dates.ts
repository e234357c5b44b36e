// Publication dates as metadata gives them (ISO timestamps, RFC 822 feed dates, "March 4, 2025") to the
// record's YYYY-MM-DD. The calendar date is taken as written, not converted to UTC.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

export function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

export function isoDate(year: number, month?: number, day?: number): string | null {
  if (!(year >= 1800 && year <= 2200)) return null;
  if (month === undefined) return String(year);
  if (!(month >= 1 && month <= 12)) return null;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!(day >= 1 && day <= dim)) return null;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** Any common machine or human date string to YYYY-MM-DD (or YYYY-MM / YYYY when that is all it says). */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|$)/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s) ?? /^(\d{4})\.(\d{1,2})\.(\d{1,2})\b/.exec(s);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return isoDate(+m[1]!, +m[2]!);
  m = /^(\d{4})$/.exec(s);
  if (m) return isoDate(+m[1]!);
  // "Tue, 04 Mar 2025 10:15:00 +0000", "4 March 2025", "Tuesday, 4 March 2025 10:15 PM"
  m = /(?:^|[\s,])(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (m && monthNumber(m[2]!)) return isoDate(+m[3]!, monthNumber(m[2]!), +m[1]!);
  // "March 4, 2025", "Mar. 4 2025", "Tuesday, March 4th, 2025"
  m = /(?:^|[\s,])([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m && monthNumber(m[1]!)) return isoDate(+m[3]!, monthNumber(m[1]!), +m[2]!);
  const t = Date.parse(s);
  if (!Number.isNaN(t)) {
    const d = new Date(t);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}
