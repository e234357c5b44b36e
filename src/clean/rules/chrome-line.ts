// Whole lines of page furniture: "Back to top", share bars, newsletter boxes, "Read more", bare URLs.
// The patterns are data (data/lexicons/chrome.json).
import type { CleanRule } from './types.ts';

export const chromeLine: CleanRule = {
  name: 'chrome-line',
  test(text, view, res) {
    if (view.unit.words > 40) return null;
    if (!res.chromeLine.test(text)) return null;
    return { startsLinkList: res.tailStart.test(text) };
  },
};
