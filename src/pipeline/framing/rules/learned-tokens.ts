// Rule: the token model (token-model.ts) marks words inside framing spans beyond the lexicons' phrases.
import type { Candidate, FramingContext } from '../context.ts';
import { insideMarks, lexiconCover, positiveRuns } from '../token-model.ts';

export function learnedTokens(ctx: FramingContext): Candidate[] {
  const model = ctx.index.tokenModel;
  if (!model) return [];
  const cover = lexiconCover(ctx);
  const marks = insideMarks(ctx);
  const scores = model.scoreAll(ctx, cover, marks);
  const positive = new Uint8Array(ctx.seg.tokenCount);
  for (let t = 0; t < ctx.seg.tokenCount; t++) if (scores[t]! > model.threshold) positive[t] = 1;
  return positiveRuns(ctx, positive).map(({ first, last }) => ({ first, last, category: 'loaded-language', neutral: null, refersTo: null, curated: false, weight: 0.5, rule: 'learned-tokens' }));
}
