// A binary averaged perceptron over tokens: is this token inside a framing span? Trained by
// scripts/learn-framing.ts on the Propaganda Techniques Corpus; the features (tokenFeatures) are the
// token's word, its neighbours, its shape, quotation context and the hand lexicon's verdict, so that the
// model generalises the lexicon to words around it ("a striking blow against freedom").
import type { FramingContext } from './context.ts';
import { FUNCTION_WORDS, tokenText } from './context.ts';
import { matchAt } from './rules/lexicon-phrases.ts';
import { wordSlot } from '../words/index.ts';
import type { WordType } from '../../core/document.ts';
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
  /** Pair features (pw=, wn=) by the numbers of their two words, in one flat hash table: no key strings to
   *  build and no map per word to reach; a word in no pair skips the lookups. Both kinds weigh a pair of
   *  neighbours (pw= as the word before and the word, wn= as the word and the word after), so a pair of
   *  neighbours is looked up once for both. */
  private readonly pairWords = new Map<string, number>();
  private readonly pairs = new PairTable(2);

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
        this.pairs.set(this.pairWordId(value.slice(0, bar)), this.pairWordId(value.slice(bar + 1)), w, kind === 'pw' ? PW : WN);
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

  // Each word type's weights as a row of flat arrays, its number kept in the word type's memo: the scoring
  // loop reads three rows per token, and a row in a typed array is one read where an object per word (its
  // numbers boxed) is several scattered ones. Row numbers below rowBase were given before the rows were
  // last cleared (beginDocument), and are given again on the word's next use.
  private readonly rowSlot = wordSlot();
  private rowBase = 0;
  private rowCount = 0;
  /** Per row: the word's own weight, its weight as the previous word, as the next word. */
  private rowWeights = new Float64Array(3 * 4096);
  /** Per row: the word's number among the words of pair features (-1: in none), its capitals (wordCase()). */
  private rowFacts = new Int32Array(2 * 4096);

  /** Room for the row numbers of a document's n tokens. Between documents, the rows are cleared once there
   *  are many, so that they stay in step with the words in use. */
  beginDocument(n: number): Int32Array {
    if (this.rowCount > 200_000) {
      this.rowBase += this.rowCount;
      this.rowCount = 0;
    }
    return new Int32Array(n);
  }

  /** The row of a word type (`folded`: its lower-case form folded as the framing context folds it). */
  rowOf(type: WordType, folded: string): number {
    const memo = type.memo;
    const id = memo[this.rowSlot] as number | undefined;
    if (id !== undefined && id >= this.rowBase) return id - this.rowBase;
    const row = this.rowCount++;
    if (3 * this.rowCount > this.rowWeights.length) {
      const weights = new Float64Array(2 * this.rowWeights.length);
      weights.set(this.rowWeights);
      this.rowWeights = weights;
      const facts = new Int32Array(2 * this.rowFacts.length);
      facts.set(this.rowFacts);
      this.rowFacts = facts;
    }
    const w = this.word(folded);
    this.rowWeights[3 * row] = w.own;
    this.rowWeights[3 * row + 1] = w.asPrev;
    this.rowWeights[3 * row + 2] = w.asNext;
    this.rowFacts[2 * row] = w.pairWord;
    this.rowFacts[2 * row + 1] = wordCase(type.text);
    memo[this.rowSlot] = this.rowBase + row;
    return row;
  }

  /** Scores of every token: for each, the sum of the weights of tokenFeatures(ctx, t, …). */
  scoreAll(ctx: FramingContext, cover: string[], marks: Uint8Array): Float64Array {
    const n = ctx.seg.tokenCount;
    const out = new Float64Array(n);
    let rows = ctx.index.tokenModel === this ? ctx.tokenRows : null;
    if (!rows) {
      rows = this.beginDocument(n);
      for (let t = 0; t < n; t++) rows[t] = this.rowOf(ctx.types[t]!, ctx.lower[t]!);
    }
    const weights = this.rowWeights;
    const facts = this.rowFacts;
    const bias = this.get('b', '');
    const startWord = this.pairWords.get('<s>') ?? -1;
    const endWord = this.pairWords.get('</s>') ?? -1;
    const pairs = this.pairs;
    const start = this.get('p', '<s>');
    const end = this.get('n', '</s>');
    // The lexicon's verdict on a token and its neighbours, as the three weights it takes part in; a token
    // outside the document counts as covered by no phrase. Most tokens and their neighbours are covered
    // by none: their sum, computed once, is the same sum.
    const lex = this.byKind.get('lex');
    const lexp = this.byKind.get('lexp');
    const lexn = this.byKind.get('lexn');
    const lexNone = lex?.get('') ?? 0;
    const lexpNone = lexp?.get('') ?? 0;
    const lexnNone = lexn?.get('') ?? 0;
    const noneCovered = lexNone + lexpNone + lexnNone;
    const cap = this.get('cap', '');
    const caps = this.get('caps', '');
    const inq = this.get('inq', '');
    const ent = this.get('ent', '');
    const tokenEntity = ctx.tokenEntity;
    let before = -1; // the row of token t - 1
    let row = rows[0]!;
    let pairBefore = 0; // the pw= weight of token t - 1 and token t, found with their wn= weight at t - 1
    for (let t = 0; t < n; t++) {
      const after = t + 1 < n ? rows[t + 1]! : -1;
      let s = bias + weights[3 * row]! + (t > 0 ? weights[3 * before + 1]! : start) + (t + 1 < n ? weights[3 * after + 2]! : end);
      const word = facts[2 * row]!;
      let pairAfter = 0;
      if (word >= 0) {
        if (t === 0) {
          if (startWord >= 0) s += pairs.get(startWord, word, PW);
        } else if (facts[2 * before]! >= 0) s += pairBefore;
        if (t + 1 === n) {
          if (endWord >= 0) s += pairs.get(word, endWord, WN);
        } else if (facts[2 * after]! >= 0) {
          const at = pairs.find(word, facts[2 * after]!);
          if (at >= 0) pairAfter = pairs.weight(at, PW);
          s += at >= 0 ? pairs.weight(at, WN) : 0;
        }
      }
      pairBefore = pairAfter;
      const here = cover[t]!;
      const prev = t > 0 ? cover[t - 1]! : '';
      const next = t + 1 < n ? cover[t + 1]! : '';
      s += here === '' && prev === '' && next === ''
        ? noneCovered
        : (here === '' ? lexNone : lex?.get(here) ?? 0) + (prev === '' ? lexpNone : lexp?.get(prev) ?? 0) + (next === '' ? lexnNone : lexn?.get(next) ?? 0);
      const wordCase = facts[2 * row + 1]!;
      if (wordCase === CAPITALS) s += caps;
      else if (wordCase === CAPITALISED) s += cap;
      if (marks[t]) s += inq;
      if (tokenEntity[t]! >= 0) s += ent;
      out[t] = s;
      before = row;
      row = after;
    }
    return out;
  }
}

// The weights of a pair of neighbours in the pair table.
const PW = 0;
const WN = 1;

// Whether a word opens with a capital letter, and is all capitals (the cap and caps features).
const LOWER = 0;
const CAPITALISED = 1;
const CAPITALS = 2;

function wordCase(raw: string): number {
  if (!/^\p{Lu}/u.test(raw)) return LOWER;
  return raw.length > 1 && /^\p{Lu}+$/u.test(raw) ? CAPITALS : CAPITALISED;
}

interface WordWeights {
  own: number;
  asPrev: number;
  asNext: number;
  /** The word's number among the words of pair features (-1: in none). */
  pairWord: number;
}

/** Weights keyed by a pair of small non-negative integers, `perPair` weights to a pair (numbered from 0);
 *  absent pairs and weights never set weigh 0. A slot is [left, right, then the weights as Float64s over
 *  two ints each], so the weights are read from the probe's cache line. */
export class PairTable {
  private readonly slots: PairSlots;
  private weights: Float64Array; // a slot starting at int `at` has its weights from at / 2 + 1 on

  constructor(readonly perPair = 1) {
    let width = 4;
    while (width < 2 + 2 * perPair) width *= 2;
    this.slots = new PairSlots(width, 18);
    this.weights = new Float64Array(this.slots.ints.buffer);
  }

  /** Where the pair's weights begin (for weight()), or -1 when the pair is absent. */
  find(a: number, b: number): number {
    const at = this.slots.find(a, b);
    return at < 0 ? -1 : (at >> 1) + 1;
  }

  /** Weight k of the pair whose weights begin at `at` (found by find()). */
  weight(at: number, k: number): number {
    return this.weights[at + k]!;
  }

  get(a: number, b: number, k = 0): number {
    const at = this.find(a, b);
    return at < 0 ? 0 : this.weights[at + k]!;
  }

  set(a: number, b: number, w: number, k = 0): void {
    let at = this.find(a, b);
    if (at < 0) {
      at = (this.slots.add(a, b) >> 1) + 1;
      if (this.weights.buffer !== this.slots.ints.buffer) this.weights = new Float64Array(this.slots.ints.buffer);
      this.weights.fill(0, at, at + this.perPair);
    }
    this.weights[at + k] = w;
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
  const { text, seg } = ctx;
  const inside = new Uint8Array(seg.tokenCount);
  for (let s = 0; s < seg.sentenceCount; s++) {
    let open = false;
    for (let t = seg.sentenceTokenStart[s]!; t < seg.sentenceTokenStart[s + 1]!; t++) {
      // A mark is a token of one character: told from the text, without reading the token's word.
      if (seg.tokenEnd[t]! - seg.tokenStart[t]! === 1) {
        const c = text.charCodeAt(seg.tokenStart[t]!);
        if (c === 0x22 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb) {
          open = c === 0x201c || c === 0xab ? true : c === 0x201d || c === 0xbb ? false : !open;
          continue;
        }
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
