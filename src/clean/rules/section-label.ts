// Section labels printed above a headline, often glued together by scraping ("Middle EastWorld News",
// "IraqMiddle EastNorth America"): a short line made only of section words and place names.
import { normLabel, type CleanResources } from '../resources.ts';
import type { CleanRule } from './types.ts';

export const sectionLabel: CleanRule = {
  name: 'section-label',
  test(text, view, res) {
    if (view.unit.words > 8 || /[.!?;:]$/.test(text)) return null;
    return isSectionLabelLine(text, res) ? {} : null;
  },
};

export function isSectionLabelLine(text: string, res: CleanResources): boolean {
  const spaced = text.replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ');
  const words = normLabel(spaced).split(/[\s|/•·,>»›–—]+/u).filter(Boolean);
  if (!words.length || words.length > 12) return false;
  // Can words[0..n) be covered by consecutive labels?
  const reach = new Uint8Array(words.length + 1);
  reach[0] = 1;
  for (let i = 0; i < words.length; i++) {
    if (!reach[i]) continue;
    for (let n = 1; n <= res.sectionLabelMaxWords && i + n <= words.length; n++) {
      if (res.sectionLabels.has(words.slice(i, i + n).join(' '))) reach[i + n] = 1;
    }
  }
  return reach[words.length] === 1;
}
