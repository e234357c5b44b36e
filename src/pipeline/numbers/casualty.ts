// Casualty counts among the quantities of a sentence: "killing at least 16", "three soldiers were
// killed", "seven martyrs", "wounding five", "76,214 individuals have sustained injuries". A count that
// follows another joined by "as well as" / "and" ("killed two officers … as well as five of their
// companions") adds to it. Shared by the figures and the events stages.
import type { Segmentation } from '../../core/document.ts';
import type { Quantity } from './index.ts';

export const KILL_WORDS = /^(?:killed|killing|kills|kill|dead|deaths?|died|martyrs?|martyred|lives|fatalities|bodies|massacred)$/i;
export const INJURY_WORDS = /^(?:wounded|wounding|injured|injuring|injuries|hurt|wounds)$/i;
const KILL_BEFORE = /^(?:killing|killed|kill|kills|left|claimed|martyring)$/;
const INJURY_BEFORE = /^(?:wounding|wounded|injuring|injured|leaving)$/;
/** Counted things that are not victims unless a kill word governs them directly ("killing 30 soldiers"). */
const NOT_VICTIMS = /^(?:troops|missiles|rockets|drones|strikes|attacks|raids|km|kilometres|kilometers|miles|shells|bombs|times|years|days|hours|ships|warships|vessels|tankers|boats|houses|homes|buildings|vehicles|cars|tanks|aircraft|jets|planes|pictures|photos|sites|bases)$/;
/** Words that close the phrase a count heads: a toll word after them is another clause's. */
const PHRASE_END = /^(?:[,(;.]|by|after|named|who|which|that|when|while|because|before|since)$/;

/**
 * Marks `casualty` and `addsTo` on the count quantities of tokens [a, b); `lower(t)` is the lower-case
 * token text. `quantities` are in text order; those from index `from` to `to` - 1 are all that may lie
 * in the range (by default, all of them).
 */
export function markCasualties(quantities: Quantity[], seg: Segmentation, lower: (t: number) => string, a: number, b: number, from = 0, to = quantities.length): void {
  const inSentence: Quantity[] = [];
  for (let i = from; i < to; i++) {
    const q = quantities[i]!;
    if (q.kind === 'count' && q.first >= a && q.last < b) inSentence.push(q);
  }
  for (const q of inSentence) {
    if (q.addsTo !== undefined) continue;
    // The words before the expression, its qualifier ("killing at least 16") left out.
    let head = q.first;
    while (head > a && seg.tokenStart[head - 1]! >= q.start) head--;
    const killBefore = wordBefore(lower, head, a, KILL_BEFORE);
    const injuryBefore = !killBefore && wordBefore(lower, head, a, INJURY_BEFORE);
    // The words after it, up to ten, within the phrase it heads; the first toll word among them.
    const afterEnd = Math.min(b, q.last + 11);
    let afterLength = 0;
    let tollWord: string | null = null;
    let tollIndex = -1;
    for (let t = q.last + 1; t < afterEnd; t++) {
      const w = lower(t);
      if (PHRASE_END.test(w)) break;
      if (tollWord === null && (KILL_WORDS.test(w) || INJURY_WORDS.test(w))) {
        tollWord = w;
        tollIndex = afterLength;
      }
      afterLength++;
    }
    const killAfter = !injuryBefore && tollWord !== null && KILL_WORDS.test(tollWord);
    const injuryAfter = tollWord !== null && INJURY_WORDS.test(tollWord);
    // A toll word right after the number ("3,000 wounded", "seven martyrs") outweighs one before it
    // ("killed and nearly 3,000 wounded").
    const adjacent = tollIndex >= 0 && tollIndex < 2 ? tollWord : null;
    let casualty: Quantity['casualty'] = adjacent ? (KILL_WORDS.test(adjacent) ? 'killed' : 'injured')
      : killBefore || killAfter ? 'killed' : injuryBefore || injuryAfter ? 'injured' : null;
    if (casualty && NOT_VICTIMS.test(afterLength > 0 ? lower(q.last + 1) : '') && !killBefore && !injuryBefore) casualty = null;
    if (!casualty) continue;
    q.casualty = casualty;
    // The next count, joined by a conjunction and with no toll word of its own, adds to this one.
    let next: Quantity | undefined;
    for (const o of inSentence) {
      if (o.first > q.last) {
        next = o;
        break;
      }
    }
    if (!next || next.first - q.last > 20) continue;
    const between: string[] = [];
    for (let t = q.last + 1; t < next.first; t++) between.push(lower(t));
    const joined = /\b(?:as well as|and|plus|along with)\b/.test(between.join(' ')) && !between.some((w) => /^[.;]$/.test(w) || KILL_WORDS.test(w) || INJURY_WORDS.test(w));
    let ownToll = false;
    for (let t = next.last + 1; t < Math.min(b, next.last + 6); t++) if (KILL_WORDS.test(lower(t)) || INJURY_WORDS.test(lower(t))) ownToll = true;
    if (joined && !ownToll) {
      next.casualty = casualty;
      next.addsTo = quantities.indexOf(q);
    }
  }
}

/** Whether one of the two words before token `head`, from token `a` on, matches `pattern`. */
function wordBefore(lower: (t: number) => string, head: number, a: number, pattern: RegExp): boolean {
  return (head - 2 >= a && pattern.test(lower(head - 2))) || (head - 1 >= a && pattern.test(lower(head - 1)));
}
