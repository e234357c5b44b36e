// Rule: distancing formulas, "what Washington claims", "what it called", "what he described as": the
// outlet reports a wording it does not adopt.
import type { Candidate, FramingContext } from '../context.ts';

export function whatTheyCall(ctx: FramingContext): Candidate[] {
  const out: Candidate[] = [];
  for (let t = 0; t + 2 < ctx.seg.tokenCount; t++) {
    if (ctx.lower[t] !== 'what') continue;
    let k = t + 1;
    while (k < t + 5 && (ctx.tokenEntity[k]! >= 0 || /^(?:it|he|she|they|officials|the|its|his|their)$/.test(ctx.lower[k]!))) k++;
    if (k === t + 1 || !/^(?:claims?|claimed|calls?|called|describes?|described|termed|dubbed|alleges?|alleged)$/.test(ctx.lower[k] ?? '')) continue;
    const verb = ctx.lower[k]!;
    const subject = ctx.text.slice(ctx.seg.tokenStart[t + 1]!, ctx.seg.tokenEnd[k - 1]!);
    const neutral = /^call|^describ|^term|^dub/.test(verb) ? `what ${subject} described as` : `what ${subject} describes as`;
    out.push({ first: t, last: k, category: 'doubt', neutral, refersTo: null, curated: true, weight: 1, rule: 'what-they-call' });
    t = k;
  }
  return out;
}
