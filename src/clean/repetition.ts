// Learns site chrome from repetition: a short line that recurs at the head or tail of many documents of
// one batch is furniture ("Sign up for Daily Newsletters", a site's slogan), even when no fixed rule knows
// it. Recycled background paragraphs also recur, so only short lines, or lines with furniture words,
// qualify. Memory is bounded: past `capacity` distinct lines, only lines already counted are counted.
import { countWords, splitUnits, WORD_COUNT_CAP } from './units.ts';

const EDGE = 5;
const MAX_WORDS = 14;
const FURNITURE = /\b(copyright|©|rights reserved|subscribe|newsletter|follow us|download|app|website|click|share|advert|cookie|privacy|terms|licen[cs]ed)\b/i;

export interface RepetitionIndex {
  /** How many documents of the batch had this line at their head or tail. */
  count(lineText: string): number;
}

export class RepetitionLearner implements RepetitionIndex {
  private readonly counts = new Map<number, number>();
  documents = 0;

  constructor(private readonly capacity = 200_000) {}

  observe(rawText: string): void {
    this.documents++;
    // Only the units at the head and tail are learnt from: the others' words are not counted.
    const units = splitUnits(rawText, { countWords: false });
    const seen = new Set<number>();
    units.forEach((u, i) => {
      if (i >= EDGE && i < units.length - EDGE) return;
      if (!isCandidate(u.text, countWords(u.text, 0, WORD_COUNT_CAP))) return;
      const key = hashLine(u.text);
      if (seen.has(key)) return;
      seen.add(key);
      const c = this.counts.get(key);
      if (c !== undefined) this.counts.set(key, c + 1);
      else if (this.counts.size < this.capacity) this.counts.set(key, 1);
    });
  }

  count(lineText: string): number {
    return this.counts.get(hashLine(lineText)) ?? 0;
  }
}

export function isCandidate(text: string, words: number): boolean {
  if (words > 30) return false;
  return words <= MAX_WORDS ? !/[.!?]["”’]?$/.test(text) || FURNITURE.test(text) : FURNITURE.test(text);
}

export const MIN_REPEATS = 3;

// FNV-1a over the line with case, spacing and digits folded (dates and counters vary between pages).
export function hashLine(text: string): number {
  let h = 0x811c9dc5;
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0) {
      if (lastSpace) continue;
      c = 32;
      lastSpace = true;
    } else {
      lastSpace = false;
      if (c >= 65 && c <= 90) c += 32;
      else if (c >= 48 && c <= 57) c = 48;
    }
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
