// A binary averaged perceptron over tokens: is this token inside a framing span? Trained by
// scripts/learn-framing.ts on the Propaganda Techniques Corpus; the features (tokenFeatures) are the
// token's word, its neighbours, its shape, quotation context and the hand lexicon's verdict, so that the
// model generalises the lexicon to words around it ("a striking blow against freedom").
import type { FramingContext } from './context.ts';
import { FUNCTION_WORDS, tokenText } from './context.ts';
import { matchAt } from './rules/lexicon-phrases.ts';

export interface SerializedTokenModel {
  format: 'sitrep-binary-perceptron@1';
  features: string[];
  weights: number[];
  /** Decision threshold on the score, chosen on the dev split. */
  threshold: number;
  trainedOn: string;
}

export class TokenModel {
  private readonly weights: Map<string, number>;
  readonly threshold: number;

  constructor(weights: Map<string, number>, threshold: number) {
    this.weights = weights;
    this.threshold = threshold;
  }

  static fromJSON(json: SerializedTokenModel): TokenModel {
    const w = new Map<string, number>();
    json.features.forEach((f, i) => w.set(f, json.weights[i]!));
    return new TokenModel(w, json.threshold);
  }

  score(features: string[]): number {
    let s = 0;
    for (const f of features) s += this.weights.get(f) ?? 0;
    return s;
  }
}

/** Per token of the document, whether a hand-lexicon phrase covers it (its category, or ""). */
export function lexiconCover(ctx: FramingContext): string[] {
  const cover: string[] = new Array(ctx.seg.tokenCount).fill('');
  for (let t = 0; t < ctx.seg.tokenCount; t++) {
    const e = matchAt(ctx, t);
    if (!e || !e.curated) continue;
    for (let k = t; k < t + e.words.length; k++) cover[k] = e.modifier ? `${e.category}:mod` : e.category;
  }
  return cover;
}

/** Marks, per token, whether it lies between quotation marks within its sentence. */
export function insideMarks(ctx: FramingContext): Uint8Array {
  const inside = new Uint8Array(ctx.seg.tokenCount);
  for (let s = 0; s < ctx.seg.sentenceCount; s++) {
    let open = false;
    for (let t = ctx.seg.sentenceTokenStart[s]!; t < ctx.seg.sentenceTokenStart[s + 1]!; t++) {
      const w = tokenText(ctx, t);
      if (/^["“”«»]$/.test(w)) {
        open = w === '“' || w === '«' ? true : w === '”' || w === '»' ? false : !open;
        continue;
      }
      inside[t] = open ? 1 : 0;
    }
  }
  return inside;
}

export function tokenFeatures(ctx: FramingContext, t: number, cover: string[], marks: Uint8Array): string[] {
  const w = ctx.lower[t]!;
  const prev = ctx.lower[t - 1] ?? '<s>';
  const next = ctx.lower[t + 1] ?? '</s>';
  const raw = tokenText(ctx, t);
  const f = [
    'b',
    `w=${w}`,
    `p=${prev}`,
    `n=${next}`,
    `pw=${prev}|${w}`,
    `wn=${w}|${next}`,
    `s3=${w.slice(-3)}`,
    `s2=${w.slice(-2)}`,
    `lex=${cover[t]}`,
    `lexp=${cover[t - 1] ?? ''}`,
    `lexn=${cover[t + 1] ?? ''}`,
  ];
  if (FUNCTION_WORDS.has(w)) f.push('fw');
  if (/^\p{Lu}/u.test(raw)) f.push(/^\p{Lu}+$/u.test(raw) && raw.length > 1 ? 'caps' : 'cap');
  if (!/\p{L}/u.test(raw)) f.push('punct');
  if (marks[t]) f.push('inq');
  if (/-/.test(w)) f.push('hyph');
  if (ctx.tokenEntity[t]! >= 0) f.push('ent');
  return f;
}

/** Spans of tokens the model puts inside framing: positive runs, bridged over one function word. */
export function positiveRuns(ctx: FramingContext, positive: Uint8Array): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  let t = 0;
  const n = ctx.seg.tokenCount;
  while (t < n) {
    if (!positive[t]) { t++; continue; }
    let last = t;
    while (last + 1 < n && (positive[last + 1] || (positive[last + 2] && FUNCTION_WORDS.has(ctx.lower[last + 1]!) && sameSentence(ctx, last, last + 2)))) last += positive[last + 1] ? 1 : 2;
    let first = t;
    while (first <= last && (FUNCTION_WORDS.has(ctx.lower[first]!) || !/\p{L}/u.test(ctx.lower[first]!))) first++;
    let end = last;
    while (end >= first && (FUNCTION_WORDS.has(ctx.lower[end]!) || !/\p{L}/u.test(ctx.lower[end]!))) end--;
    if (first <= end) out.push({ first, last: end });
    t = last + 1;
  }
  return out;
}

function sameSentence(ctx: FramingContext, a: number, b: number): boolean {
  return !/^[.!?;]$/.test(ctx.lower[a + 1] ?? '') && b < ctx.seg.tokenCount;
}
