// Bylines as lines of their own: "By Staff, Agencies", "By Jane Doe and John Roe, Reuters", "By JANE DOE |
// Staff Writer". "By the end of the day, ..." is a sentence, not a byline: every word after "By" must be
// a capitalised name word or a joiner.
import type { CleanRule } from './types.ts';

const JOINERS = new Set(['and', '&', 'de', 'al', 'bin', 'ibn', 'van', 'von', 'la', 'le', 'da', 'del', 'di', 'of', 'the', 'in', 'for', 'at', 'el', 'abu']);

export const byline: CleanRule = {
  name: 'byline',
  test(text, view, res) {
    if (view.unit.words > 14) return null;
    const m = /^by[:\s]\s*(.+?)\.?$/iu.exec(text);
    if (m) {
      const words = m[1]!.split(/[\s,|;/]+/u).filter(Boolean);
      if (!words.length || !/^\p{Lu}/u.test(words[0]!)) return null;
      const nameLike = words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || JOINERS.has(w.toLowerCase().replace(/-$/, '')) || /^al-\p{Lu}/u.test(w));
      return nameLike ? { isHeadlineMeta: true } : null;
    }
    if (res.credit.test(text)) return { isHeadlineMeta: true };
    return null;
  },
};
