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

// The longest of ENGLISH_FUNCTION_WORDS: a longer word is counted without being cut from the text.
const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));

export function detectLanguage(text: string): string {
  const n = Math.min(text.length, 4000);
  let latin = 0;
  let otherLetters = 0;
  let words = 0;
  let hits = 0;
  // The current word is the run of ASCII letters text[wordStart, i); hasUpper: whether it needs folding.
  let wordStart = -1;
  let hasUpper = false;
  const endWord = (end: number) => {
    if (wordStart < 0) return;
    words++;
    if (end - wordStart <= LONGEST_FUNCTION_WORD) {
      const word = text.slice(wordStart, end);
      if (ENGLISH_FUNCTION_WORDS.has(hasUpper ? word.toLowerCase() : word)) hits++;
    }
    wordStart = -1;
    hasUpper = false;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      latin++;
      hasUpper = true;
      if (wordStart < 0) wordStart = i;
    } else if (c >= 97 && c <= 122) {
      latin++;
      if (wordStart < 0) wordStart = i;
    } else {
      endWord(i);
      if (c > 0xbf && c !== 0x2019 && c !== 0x2018 && c !== 0x201c && c !== 0x201d && c !== 0x2014 && c !== 0x2013 && /\p{L}/u.test(text[i]!)) otherLetters++;
    }
  }
  endWord(n);
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
