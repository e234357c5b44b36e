// Rule: scare quotes. A name or a nationality set in quotation marks inside a sentence ("“Eilat”",
// "\"Israeli\" ports") puts it in doubt; the marks and the noun they qualify are the span.
import type { Candidate, FramingContext } from '../context.ts';
import { tokenText } from '../context.ts';

const OPENING_MARKS = '"“‘«';
const CLOSE = /^["”’»]$/;

export function scareQuotes(ctx: FramingContext): Candidate[] {
  const out: Candidate[] = [];
  const { text, seg } = ctx;
  for (let t = 0; t + 2 < seg.tokenCount; t++) {
    // An opening mark is a token of one character: told from the text, without reading the token's word.
    if (seg.tokenEnd[t]! - seg.tokenStart[t]! !== 1 || !OPENING_MARKS.includes(text[seg.tokenStart[t]!]!)) continue;
    let close = -1;
    for (let k = t + 1; k <= t + 3 && k < ctx.seg.tokenCount; k++) if (CLOSE.test(tokenText(ctx, k))) { close = k; break; }
    if (close < 0 || close === t + 1) continue;
    // Only capitalised words, no sentence inside: "“Eilat”", "“Israeli”".
    let names = true;
    for (let k = t + 1; k < close; k++) if (!/^\p{Lu}/u.test(tokenText(ctx, k))) names = false;
    if (!names) continue;
    // Not a title or a name in quotes that opens a sentence or follows a reporting word.
    const prev = ctx.lower[t - 1] ?? '';
    // Nor an alias given in quotes: "(also known as “ISIS”)", "or “ISIL”".
    if (/^(?:called|named|dubbed|titled|entitled|codenamed|code-named|operation|as|or|\(|,|known|aka)$/.test(prev)) continue;
    let last = close;
    const next = ctx.lower[close + 1] ?? '';
    if (/^[a-z][a-z-]+$/.test(next) && !/^(?:and|or|the|of|in|on|at|to|is|are|was|were|said|says)$/.test(next)) last = close + 1;
    const inner = ctx.text.slice(ctx.seg.tokenStart[t + 1]!, ctx.seg.tokenEnd[close - 1]!);
    const neutral = last > close ? `${inner} ${tokenText(ctx, last)}` : inner;
    out.push({ first: t, last, category: 'doubt', neutral, refersTo: null, curated: true, weight: 1, rule: 'scare-quotes' });
    t = last;
  }
  return out;
}
