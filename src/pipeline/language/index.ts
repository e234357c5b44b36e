// Stage "language": a BCP 47 tag for the document. The extractors are written for English; anything else
// is tagged "und" (undetermined) so that readers know the other layers are not to be trusted.
// Requires: text. Provides: language. Leaves out: telling other languages apart.
import type { AnalysisDocument } from '../../core/document.ts';
import type { Stage } from '../stage.ts';

const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'it', 'with', 'as', 'was', 'by', 'at', 'he', 'his',
  'from', 'are', 'be', 'this', 'have', 'has', 'an', 'its', 'were', 'they', 'which', 'or', 'not', 'but', 'had', 'their',
  'said', 'will', 'been', 'who', 'would', 'after', 'also', 'over', 'against',
]);

export function detectLanguage(text: string): string {
  const n = Math.min(text.length, 4000);
  let latin = 0;
  let otherLetters = 0;
  let words = 0;
  let hits = 0;
  let word = '';
  const endWord = () => {
    if (!word) return;
    words++;
    if (ENGLISH_FUNCTION_WORDS.has(word)) hits++;
    word = '';
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      latin++;
      word += String.fromCharCode(c + 32);
    } else if (c >= 97 && c <= 122) {
      latin++;
      word += text[i];
    } else {
      endWord();
      if (c > 0xbf && c !== 0x2019 && c !== 0x2018 && c !== 0x201c && c !== 0x201d && c !== 0x2014 && c !== 0x2013 && /\p{L}/u.test(text[i]!)) otherLetters++;
    }
  }
  endWord();
  const latinShare = latin / Math.max(1, latin + otherLetters);
  if (words < 5) return latin > 0 && latinShare > 0.9 ? 'en' : 'und';
  return hits / words >= 0.12 && latinShare > 0.8 ? 'en' : 'und';
}

export const languageStage: Stage = {
  name: 'language',
  requires: ['text'],
  provides: ['language'],
  run(doc: AnalysisDocument) {
    doc.language = detectLanguage(doc.text);
  },
};
