// A line that is a date and nothing else ("2020-01-05", "Saturday, 16 November 2024 10:32 AM",
// "Updated 3:45 PM EST, Sun January 28, 2024"). In the head it is the publication date.
import { readDateLine } from '../date-line.ts';
import { isHead, type CleanRule } from './types.ts';

export const dateLine: CleanRule = {
  name: 'date-line',
  test(text, view) {
    const d = readDateLine(text);
    if (!d) return null;
    return isHead(view) ? { published: d.date, isHeadlineMeta: true } : {};
  },
};
