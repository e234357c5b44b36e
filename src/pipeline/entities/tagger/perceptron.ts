// A greedy averaged-perceptron sequence tagger (BIO labels), trained by scripts/train-ner.ts. Left to
// right, each token's label is the best-scoring one given its word, context and gazetteer features and
// the two labels before it; an I- label may only continue a B-/I- label of the same type.
import { contextFeatures, DocumentHistory, historyFeatures, lowerWord, wordFeatures, wordShape, type SentenceView } from './features.ts';
import { wordSlot } from '../../words/index.ts';

export interface SerializedModel {
  format: 'sitrep-perceptron@2';
  labels: string[];
  features: string[];
  /** Per feature, a uint16 bit mask of the labels it has a weight for; base64. */
  masks: string;
  /** The weights those masks announce, in order, as int16 multiplied by `scale`; base64. */
  weights: string;
  scale: number;
  trainedOn: string;
}

function bytes(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

export class TaggerModel {
  readonly labels: string[];
  private readonly nLabels: number;
  private readonly index: Map<string, number>;
  private readonly weights: Float32Array;
  private readonly allowed: Uint8Array; // allowed[prev * n + cur]
  private wordCache = new Map<string, WordInfo>();
  /** This model's slot in WordType.memo. */
  private readonly slot = wordSlot();
  private oldWordCache = new Map<string, WordInfo>();
  private readonly tPrev: Int32Array;
  /** t-2t-1 ids indexed by (prev2 + 1) * (n + 1) + (prev + 1), -1 standing for the sentence start. */
  private readonly tPrev2: Int32Array;
  private readonly edgeIds: { prevStart: number; nextEnd: number; prev2Start: number; next2End: number; tStart: number };

  constructor(labels: string[], index: Map<string, number>, weights: Float32Array) {
    this.labels = labels;
    this.nLabels = labels.length;
    this.index = index;
    this.weights = weights;
    this.allowed = allowedTransitions(labels);
    const n = labels.length;
    this.tPrev = Int32Array.from(labels.map((l) => this.idOf(`t-1=${l}`)));
    this.tPrev2 = new Int32Array((n + 1) * (n + 1));
    const name = (k: number) => (k < 0 ? '<s>' : labels[k]!);
    for (let a = -1; a < n; a++) for (let b = -1; b < n; b++) this.tPrev2[(a + 1) * (n + 1) + (b + 1)] = this.idOf(`t-2t-1=${name(a)}|${name(b)}`);
    this.edgeIds = {
      prevStart: this.idOf('w-1=<s>'),
      nextEnd: this.idOf('w+1=</s>'),
      prev2Start: this.idOf('w-2=<s>'),
      next2End: this.idOf('w+2=</s>'),
      tStart: this.idOf('t-1=<s>'),
    };
    for (const f of index.keys()) {
      const m = /^(?:w-1w|ww\+1|w\+1w\+2|w-2w-1)=(.*)\|(.*)$/.exec(f);
      if (m) {
        this.pairLeft.add(m[1]!);
        this.pairRight.add(m[2]!);
        continue;
      }
      const t = /^t-1w(\+1)?=[^|]*\|(.*)$/.exec(f);
      if (t) (t[1] ? this.afterLabelWordsNext : this.afterLabelWords).add(t[2]!);
    }
    this.noLabelIds = new Int32Array(n).fill(-1);
    this.start = this.edgeInfo('<s>');
    this.end = this.edgeInfo('</s>');
    // Most features weigh on few labels: a sparse copy makes scoring several times faster.
    const nf = weights.length / n;
    this.offsets = new Int32Array(nf + 1);
    let nz = 0;
    for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) nz++;
    this.sparseLabel = new Uint8Array(nz);
    this.sparseWeight = new Float32Array(nz);
    let k = 0;
    for (let f = 0; f < nf; f++) {
      this.offsets[f] = k;
      for (let l = 0; l < n; l++) {
        const v = weights[f * n + l]!;
        if (v !== 0) {
          this.sparseLabel[k] = l;
          this.sparseWeight[k++] = v;
        }
      }
    }
    this.offsets[nf] = k;
  }

  /** Words that take part in any label-word feature (t-1w=, t-1w+1=): the others skip those lookups. */
  private readonly afterLabelWords = new Set<string>();
  private readonly afterLabelWordsNext = new Set<string>();
  private readonly noLabelIds: Int32Array;
  private readonly pairLeft = new Set<string>();
  private readonly pairRight = new Set<string>();
  private readonly offsets: Int32Array;
  private readonly sparseLabel: Uint8Array;
  private readonly sparseWeight: Float32Array;

  static fromJSON(m: SerializedModel): TaggerModel {
    if (m.format !== 'sitrep-perceptron@2') throw new Error(`unknown tagger model format ${String(m.format)}`);
    const n = m.labels.length;
    const masks = bytes(m.masks);
    const ints = new Int16Array(bytes(m.weights).buffer.slice(0));
    const maskView = new Uint16Array(masks.buffer.slice(0));
    const weights = new Float32Array(m.features.length * n);
    let k = 0;
    for (let f = 0; f < m.features.length; f++) {
      const mask = maskView[f]!;
      for (let l = 0; l < n; l++) if (mask & (1 << l)) weights[f * n + l] = ints[k++]! * m.scale;
    }
    const index = new Map<string, number>();
    m.features.forEach((f, i) => index.set(f, i));
    return new TaggerModel(m.labels, index, weights);
  }

  /** Sparse, quantised form; features whose weights all round to zero are left out. */
  toJSON(trainedOn: string, minWeight = 0): SerializedModel {
    const n = this.nLabels;
    let max = 0;
    for (const w of this.weights) max = Math.max(max, Math.abs(w));
    const scale = max / 32767 || 1;
    const features: string[] = [];
    const masks: number[] = [];
    const ints: number[] = [];
    for (const [f, id] of [...this.index].sort((a, b) => a[1] - b[1])) {
      let mask = 0;
      const vals: number[] = [];
      for (let l = 0; l < n; l++) {
        const w = this.weights[id * n + l]!;
        const q = Math.round(w / scale);
        if (q !== 0 && Math.abs(w) >= minWeight) {
          mask |= 1 << l;
          vals.push(q);
        }
      }
      if (!mask) continue;
      features.push(f);
      masks.push(mask);
      ints.push(...vals);
    }
    return {
      format: 'sitrep-perceptron@2',
      labels: this.labels,
      features,
      masks: Buffer.from(Uint16Array.from(masks).buffer).toString('base64'),
      weights: Buffer.from(Int16Array.from(ints).buffer).toString('base64'),
      scale,
      trainedOn,
    };
  }

  private addFeature(scores: Float64Array, feature: string): void {
    const id = this.index.get(feature);
    if (id === undefined) return;
    const base = id * this.nLabels;
    for (let l = 0; l < this.nLabels; l++) scores[l]! += this.weights[base + l]!;
  }

  private idOf(feature: string): number {
    return this.index.get(feature) ?? -1;
  }

  // Everything the features need to know about one word type, with the ids of the features it takes
  // part in as the current word and as a neighbour (looked up once per type, not per token).
  private wordInfo(word: string): WordInfo {
    let w = this.wordCache.get(word);
    if (!w) {
      w = this.oldWordCache.get(word);
      if (w) this.wordCache.set(word, w);
    }
    if (!w) {
      const lw = lowerWord(word);
      const own: number[] = [];
      for (const f of wordFeatures(word)) {
        const id = this.index.get(f);
        if (id !== undefined) own.push(id);
      }
      const afterLabel = this.labelWordIds('t-1w=', lw, this.afterLabelWords);
      const beforeWordAfterLabel = this.labelWordIds('t-1w+1=', lw, this.afterLabelWordsNext);
      const sh = wordShape(word);
      w = {
        lw,
        sh,
        shapeId: this.shapeIdOf(sh),
        opensPair: this.pairLeft.has(lw),
        closesPair: this.pairRight.has(lw),
        initial: this.idOf(`initial|${sh}`),
        common: this.idOf(`common|${sh}`),
        afterStart: this.idOf(`t-1w=<s>|${lw}`),
        beforeWordAfterStart: this.idOf(`t-1w+1=<s>|${lw}`),
        own: this.denseSum(own),
        asPrev: this.idOf(`w-1=${lw}`),
        asNext: this.idOf(`w+1=${lw}`),
        asPrev2: this.idOf(`w-2=${lw}`),
        asNext2: this.idOf(`w+2=${lw}`),
        afterLabel,
        beforeWordAfterLabel,
        pairs: new Map(),
      };
      // Two generations bound the memory and keep the words in use when the newer one is full.
      if (this.wordCache.size >= 60_000) {
        this.oldWordCache = this.wordCache;
        this.wordCache = new Map();
      }
      this.wordCache.set(word, w);
    }
    return w;
  }

  // The summed weights of features that depend on the word alone, per label: added as one vector.
  private denseSum(ids: number[]): Float64Array {
    const v = new Float64Array(this.nLabels);
    for (const f of ids) for (let q = this.offsets[f]!, e = this.offsets[f + 1]!; q < e; q++) v[this.sparseLabel[q]!]! += this.sparseWeight[q]!;
    return v;
  }

  private labelWordIds(prefix: string, lw: string, words: Set<string>): Int32Array {
    if (!words.has(lw)) return this.noLabelIds;
    const n = this.nLabels;
    const ids = new Int32Array(n);
    for (let l = 0; l < n; l++) ids[l] = this.idOf(`${prefix}${this.labels[l]}|${lw}`);
    return ids;
  }

  private start!: WordInfo;
  private end!: WordInfo;

  private edgeInfo(lw: string): WordInfo {
    const n = this.labels.length;
    const beforeWordAfterLabel = new Int32Array(n);
    for (let l = 0; l < n; l++) beforeWordAfterLabel[l] = this.idOf(`t-1w+1=${this.labels[l]}|${lw}`);
    return {
      lw, sh: lw, shapeId: this.shapeIdOf(lw), opensPair: this.pairLeft.has(lw), closesPair: this.pairRight.has(lw), initial: -1, common: -1, afterStart: -1,
      beforeWordAfterStart: this.idOf(`t-1w+1=<s>|${lw}`), own: new Float64Array(n), asPrev: -1, asNext: -1, asPrev2: -1,
      asNext2: -1, afterLabel: new Int32Array(n), beforeWordAfterLabel, pairs: new Map(),
    };
  }

  // The four features a word pair takes part in, memoised on the first word's record (keyed by the
  // second word's record, so no string is built twice).
  private bigram(a: WordInfo, b: WordInfo): PairIds {
    // Most word pairs are no feature at all: skip them without building a string.
    if (!a.opensPair || !b.closesPair) return NO_PAIR;
    let p = a.pairs.get(b);
    if (!p) {
      const key = `${a.lw}|${b.lw}`;
      p = { prevCur: this.idOf(`w-1w=${key}`), curNext: this.idOf(`ww+1=${key}`), next12: this.idOf(`w+1w+2=${key}`), prev21: this.idOf(`w-2w-1=${key}`) };
      if (a.pairs.size > 2000) a.pairs.clear();
      a.pairs.set(b, p);
    }
    return p;
  }

  private cached(cache: Map<string, number>, feature: string): number {
    let id = cache.get(feature);
    if (id === undefined) {
      id = this.idOf(feature);
      if (cache.size > 50_000) cache.clear();
      cache.set(feature, id);
    }
    return id;
  }

  /** Labels for one sentence; `history` carries what earlier sentences of the document were given. */
  tag(s: SentenceView, history?: DocumentHistory): string[] {
    const n = this.nLabels;
    const len = s.words.length;
    const info: (WordInfo | undefined)[] = new Array(len + 4);
    // info[k + 2] is word k; two sentinels on each side stand for the sentence edges. Words are looked
    // up only when a scored word needs them (most lower-case words are never scored).
    info[0] = this.start;
    info[1] = this.start;
    info[len + 2] = this.end;
    info[len + 3] = this.end;
    const words = s.words;
    const types = s.types;
    const slot = this.slot;
    const at = (k: number): WordInfo => {
      let w = info[k];
      if (w) return w;
      if (types) {
        const memo = types[k - 2]!.memo;
        w = (memo[slot] as WordInfo | undefined) ?? (memo[slot] = this.wordInfo(words[k - 2]!));
      } else w = this.wordInfo(words[k - 2]!);
      return (info[k] = w);
    };
    const out: string[] = new Array(len);
    const scores = this.scores;
    const ids = this.ids;
    const edge = this.edgeIds;
    let prev = 0; // index of 'O'
    let prev2 = -1;
    const cap = s.cap;
    for (let i = 0; i < len; i++) {
      // A word with no capital (or digit) neither starts a name nor, after an O, continues one: it is O
      // without being scored. Inside a name ("Council of Representatives") it is scored.
      if (cap && !cap[i] && !(i > 0 && prev !== 0)) {
        prev2 = i === 0 ? -1 : prev;
        prev = 0;
        out[i] = 'O';
        continue;
      }
      const me = at(i + 2);
      const before = at(i + 1);
      const before2 = at(i);
      const after = at(i + 3);
      const after2 = at(i + 4);
      let k = 0;
      // Context features, the same as contextFeatures() builds for training.
      ids[k++] = i > 0 ? before.asPrev : edge.prevStart;
      ids[k++] = i + 1 < len ? after.asNext : edge.nextEnd;
      ids[k++] = i > 1 ? before2.asPrev2 : edge.prev2Start;
      ids[k++] = i + 2 < len ? after2.asNext2 : edge.next2End;
      ids[k++] = this.shapePair(0, before, me);
      ids[k++] = this.shapePair(1, me, after);
      ids[k++] = this.shapeTriple(before.shapeId, me.shapeId, after.shapeId, before.sh, me.sh, after.sh);
      ids[k++] = this.bigram(before, me).prevCur;
      ids[k++] = this.bigram(me, after).curNext;
      ids[k++] = this.bigram(after, after2).next12;
      ids[k++] = this.bigram(before2, before).prev21;
      if (i === 0 || s.initial?.[i]) ids[k++] = me.initial;
      if (s.common?.[i]) ids[k++] = me.common;
      const g = s.gaz[i];
      if (g) ids[k++] = this.cached(this.gazCache, `g=${g}`);
      if (i > 0 && s.gaz[i - 1]) ids[k++] = this.cached(this.gazCache, `g-1=${s.gaz[i - 1]}`);
      if (i + 1 < len && s.gaz[i + 1]) ids[k++] = this.cached(this.gazCache, `g+1=${s.gaz[i + 1]}`);
      // History features (historyFeatures()).
      const prevLabel = i === 0 ? -1 : prev;
      ids[k++] = prevLabel < 0 ? edge.tStart : this.tPrev[prevLabel]!;
      ids[k++] = this.tPrev2[(prev2 + 1) * (n + 1) + (prevLabel + 1)]!;
      ids[k++] = prevLabel < 0 ? me.afterStart : me.afterLabel[prevLabel]!;
      ids[k++] = prevLabel < 0 ? after.beforeWordAfterStart : after.beforeWordAfterLabel[prevLabel]!;
      if (history) {
        const dh = history.feature(s.words[i]!);
        if (dh) ids[k++] = this.cached(this.gazCache, dh);
      }
      const own = me.own;
      for (let l = 0; l < n; l++) scores[l] = own[l]!;
      const off = this.offsets;
      const sl = this.sparseLabel;
      const sw = this.sparseWeight;
      for (let j = 0; j < k; j++) {
        const f = ids[j]!;
        if (f < 0) continue;
        for (let q = off[f]!, e = off[f + 1]!; q < e; q++) scores[sl[q]!]! += sw[q]!;
      }
      let best = -1;
      const row = prev * n;
      for (let l = 0; l < n; l++) {
        if (!this.allowed[row + l]!) continue;
        if (best < 0 || scores[l]! > scores[best]!) best = l;
      }
      prev2 = prevLabel;
      prev = best;
      out[i] = this.labels[best]!;
    }
    if (history) for (let i = 0; i < len; i++) history.record(s.words[i]!, out[i]!);
    return out;
  }

  private readonly scores = new Float64Array(32);
  private readonly ids = new Int32Array(64);
  private readonly gazCache = new Map<string, number>();
  private readonly shapeIndex = new Map<string, number>();
  private readonly shapePairs = [new Map<number, number>(), new Map<number, number>()];
  private readonly shapeTriples = new Map<number, number>();

  private shapeIdOf(sh: string): number {
    let id = this.shapeIndex.get(sh);
    if (id === undefined) {
      id = this.shapeIndex.size;
      this.shapeIndex.set(sh, id);
    }
    return id;
  }

  private shapePair(which: 0 | 1, a: WordInfo, b: WordInfo): number {
    const m = this.shapePairs[which]!;
    const key = a.shapeId * 65536 + b.shapeId;
    let id = m.get(key);
    if (id === undefined) {
      id = this.idOf(`${which === 0 ? 'sh-1' : 'sh+1'}=${a.sh}|${b.sh}`);
      m.set(key, id);
    }
    return id;
  }

  private shapeTriple(a: number, b: number, c: number, sa: string, sb: string, sc: string): number {
    const key = (a * 65536 + b) * 65536 + c;
    let id = this.shapeTriples.get(key);
    if (id === undefined) {
      id = this.idOf(`sh3=${sa}|${sb}|${sc}`);
      this.shapeTriples.set(key, id);
    }
    return id;
  }

  /** The reference tagger: builds every feature string as training does (for tests of the fast path). */
  tagReference(s: SentenceView, history?: DocumentHistory): string[] {
    const n = this.nLabels;
    const out: string[] = [];
    const scores = new Float64Array(n);
    let prev = 0;
    let prevLabel = '<s>';
    let prev2Label = '<s>';
    for (let i = 0; i < s.words.length; i++) {
      scores.fill(0);
      for (const f of wordFeatures(s.words[i]!)) this.addFeature(scores, f);
      for (const f of contextFeatures(s, i)) this.addFeature(scores, f);
      for (const f of historyFeatures(prevLabel, prev2Label, lowerWord(s.words[i]!), i + 1 < s.words.length ? lowerWord(s.words[i + 1]!) : '</s>')) this.addFeature(scores, f);
      const dh = history?.feature(s.words[i]!);
      if (dh) this.addFeature(scores, dh);
      let best = -1;
      for (let l = 0; l < n; l++) {
        if (!this.allowed[prev * n + l]!) continue;
        if (best < 0 || scores[l]! > scores[best]!) best = l;
      }
      prev2Label = prevLabel;
      prevLabel = this.labels[best]!;
      prev = best;
      out.push(prevLabel);
    }
    if (history) for (let i = 0; i < out.length; i++) history.record(s.words[i]!, out[i]!);
    return out;
  }
}

interface WordInfo {
  lw: string;
  sh: string;
  shapeId: number;
  /** Whether the word is the first or the second word of any word-pair feature of the model. */
  opensPair: boolean;
  closesPair: boolean;
  /** initial|<shape>, common|<shape>, t-1w=<s>|<word>, t-1w+1=<s>|<word>. */
  initial: number;
  common: number;
  afterStart: number;
  beforeWordAfterStart: number;
  /** The summed weights of the word's own features (wordFeatures()), per label. */
  own: Float64Array;
  asPrev: number;
  asNext: number;
  asPrev2: number;
  asNext2: number;
  /** t-1w=<label>|<this word>, per previous label. */
  afterLabel: Int32Array;
  /** t-1w+1=<label>|<this word> (this word following the current one), per label of the one before. */
  beforeWordAfterLabel: Int32Array;
  /** Feature ids of the pairs this word opens, by the record of the word that follows. */
  pairs: Map<WordInfo, PairIds>;
}

const NO_PAIR: PairIds = { prevCur: -1, curNext: -1, next12: -1, prev21: -1 };

interface PairIds {
  prevCur: number;
  curNext: number;
  next12: number;
  prev21: number;
}

export function allowedTransitions(labels: string[]): Uint8Array {
  const n = labels.length;
  const a = new Uint8Array(n * n);
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < n; c++) {
      const cur = labels[c]!;
      const prev = labels[p]!;
      a[p * n + c] = !cur.startsWith('I-') || (prev !== 'O' && prev.slice(2) === cur.slice(2)) ? 1 : 0;
    }
  }
  return a;
}

export interface TrainingSentence {
  view: SentenceView;
  tags: string[];
  /** Sentences of one document share a number and come in order (for the document-history feature). */
  doc: number;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this (with the gold history) are left out. */
  minCount: number;
  log?: (line: string) => void;
}

/** Trains an averaged perceptron; deterministic for the same sentences and options. */
export function trainTagger(sentences: TrainingSentence[], labelSet: string[], options: TrainOptions): TaggerModel {
  const labels = ['O', ...labelSet.filter((l) => l !== 'O')];
  const lid = new Map(labels.map((l, i) => [l, i]));
  const n = labels.length;
  // Pass 1: the feature dictionary, from gold histories.
  const counts = new Map<string, number>();
  const bump = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  let goldHistory = new DocumentHistory();
  let lastDoc = -1;
  for (const s of sentences) {
    if (s.doc !== lastDoc) {
      goldHistory = new DocumentHistory();
      lastDoc = s.doc;
    }
    let p = '<s>', p2 = '<s>';
    for (let i = 0; i < s.view.words.length; i++) {
      const dh = goldHistory.feature(s.view.words[i]!);
      if (dh) bump(dh);
      for (const f of wordFeatures(s.view.words[i]!)) bump(f);
      for (const f of contextFeatures(s.view, i)) bump(f);
      for (const f of historyFeatures(p, p2, lowerWord(s.view.words[i]!), i + 1 < s.view.words.length ? lowerWord(s.view.words[i + 1]!) : '</s>')) bump(f);
      p2 = p;
      p = s.tags[i]!;
    }
    for (let i = 0; i < s.view.words.length; i++) goldHistory.record(s.view.words[i]!, s.tags[i]!);
  }
  const index = new Map<string, number>();
  for (const [f, c] of counts) if (c >= options.minCount) index.set(f, index.size);
  counts.clear();
  // Static (tag-independent) feature ids per token, computed once.
  const staticIds: Int32Array[][] = sentences.map((s) =>
    s.view.words.map((w, i) => Int32Array.from([...wordFeatures(w), ...contextFeatures(s.view, i)].map((f) => index.get(f) ?? -1).filter((x) => x >= 0))),
  );
  const nf = index.size;
  const w = new Float64Array(nf * n);
  const total = new Float64Array(nf * n);
  const stamp = new Float64Array(nf * n);
  let clock = 1;
  const update = (fid: number, label: number, delta: number) => {
    const k = fid * n + label;
    total[k]! += (clock - stamp[k]!) * w[k]!;
    stamp[k] = clock;
    w[k]! += delta;
  };
  const allowed = allowedTransitions(labels);
  // Documents are shuffled; sentences keep their order inside a document.
  const docs: number[][] = [];
  sentences.forEach((s, i) => {
    if (!docs.length || sentences[i - 1]!.doc !== s.doc) docs.push([]);
    docs[docs.length - 1]!.push(i);
  });
  const order = docs.map((_, i) => i);
  let rand = options.seed >>> 0 || 1;
  const next = () => ((rand = (Math.imul(rand, 1664525) + 1013904223) >>> 0), rand / 4294967296);
  const scores = new Float64Array(n);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let correct = 0, seen = 0;
    for (const di of order) {
     const docHistory = new DocumentHistory();
     for (const si of docs[di]!) {
      const s = sentences[si]!;
      let p = '<s>', p2 = '<s>', prev = 0;
      const predicted: string[] = [];
      for (let i = 0; i < s.view.words.length; i++) {
        const hist: number[] = [];
        for (const f of historyFeatures(p, p2, lowerWord(s.view.words[i]!), i + 1 < s.view.words.length ? lowerWord(s.view.words[i + 1]!) : '</s>')) {
          const id = index.get(f);
          if (id !== undefined) hist.push(id);
        }
        const dh = docHistory.feature(s.view.words[i]!);
        const dhId = dh ? index.get(dh) : undefined;
        if (dhId !== undefined) hist.push(dhId);
        const ids = staticIds[si]![i]!;
        scores.fill(0);
        for (const id of ids) for (let l = 0; l < n; l++) scores[l]! += w[id * n + l]!;
        for (const id of hist) for (let l = 0; l < n; l++) scores[l]! += w[id * n + l]!;
        let best = -1;
        for (let l = 0; l < n; l++) {
          if (i === 0 ? !allowed[l]! : !allowed[prev * n + l]!) continue;
          if (best < 0 || scores[l]! > scores[best]!) best = l;
        }
        const gold = lid.get(s.tags[i]!) ?? 0;
        if (best !== gold) {
          for (const id of ids) { update(id, gold, 1); update(id, best, -1); }
          for (const id of hist) { update(id, gold, 1); update(id, best, -1); }
        } else {
          correct++;
        }
        seen++;
        clock++;
        p2 = p;
        // Train on the predicted history, as tagging will see it.
        p = labels[best]!;
        prev = best;
        predicted.push(p);
      }
      for (let i = 0; i < predicted.length; i++) docHistory.record(s.view.words[i]!, predicted[i]!);
     }
    }
    options.log?.(`epoch ${epoch}: token accuracy ${(correct / seen).toFixed(4)}`);
  }
  const avg = new Float32Array(nf * n);
  for (let k = 0; k < avg.length; k++) avg[k] = (total[k]! + (clock - stamp[k]!) * w[k]!) / clock;
  return new TaggerModel(labels, index, avg);
}
