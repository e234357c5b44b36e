// Binary search over sorted positions: spans, tokens and sentences are kept in text order.
import type { Segmentation } from './document.ts';

/** The first index in [0, count) at which `before` turns false, count when it never does. `before` must
 *  hold for a prefix of the indices and not after it (a sorted sequence compared with a key). */
export function firstIndexNotBefore(count: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last sentence that starts at or before token t (empty sentences before it start there too), 0 when
 *  none does. */
export function sentenceStartingBy(seg: Segmentation, t: number): number {
  return Math.max(0, firstIndexNotBefore(seg.sentenceCount, (s) => seg.sentenceTokenStart[s]! <= t) - 1);
}
