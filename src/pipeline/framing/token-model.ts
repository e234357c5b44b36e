// A binary averaged perceptron over tokens: is this token inside a framing span? Trained by
// scripts/learn-framing.ts on the Propaganda Techniques Corpus; the features (tokenFeatures) are the
// token's word, its neighbours, its shape, quotation context and the hand lexicon's verdict, so that the
// model generalises the lexicon to words around it ("a striking blow against freedom").
import type { FramingContext } from './context.ts';
import { FUNCTION_WORDS, tokenText } from './context.ts';
import { matchAt } from './rules/lexicon-phrases.ts';
import { wordSlot } from '../words/index.ts';
import { PairSlots } from '../../core/pair-slots.ts';

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
  // The weights split by feature kind, so that scoring a token looks words up without building strings.
  private readonly byKind = new Map<string, Map<string, number>>();
  /** Pair features (pw=, wn=) by the numbers of their two words, in flat hash tables: no key strings to
   *  build and no map per word to reach; a word in no pair skips the lookups. */
  private readonly pairWords = new Map<string, number>();
  private readonly pairs = { pw: new PairTable(), wn: new PairTable() };

  constructor(weights: Map<string, number>, threshold: number) {
    this.weights = weights;
    this.threshold = threshold;
    for (const [f, w] of weights) {
      const eq = f.indexOf('=');
      const kind = eq < 0 ? f : f.slice(0, eq);
      const value = eq < 0 ? '' : f.slice(eq + 1);
      let m = this.byKind.get(kind);
      if (!m) this.byKind.set(kind, (m = new Map()));
      m.set(value, w);
      if (kind === 'pw' || kind === 'wn') {
        const bar = value.lastIndexOf('|');
        this.pairs[kind].set(this.pairWordId(value.slice(0, bar)), this.pairWordId(value.slice(bar + 1)), w);
      }
    }
  }

  private pairWordId(word: string): number {
    let id = this.pairWords.get(word);
    if (id === undefined) this.pairWords.set(word, (id = this.pairWords.size));
    return id;
  }

  static fromJSON(json: SerializedTokenModel): TokenModel {
    const w = new Map<string, number>();
    json.features.forEach((f, i) => w.set(f, json.weights[i]!));
    return new TokenModel(w, json.threshold);
  }

  /** The score of a token from its feature list (training and tests; scoreAll is the fast path). */
  score(features: string[]): number {
    let s = 0;
    for (const f of features) s += this.weights.get(f) ?? 0;
    return s;
  }

  private get(kind: string, value: string): number {
    return this.byKind.get(kind)?.get(value) ?? 0;
  }

  private readonly wordCache = new Map<string, WordWeights>();
  /** This model's slot in WordType.memo. */
  private readonly slot = wordSlot();

  // The weights that depend on one word only, computed once per distinct word.
  private word(w: string): WordWeights {
    let info = this.wordCache.get(w);
    if (info) return info;
    let own = this.get('w', w) + this.get('s3', w.slice(-3)) + this.get('s2', w.slice(-2));
    if (FUNCTION_WORDS.has(w)) own += this.get('fw', '');
    if (w.includes('-')) own += this.get('hyph', '');
    if (!/\p{L}/u.test(w)) own += this.get('punct', '');
    info = {
      own,
      asPrev: this.get('p', w),
      asNext: this.get('n', w),
      pairWord: this.pairWords.get(w) ?? -1,
    };
    if (this.wordCache.size > 200_000) this.wordCache.clear();
    this.wordCache.set(w, info);
    return info;
  }

  /** Room for the word weights of n tokens (readToken() fills it). */
  tokenWeights(n: number): TokenWeights {
    return { own: new Float64Array(n), asPrev: new Float64Array(n), asNext: new Float64Array(n), pairWord: new Int32Array(n) };
  }

  /** Token t's word weights into `into`, from its word's memo (`folded`: the word folded as the
   *  framing context folds it). Called by the pass that reads the words for the framing context. */
  readToken(into: TokenWeights, t: number, memo: unknown[], folded: string): void {
    const slot = this.slot;
    const w = (memo[slot] as WordWeights | undefined) ?? (memo[slot] = this.word(folded));
    into.own[t] = w.own;
    into.asPrev[t] = w.asPrev;
    into.asNext[t] = w.asNext;
    into.pairWord[t] = w.pairWord;
  }

  /** Scores of every token: for each, the sum of the weights of tokenFeatures(ctx, t, …). */
  scoreAll(ctx: FramingContext, cover: string[], marks: Uint8Array): Float64Array {
    const n = ctx.seg.tokenCount;
    const out = new Float64Array(n);
    // Each token's word weights in flat arrays that the scoring loop reads three times (as the word, the
    // word after and the word before); read with the context's words when it has them.
    let weights = ctx.tokenWeights;
    if (!weights) {
      weights = this.tokenWeights(n);
      for (let t = 0; t < n; t++) this.readToken(weights, t, ctx.types[t]!.memo, ctx.lower[t]!);
    }
    const { own, asPrev, asNext, pairWord } = weights;
    const bias = this.get('b', '');
    const startWord = this.pairWords.get('<s>') ?? -1;
    const endWord = this.pairWords.get('</s>') ?? -1;
    const { pw, wn } = this.pairs;
    const start = this.get('p', '<s>');
    const end = this.get('n', '</s>');
    // The lexicon's verdict per token, as the three weights it takes part in.
    const lexOf = (kind: string) => {
      const m = this.byKind.get(kind);
      const none = m?.get('') ?? 0;
      return (t: number) => (t < 0 || t >= n ? m?.get(kind === 'lex' ? '' : '') ?? 0 : cover[t] === '' ? none : m?.get(cover[t]!) ?? 0);
    };
    const lex = lexOf('lex');
    const lexp = lexOf('lexp');
    const lexn = lexOf('lexn');
    const cap = this.get('cap', '');
    const caps = this.get('caps', '');
    const inq = this.get('inq', '');
    const ent = this.get('ent', '');
    for (let t = 0; t < n; t++) {
      let s = bias + own[t]! + (t > 0 ? asPrev[t - 1]! : start) + (t + 1 < n ? asNext[t + 1]! : end);
      const word = pairWord[t]!;
      if (word >= 0) {
        const before = t > 0 ? pairWord[t - 1]! : startWord;
        const after = t + 1 < n ? pairWord[t + 1]! : endWord;
        if (before >= 0) s += pw.get(before, word);
        if (after >= 0) s += wn.get(word, after);
      }
      s += lex(t) + lexp(t - 1) + lexn(t + 1);
      const c = ctx.text.charCodeAt(ctx.seg.tokenStart[t]!);
      if ((c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(tokenText(ctx, t)))) {
        const raw = tokenText(ctx, t);
        s += raw.length > 1 && /^\p{Lu}+$/u.test(raw) ? caps : cap;
      }
      if (marks[t]) s += inq;
      if (ctx.tokenEntity[t]! >= 0) s += ent;
      out[t] = s;
    }
    return out;
  }
}

/** The word weights of a document's tokens, per token. */
export interface TokenWeights {
  own: Float64Array;
  asPrev: Float64Array;
  asNext: Float64Array;
  /** The word's number among the words of pair features (-1: in none). */
  pairWord: Int32Array;
}

interface WordWeights {
  own: number;
  asPrev: number;
  asNext: number;
  /** The word's number among the words of pair features (-1: in none). */
  pairWord: number;
}

/** Weights keyed by a pair of small non-negative integers; absent pairs weigh 0. A slot is [left, right,
 *  weight as a Float64 over two ints], so the weight is read from the probe's cache line. */
export class PairTable {
  private readonly slots = new PairSlots(4, 18);
  private weights = new Float64Array(this.slots.ints.buffer); // a slot starting at int `at` has its weight at at / 2 + 1

  get(a: number, b: number): number {
    const at = this.slots.find(a, b);
    return at < 0 ? 0 : this.weights[(at >> 1) + 1]!;
  }

  set(a: number, b: number, w: number): void {
    const at = this.slots.add(a, b);
    if (this.weights.buffer !== this.slots.ints.buffer) this.weights = new Float64Array(this.slots.ints.buffer);
    this.weights[(at >> 1) + 1] = w;
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
  const f = [
    'b=',
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
  for (const flag of tokenFlags(ctx, t, marks)) f.push(flag);
  return f;
}

/** The yes/no features of a token. */
function tokenFlags(ctx: FramingContext, t: number, marks: Uint8Array): string[] {
  const w = ctx.lower[t]!;
  const raw = tokenText(ctx, t);
  const f: string[] = [];
  if (FUNCTION_WORDS.has(w)) f.push('fw');
  if (/^\p{Lu}/u.test(raw)) f.push(/^\p{Lu}+$/u.test(raw) && raw.length > 1 ? 'caps' : 'cap');
  if (!/\p{L}/u.test(raw)) f.push('punct');
  if (marks[t]) f.push('inq');
  if (w.includes('-')) f.push('hyph');
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
