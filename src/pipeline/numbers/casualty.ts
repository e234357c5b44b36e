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
    const before = [lower(head - 2), lower(head - 1)].filter((_, i) => head - 2 + i >= a);
    const after: string[] = [];
    for (let t = q.last + 1; t < Math.min(b, q.last + 11); t++) {
      if (PHRASE_END.test(lower(t))) break;
      after.push(lower(t));
    }
    const killBefore = before.some((w) => KILL_BEFORE.test(w));
    const injuryBefore = !killBefore && before.some((w) => INJURY_BEFORE.test(w));
    const firstAfter = after.findIndex((w) => KILL_WORDS.test(w) || INJURY_WORDS.test(w));
    const killAfter = !injuryBefore && firstAfter >= 0 && KILL_WORDS.test(after[firstAfter]!);
    const injuryAfter = firstAfter >= 0 && INJURY_WORDS.test(after[firstAfter]!);
    // A toll word right after the number ("3,000 wounded", "seven martyrs") outweighs one before it
    // ("killed and nearly 3,000 wounded").
    const adjacent = after.slice(0, 2).find((w) => KILL_WORDS.test(w) || INJURY_WORDS.test(w));
    let casualty: Quantity['casualty'] = adjacent ? (KILL_WORDS.test(adjacent) ? 'killed' : 'injured')
      : killBefore || killAfter ? 'killed' : injuryBefore || injuryAfter ? 'injured' : null;
    if (casualty && NOT_VICTIMS.test(after[0] ?? '') && !killBefore && !injuryBefore) casualty = null;
    if (!casualty) continue;
    q.casualty = casualty;
    // The next count, joined by a conjunction and with no toll word of its own, adds to this one.
    const next = inSentence.find((o) => o.first > q.last);
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
