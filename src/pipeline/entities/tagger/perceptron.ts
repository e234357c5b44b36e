// An averaged structured perceptron sequence tagger (BIO labels; Collins 2002), trained by
// scripts/train-ner.ts. A sentence's labels are the best-scoring sequence (first-order Viterbi) given each
// word's own, context, word-class and gazetteer features and the label before it; an I- label may only
// continue a B-/I- label of the same type. Decoding the whole sentence rather than left to right raised
// ner-gmb-dev F1 of the tagger alone from 0.790 to 0.816.
import { contextFeatures, DocumentHistory, historyFeatures, lowerWord, wordFeatures, wordShape, type SentenceView } from './features.ts';
import { wordSlot } from '../../words/index.ts';
import { classOf, type WordClasses } from './clusters.ts';
import { PairFeatureIds, PairRole } from './pair-ids.ts';

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
  /** Digest of the word-class file the model was trained with (absent: no class features). */
  wordClasses?: string;
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
  private readonly transition: Float64Array;
  private readonly edgeIds: { tStart: number };

  /** The word classes whose features the model weighs, or null. */
  readonly classes: WordClasses | null;

  constructor(labels: string[], index: Map<string, number>, weights: Float32Array, classes: WordClasses | null = null) {
    this.classes = classes;
    this.labels = labels;
    this.nLabels = labels.length;
    this.index = index;
    this.weights = weights;
    this.allowed = allowedTransitions(labels);
    const n = labels.length;
    this.restrictedPreds = labels.map((_, l) => {
      const preds = labels.flatMap((__, p) => (this.allowed[p * n + l] ? [p] : []));
      return preds.length === n ? null : Int32Array.from(preds);
    });
    this.tPrev = Int32Array.from(labels.map((l) => this.idOf(`t-1=${l}`)));
    // t-1= weights as a label-pair matrix, -Infinity where the pair is not allowed.
    this.transition = new Float64Array(n * n);
    for (let p = 0; p < n; p++) {
      for (let l = 0; l < n; l++) {
        const f = this.tPrev[p]!;
        this.transition[p * n + l] = !this.allowed[p * n + l] ? -Infinity : f >= 0 ? weights[f * n + l]! : 0;
      }
    }
    this.edgeIds = {
      tStart: this.idOf('t-1=<s>'),
    };
    // Word-pair features by the numbers of their two words: looked up without building a string.
    const pairRole = { 'w-1w': PairRole.PrevCur, 'ww+1': PairRole.CurNext, 'w+1w+2': PairRole.Next12, 'w-2w-1': PairRole.Prev21 } as const;
    for (const [f, id] of index) {
      const m = /^(w-1w|ww\+1|w\+1w\+2|w-2w-1)=(.*)\|(.*)$/.exec(f);
      if (m) {
        const left = this.pairWordId(m[2]!);
        const right = this.pairWordId(m[3]!);
        this.pairIds.set(left, right, pairRole[m[1] as keyof typeof pairRole], id);
        this.leftPairWords.add(left);
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
    // Entry q of row f (offsets[f] <= q < offsets[f + 1]) is label sparseLabel[2q] with weight
    // sparseWeight[2q + 1]: two views of one buffer, so that a row's labels and weights share cache lines.
    const entries = new ArrayBuffer(8 * nz);
    this.sparseLabel = new Int32Array(entries);
    this.sparseWeight = new Float32Array(entries);
    let k = 0;
    for (let f = 0; f < nf; f++) {
      this.offsets[f] = k;
      for (let l = 0; l < n; l++) {
        const v = weights[f * n + l]!;
        if (v !== 0) {
          this.sparseLabel[2 * k] = l;
          this.sparseWeight[2 * k + 1] = v;
          k++;
        }
      }
    }
    this.offsets[nf] = k;
  }

  /** Words that take part in any label-word feature (t-1w=, t-1w+1=): the others skip those lookups. */
  private readonly afterLabelWords = new Set<string>();
  private readonly afterLabelWordsNext = new Set<string>();
  private readonly noLabelIds: Int32Array;
  /** Numbers of the words that occur in word-pair features: the pair table's keys. */
  private readonly pairWords = new Map<string, number>();
  private readonly pairIds = new PairFeatureIds();
  /** Words on the left of some pair: a pair with any other word on the left is not looked up. */
  private readonly leftPairWords = new Set<number>();

  private pairWordId(lw: string): number {
    let id = this.pairWords.get(lw);
    if (id === undefined) this.pairWords.set(lw, (id = this.pairWords.size));
    return id;
  }
  private readonly offsets: Int32Array;
  private readonly sparseLabel: Int32Array;
  private readonly sparseWeight: Float32Array;

  /** `classes` must be the word classes the model was trained with (its `wordClasses` digest). */
  static fromJSON(m: SerializedModel, classes: WordClasses | null = null): TaggerModel {
    if (m.format !== 'sitrep-perceptron@2') throw new Error(`unknown tagger model format ${String(m.format)}`);
    if (m.wordClasses && m.wordClasses !== classes?.digest) {
      throw new Error(`the tagger model was trained with word classes ${m.wordClasses}, but ${classes ? `classes ${classes.digest} were` : 'none were'} given`);
    }
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
    return new TaggerModel(m.labels, index, weights, m.wordClasses ? classes : null);
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
      ...(this.classes ? { wordClasses: this.classes.digest } : {}),
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
      const cls = this.classes ? classOf(this.classes, word) : undefined;
      for (const f of wordFeatures(word, cls)) {
        const id = this.index.get(f);
        if (id !== undefined) own.push(id);
      }
      const afterLabel = this.labelWordIds('t-1w=', lw, this.afterLabelWords);
      const beforeWordAfterLabel = this.labelWordIds('t-1w+1=', lw, this.afterLabelWordsNext);
      const sh = wordShape(word);
      const [vectors, at] = this.vectorSlot();
      for (const f of own) this.accumulate(vectors.own, f, at * this.nLabels);
      w = {
        lw,
        sh,
        shapeId: this.shapeIdOf(sh),
        pairWord: this.pairWords.get(lw) ?? -1,
        leftOfPair: this.leftPairWords.has(this.pairWords.get(lw) ?? -1),
        initial: this.idOf(`initial|${sh}`),
        common: this.idOf(`common|${sh}`),
        afterStart: this.idOf(`t-1w=<s>|${lw}`),
        beforeWordAfterStart: this.idOf(`t-1w+1=<s>|${lw}`),
        vectors,
        at,
        hasContext: false,
        mayOpen: this.opens(vectors.own, at * this.nLabels),
        asPrev: this.idOf(`w-1=${lw}`),
        asNext: this.idOf(`w+1=${lw}`),
        asPrev2: this.idOf(`w-2=${lw}`),
        asNext2: this.idOf(`w+2=${lw}`),
        cls: cls ?? -1,
        asPrevClass: cls === undefined ? -1 : this.idOf(`c-1=${cls}`),
        asNextClass: cls === undefined ? -1 : this.idOf(`c+1=${cls}`),
        asPrev2Class: cls === undefined ? -1 : this.idOf(`c-2=${cls}`),
        asNext2Class: cls === undefined ? -1 : this.idOf(`c+2=${cls}`),
        afterLabel,
        beforeWordAfterLabel,
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

  /** Whether a word's own weights let it open a name: some B- label within a margin of O. */
  private opens(own: Float64Array, base = 0): boolean {
    for (let l = 1; l < this.nLabels; l++) if (this.labels[l]!.startsWith('B-') && own[base + l]! > own[base]! - OPEN_MARGIN) return true;
    return false;
  }

  // Adds feature f's weights (if it is a feature, f >= 0) to v[base + label]. For the vectors built once
  // per word type or shape triple; tag() keeps its own copy of this loop for the tokens it scores.
  private accumulate(v: Float64Array | Float32Array, f: number, base = 0): void {
    if (f >= 0) for (let q = 2 * this.offsets[f]!, e = 2 * this.offsets[f + 1]!; q < e; q += 2) v[base + this.sparseLabel[q]!]! += this.sparseWeight[q + 1]!;
  }

  // The summed weights of features that depend on the word alone, per label: added as one vector.
  private denseSum(ids: number[]): Float64Array {
    const v = new Float64Array(this.nLabels);
    for (const f of ids) this.accumulate(v, f);
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
    const c = lw === '<s>' ? -2 : -3;
    const n = this.labels.length;
    const beforeWordAfterLabel = new Int32Array(n);
    for (let l = 0; l < n; l++) beforeWordAfterLabel[l] = this.idOf(`t-1w+1=${this.labels[l]}|${lw}`);
    return {
      lw, sh: lw, mayOpen: false, shapeId: this.shapeIdOf(lw), pairWord: this.pairWords.get(lw) ?? -1,
      leftOfPair: this.leftPairWords.has(this.pairWords.get(lw) ?? -1), initial: -1, common: -1, afterStart: -1,
      beforeWordAfterStart: this.idOf(`t-1w+1=<s>|${lw}`), ...this.edgeVectors(),
      // The start stands before the first words (w-1=<s>, w-2=<s>), the end after the last ones.
      asPrev: lw === '<s>' ? this.idOf('w-1=<s>') : -1, asNext: lw === '</s>' ? this.idOf('w+1=</s>') : -1,
      asPrev2: lw === '<s>' ? this.idOf('w-2=<s>') : -1, asNext2: lw === '</s>' ? this.idOf('w+2=</s>') : -1, cls: c, asPrevClass: this.classes ? this.idOf(`c-1=${lw}`) : -1, asNextClass: this.classes ? this.idOf(`c+1=${lw}`) : -1,
      asPrev2Class: this.classes ? this.idOf(`c-2=${lw}`) : -1, asNext2Class: this.classes ? this.idOf(`c+2=${lw}`) : -1,
      afterLabel: new Int32Array(n), beforeWordAfterLabel,
    };
  }

  // The four features a word pair takes part in.
  private bigram(a: WordInfo, b: WordInfo, role: PairRole): number {
    if (b.pairWord < 0 || !a.leftOfPair) return -1;
    return this.pairIds.get(a.pairWord, b.pairWord, role);
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
    if (len === 0) return [];
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
    const mayOpen = (k: number) => at(k + 2).mayOpen;
    const ids = this.ids;
    const edge = this.edgeIds;
    const cap = s.cap;
    // Decoding tables, reused from sentence to sentence (allocating them each time shows in profiles).
    if (this.delta.length < len * n) {
      this.delta = new Float64Array(len * n * 2);
      this.back = new Int8Array(len * n * 2);
    }
    const delta = this.delta;
    const back = this.back;
    const emit = this.scores;
    const trans = this.transScores;
    const off = this.offsets;
    const sl = this.sparseLabel;
    const sw = this.sparseWeight;
    const addRow = (v: Float64Array, f: number) => {
      if (f >= 0) for (let q = 2 * off[f]!, e = 2 * off[f + 1]!; q < e; q += 2) v[sl[q]!]! += sw[q + 1]!;
    };
    const T = this.transition;
    const cand = this.candidates;
    const restricted = this.restrictedPreds;
    // A sentence with nowhere a name can start is all O.
    if (cap && cap.indexOf(1) < 0) {
      out.fill('O');
      if (history) recordCapitalised(history, s, out);
      return out;
    }
    let afterO = false;
    for (let i = 0; i < len; i++) {
      const row = i * n;
      const mode = tokenMode(cap, words, i, mayOpen);
      if (mode === TokenMode.O) {
        // Only O: the paths into it differ by the label-pair weights alone.
        this.onlyO(delta, back, i, null, null, afterO);
        afterO = true;
        continue;
      }
      const me = at(i + 2);
      const after = at(i + 3);
      // Label-word weights of this word (t-1w=) and of the next (t-1w+1=), per label pair, or null.
      const A = this.historyMatrix(me, 0);
      const B = this.historyMatrix(after, 1);
      if (mode === TokenMode.OAfterName) {
        this.onlyO(delta, back, i, A, B, afterO);
        afterO = true;
        continue;
      }
      afterO = false;
      const before = at(i + 1);
      const before2 = at(i);
      const after2 = at(i + 4);
      let k = 0;
      // Context features, the same as contextFeatures() builds for training.
      ids[k++] = this.bigram(before, me, PairRole.PrevCur);
      ids[k++] = this.bigram(me, after, PairRole.CurNext);
      ids[k++] = this.bigram(after, after2, PairRole.Next12);
      ids[k++] = this.bigram(before2, before, PairRole.Prev21);
      if (this.classes) {
        ids[k++] = this.classPair(me, after);
        ids[k++] = this.classPair(before, me, 1);
      }
      if (i === 0 || s.initial?.[i]) ids[k++] = me.initial;
      if (s.common?.[i]) ids[k++] = me.common;
      const g = s.gaz[i];
      if (g) ids[k++] = this.gazIds(g)[0];
      if (i > 0 && s.gaz[i - 1]) ids[k++] = this.gazIds(s.gaz[i - 1]!)[1];
      if (i + 1 < len && s.gaz[i + 1]) ids[k++] = this.gazIds(s.gaz[i + 1]!)[2];
      if (history) {
        const dh = history.feature(s.words[i]!);
        if (dh) ids[k++] = this.cached(this.gazCache, dh);
      }
      // The word's own weights and those it gets from its neighbours' words and classes (w-1=, c-1=,
      // w+1=, c+1=, w-2=, w+2=), summed once per word type, and the shape features (sh-1=, sh+1=, sh3=),
      // summed once per triple of shapes.
      const own = me.vectors.own, ownAt = me.at * n;
      const cb = this.contextOf(before), cbAt = before.at * 4 * n;
      const ca = this.contextOf(after), caAt = after.at * 4 * n + n;
      const cb2 = this.contextOf(before2), cb2At = before2.at * 4 * n + 2 * n;
      const ca2 = this.contextOf(after2), ca2At = after2.at * 4 * n + 3 * n;
      const shapes = this.shapeWeights(before, me, after);
      for (let l = 0; l < n; l++) emit[l] = own[ownAt + l]! + cb[cbAt + l]! + ca[caAt + l]! + cb2[cb2At + l]! + ca2[ca2At + l]! + shapes[l]!;
      for (let j = 0; j < k; j++) addRow(emit, ids[j]!);
      if (i === 0) {
        trans.fill(0, 0, n);
        addRow(trans, edge.tStart);
        addRow(trans, me.afterStart);
        addRow(trans, after.beforeWordAfterStart);
        for (let l = 0; l < n; l++) delta[row + l] = this.allowed[l] ? emit[l]! + trans[l]! : -Infinity;
        continue;
      }
      // Paths through labels far below the best one at the word before are not followed (a beam).
      let top = -Infinity;
      for (let p = 0; p < n; p++) if (delta[row - n + p]! > top) top = delta[row - n + p]!;
      let nc = 0;
      const floor = top - BEAM;
      for (let p = 0; p < n; p++) if (delta[row - n + p]! >= floor) cand[nc++] = p;
      for (let l = 0; l < n; l++) {
        let bestV = -Infinity;
        let bestP = 0;
        const preds = restricted[l];
        if (preds) {
          for (let c = 0; c < preds.length; c++) {
            const p = preds[c]!;
            if (!(delta[row - n + p]! >= floor)) continue;
            const q = p * n + l;
            const v = delta[row - n + p]! + T[q]! + (A ? A[q]! : 0) + (B ? B[q]! : 0);
            if (v > bestV) {
              bestV = v;
              bestP = p;
            }
          }
        } else {
          for (let c = 0; c < nc; c++) {
            const p = cand[c]!;
            const q = p * n + l;
            const v = delta[row - n + p]! + T[q]! + (A ? A[q]! : 0) + (B ? B[q]! : 0);
            if (v > bestV) {
              bestV = v;
              bestP = p;
            }
          }
        }
        delta[row + l] = bestV + emit[l]!;
        back[row + l] = bestP;
      }
    }
    let best = 0;
    const last = (len - 1) * n;
    for (let l = 1; l < n; l++) if (delta[last + l]! > delta[last + best]!) best = l;
    for (let i = len - 1; i >= 0; i--) {
      out[i] = this.labels[best]!;
      best = back[i * n + best]!;
    }
    if (history) recordCapitalised(history, s, out);
    return out;
  }

  // Token i can only be O: its best predecessor by the label-pair weights and the label-word matrices.
  // `afterO`: the token before could only be O too, so O is its one predecessor.
  private onlyO(delta: Float64Array, back: Int8Array, i: number, A: Float32Array | null, B: Float32Array | null, afterO: boolean): void {
    const n = this.nLabels;
    const row = i * n;
    const T = this.transition;
    const toO = n * n; // where historyMatrix() repeats the column of label O
    let bp = 0;
    let bv = 0;
    if (i > 0 && afterO) {
      bv = delta[row - n]! + T[0]! + (A ? A[toO]! : 0) + (B ? B[toO]! : 0);
    } else if (i > 0) {
      bv = -Infinity;
      for (let p = 0, q = 0; p < n; p++, q += n) {
        const v = delta[row - n + p]! + T[q]! + (A ? A[toO + p]! : 0) + (B ? B[toO + p]! : 0);
        if (v > bv) {
          bv = v;
          bp = p;
        }
      }
    }
    for (let l = 1; l < n; l++) delta[row + l] = -Infinity;
    delta[row] = bv;
    back[row] = bp;
  }

  private readonly transScores = new Float64Array(32);
  private readonly candidates = new Int32Array(32);
  /** Per label, its allowed predecessors in ascending order when not every label may precede it (an I-
   *  label follows only the B- and I- of its type), else null: decoding skips pairs that cannot be. */
  private readonly restrictedPreds: (Int32Array | null)[];
  private delta = new Float64Array(1024);
  private back = new Int8Array(1024);

  // A word's weights as a neighbour: [as the word before, the word after, two before, two after], each
  // per label (w-1= with c-1=, w+1= with c+1=, w-2=, w+2=); the sentence edges have theirs. Returns the
  // context array of the word's chunk, where its four vectors start at at * 4n.
  private contextOf(w: WordInfo): Float32Array {
    // The filling is a method of its own: its closure would make every call allocate a context object,
    // also the calls that find the vectors filled (nearly all).
    if (!w.hasContext) this.fillContext(w);
    return w.vectors.context;
  }

  private fillContext(w: WordInfo): void {
    const v = w.vectors.context;
    const n = this.nLabels;
    const base = w.at * 4 * n;
    const add = (part: number, f: number) => this.accumulate(v, f, base + part * n);
    add(0, w.asPrev);
    add(0, w.asPrevClass);
    add(1, w.asNext);
    add(1, w.asNextClass);
    add(2, w.asPrev2);
    add(2, w.asPrev2Class);
    add(3, w.asNext2);
    add(3, w.asNext2Class);
    w.hasContext = true;
  }

  private vectorChunk: WordVectors | null = null;

  // A free slot for one word's vectors: the current chunk's next, or the first of a new chunk.
  private vectorSlot(): [WordVectors, number] {
    let chunk = this.vectorChunk;
    if (!chunk || chunk.used === WordVectors.WORDS) this.vectorChunk = chunk = new WordVectors(this.nLabels);
    return [chunk, chunk.used++];
  }

  private edgeVectors(): { vectors: WordVectors; at: number; hasContext: boolean } {
    const [vectors, at] = this.vectorSlot();
    return { vectors, at, hasContext: false };
  }

  // The t-1w= (which 0) or t-1w+1= (which 1) weights of a word as a label-pair matrix [prev * n + label],
  // followed by its column of label O again, [n * n + prev], which onlyO() reads alone: one cache line
  // instead of one per row. Null when the word has none; built once per word type. Single precision
  // loses nothing: each entry is one weight of the model's Float32Array.
  private historyMatrix(w: WordInfo, which: 0 | 1): Float32Array | null {
    const cached = which === 0 ? w.afterMatrix : w.beforeMatrix;
    if (cached !== undefined) return cached;
    const ids = which === 0 ? w.afterLabel : w.beforeWordAfterLabel;
    let m: Float32Array | null = null;
    if (ids !== this.noLabelIds) {
      const n = this.nLabels;
      m = new Float32Array(n * n + n);
      for (let p = 0; p < n; p++) {
        this.accumulate(m, ids[p]!, p * n);
        m[n * n + p] = m[p * n]!;
      }
      if (m.every((x) => x === 0)) m = null;
    }
    if (which === 0) w.afterMatrix = m;
    else w.beforeMatrix = m;
    return m;
  }
  private readonly scores = new Float64Array(32);
  private readonly ids = new Int32Array(64);
  private readonly gazCache = new Map<string, number>();
  private readonly gazFeatureIds = new Map<string, [number, number, number]>();

  // The ids of g=, g-1= and g+1= for a gazetteer label (a handful of labels: no string is built twice).
  private gazIds(label: string): [number, number, number] {
    let ids = this.gazFeatureIds.get(label);
    if (!ids) {
      ids = [this.idOf(`g=${label}`), this.idOf(`g-1=${label}`), this.idOf(`g+1=${label}`)];
      this.gazFeatureIds.set(label, ids);
    }
    return ids;
  }
  private readonly shapeIndex = new Map<string, number>();

  // Feature ids of class pairs, by (class + 3) * width + (class + 3), -2 until looked up: a flat table
  // (the classes are few) instead of a map, as it is read for every scored token.
  private classPairIds: [Int32Array, Int32Array] | null = null;
  private classWidth = 0;

  // cc+1= (which 0: this word's class and the next one's) or c-1c= (which 1: the previous word's and this
  // one's); the edges stand as -2 (<s>) and -3 (</s>).
  private classPair(a: WordInfo, b: WordInfo, which: 0 | 1 = 0): number {
    if (!this.classPairIds) {
      let max = 0;
      for (const c of this.classes?.byWord.values() ?? []) if (c > max) max = c;
      this.classWidth = max + 4;
      this.classPairIds = [new Int32Array(this.classWidth ** 2).fill(-2), new Int32Array(this.classWidth ** 2).fill(-2)];
    }
    const table = this.classPairIds[which];
    const key = (a.cls + 3) * this.classWidth + (b.cls + 3);
    let id = table[key]!;
    if (id === -2) {
      const name = (c: number) => (c === -2 ? '<s>' : c === -3 ? '</s>' : String(c));
      id = this.idOf(`${which === 0 ? 'cc+1' : 'c-1c'}=${name(a.cls)}|${name(b.cls)}`);
      table[key] = id;
    }
    return id;
  }

  private shapeIdOf(sh: string): number {
    let id = this.shapeIndex.get(sh);
    if (id === undefined) {
      id = this.shapeIndex.size;
      this.shapeIndex.set(sh, id);
    }
    return id;
  }

  private readonly shapeSums = new Map<number | string, Float64Array>();

  // The summed weights of sh-1=, sh+1= and sh3= for the shapes of a word and its neighbours.
  private shapeWeights(before: WordInfo, me: WordInfo, after: WordInfo): Float64Array {
    const a = before.shapeId, b = me.shapeId, c = after.shapeId;
    // A small-integer key while there are few shapes (a few hundred in news); a string beyond.
    const key: number | string = a < 1024 && b < 1024 && c < 1024 ? (a * 1024 + b) * 1024 + c : `${a}|${b}|${c}`;
    let v = this.shapeSums.get(key);
    if (!v) {
      v = new Float64Array(this.nLabels);
      this.accumulate(v, this.idOf(`sh-1=${before.sh}|${me.sh}`));
      this.accumulate(v, this.idOf(`sh+1=${me.sh}|${after.sh}`));
      this.accumulate(v, this.idOf(`sh3=${before.sh}|${me.sh}|${after.sh}`));
      if (this.shapeSums.size >= 100_000) this.shapeSums.clear();
      this.shapeSums.set(key, v);
    }
    return v;
  }

  /** The reference tagger: builds every feature string as training does (for tests of the fast path). */
  tagReference(s: SentenceView, history?: DocumentHistory): string[] {
    const n = this.nLabels;
    const classes = this.classes;
    if (classes && !s.classes) s = { ...s, classes: s.words.map((w) => classOf(classes, w)) };
    const view = s;
    const lw = (i: number) => (i < s.words.length ? lowerWord(s.words[i]!) : '</s>');
    const best = viterbi(s.words.length, n, this.allowed, (i) => tokenMode(view.cap, view.words, i, (k) => this.opens(this.denseSum(wordFeatures(view.words[k]!, view.classes?.[k]).map((f) => this.idOf(f)).filter((x) => x >= 0)))), (i, v) => {
      for (const f of wordFeatures(view.words[i]!, view.classes?.[i])) this.addFeature(v, f);
      for (const f of contextFeatures(view, i)) this.addFeature(v, f);
      const dh = history?.feature(view.words[i]!);
      if (dh) this.addFeature(v, dh);
    }, (i, p, v) => {
      for (const f of historyFeatures(p < 0 ? '<s>' : this.labels[p]!, lw(i), lw(i + 1))) this.addFeature(v, f);
    }, (p, v) => this.addFeature(v, `t-1=${this.labels[p]!}`), BEAM);
    const out = best.map((l) => this.labels[l]!);
    if (history) for (let i = 0; i < out.length; i++) history.record(s.words[i]!, out[i]!);
    return out;
  }
}

// The history records capitalised words only: the call is skipped for the others (most tokens).
// The sentence's flags say it without reading the word when the caller has them.
function recordCapitalised(history: DocumentHistory, s: SentenceView, labels: readonly string[]): void {
  const words = s.words;
  const flags = s.mayBeCapital;
  for (let i = 0; i < words.length; i++) {
    const c0 = flags ? 0 : words[i]!.charCodeAt(0);
    const mayBeCapital = flags ? flags[i] === 1 : (c0 >= 65 && c0 <= 90) || c0 > 127;
    if (mayBeCapital) history.record(words[i]!, labels[i]!);
  }
}

// Decoding bounds, in the model's weight units (chosen on ner-gmb-dev, where both cost under 0.001 F1
// against scoring every token exactly): a lower-case word before a capitalised one is scored when one
// of its B- labels is within OPEN_MARGIN of O; paths more than BEAM below the best one are dropped.
const OPEN_MARGIN = 20;
const BEAM = 60;

// Lower-case words that occur inside names: "Council of Representatives", "Abu Bakr al-Baghdadi".
const CONNECTORS = new Set(['of', 'the', 'for', 'and', '&', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'del', 'da', 'di', 'al', 'el', 'bin', 'ibn', 'on', '-', "'s", '’s', '.']);

// Whether upper-casing changes the word: an ASCII lower-case letter says so without building the
// upper-cased string, which only words with other letters need.
export function isLowerWord(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return word.toUpperCase() !== word;
  }
  return false;
}

// Only asked of words without a capital, so no case folding is needed.
function isConnector(word: string): boolean {
  return word.length <= 3 && CONNECTORS.has(word);
}

/** How a token is decoded (when the sentence says where names can start, SentenceView.cap). On news
 *  about 70% of the tokens are far from any capitalised word and 9% follow a name without being one;
 *  leaving them unscored makes tagging several times faster, for 0.001 of ner-gmb-dev F1. */
export const enum TokenMode {
  /** Every label is scored. */
  Scored = 0,
  /** A lower-case word after a name ("<name> said"): only O, but its label-word features count. */
  OAfterName = 1,
  /** Far from any capitalised word: only O, reached with the label-pair weights alone. */
  O = 2,
}

export function tokenMode(cap: Uint8Array | undefined, words: readonly string[], i: number, mayOpen: (i: number) => boolean): TokenMode {
  if (!cap || cap[i]) return TokenMode.Scored;
  // A name may begin one word early ("southern Afghanistan" in GMB's convention), with a word that the
  // model's own-word weights let open one.
  if (i + 1 < cap.length && cap[i + 1] && isLowerWord(words[i]!) && mayOpen(i)) return TokenMode.Scored;
  // The word itself is read only next to a capitalised one (most tokens are far from any).
  if (i > 0 && cap[i - 1]) return isConnector(words[i]!) ? TokenMode.Scored : TokenMode.OAfterName;
  return i > 1 && cap[i - 2] && isConnector(words[i - 1]!) ? TokenMode.Scored : TokenMode.O;
}

/** First-order Viterbi decoding over labels; `emit` adds a token's label scores, `trans` those that
 *  depend on the label before (p = -1 at the sentence start), `pairOnly` the label-pair weights alone.
 *  The reference for TaggerModel.tag() and the decoder of training. */
export function viterbi(len: number, n: number, allowed: Uint8Array, mode: (i: number) => TokenMode,
  emit: (i: number, v: Float64Array) => void, trans: (i: number, p: number, v: Float64Array) => void,
  pairOnly: (p: number, v: Float64Array) => void, beam = Infinity): number[] {
  const delta = new Float64Array(len * n);
  const back = new Int8Array(len * n);
  const e = new Float64Array(n);
  const t = new Float64Array(n);
  for (let i = 0; i < len; i++) {
    const row = i * n;
    const m = mode(i);
    if (m !== TokenMode.Scored) {
      let bp = 0;
      let bv = 0;
      if (i > 0) {
        bv = -Infinity;
        for (let p = 0; p < n; p++) {
          t.fill(0);
          if (m === TokenMode.O) pairOnly(p, t);
          else trans(i, p, t);
          const v = delta[row - n + p]! + t[0]!;
          if (v > bv) {
            bv = v;
            bp = p;
          }
        }
      }
      for (let l = 0; l < n; l++) delta[row + l] = -Infinity;
      delta[row] = bv;
      back[row] = bp;
      continue;
    }
    e.fill(0);
    emit(i, e);
    if (i === 0) {
      t.fill(0);
      trans(0, -1, t);
      for (let l = 0; l < n; l++) delta[l] = allowed[l] ? e[l]! + t[l]! : -Infinity;
      continue;
    }
    for (let l = 0; l < n; l++) delta[row + l] = -Infinity;
    let top = -Infinity;
    for (let p = 0; p < n; p++) if (delta[row - n + p]! > top) top = delta[row - n + p]!;
    for (let p = 0; p < n; p++) {
      const dp = delta[row - n + p]!;
      if (dp === -Infinity || dp < top - beam) continue;
      t.fill(0);
      trans(i, p, t);
      for (let l = 0; l < n; l++) {
        if (!allowed[p * n + l]) continue;
        const v = dp + e[l]! + t[l]!;
        if (v > delta[row + l]!) {
          delta[row + l] = v;
          back[row + l] = p;
        }
      }
    }
  }
  const out = new Array<number>(len);
  if (!len) return out;
  let best = 0;
  const last = (len - 1) * n;
  for (let l = 1; l < n; l++) if (delta[last + l]! > delta[last + best]!) best = l;
  for (let i = len - 1; i >= 0; i--) {
    out[i] = best;
    best = back[i * n + best]!;
  }
  return out;
}

/** The score vectors of many words side by side, slot by slot: the summed weights of a word's own features
 *  (wordFeatures()) per label, and its four context vectors (contextOf()). Scoring a token reads five
 *  words' vectors; through a few shared chunks, which stay in cache, rather than two typed arrays per word
 *  (each one more object to reach in memory). A chunk lives as long as any word whose vectors it holds. */
class WordVectors {
  static readonly WORDS = 4096;
  /** [slot * n + label], in double precision as the sums were always kept. */
  readonly own: Float64Array;
  /** [slot * 4n + part * n + label]; single precision, as contextOf() has always summed them. */
  readonly context: Float32Array;
  used = 0;

  constructor(nLabels: number) {
    this.own = new Float64Array(WordVectors.WORDS * nLabels);
    this.context = new Float32Array(WordVectors.WORDS * 4 * nLabels);
  }
}

interface WordInfo {
  lw: string;
  sh: string;
  shapeId: number;
  /** The word's number among those of the model's word-pair features, -1 when it is in none. */
  pairWord: number;
  /** Whether the word is on the left of some word-pair feature. */
  leftOfPair: boolean;
  /** initial|<shape>, common|<shape>, t-1w=<s>|<word>, t-1w+1=<s>|<word>. */
  initial: number;
  common: number;
  afterStart: number;
  beforeWordAfterStart: number;
  /** Whether the word may open a name (TaggerModel.opens()). */
  mayOpen: boolean;
  /** The chunk holding the word's vectors, and the word's slot in it. */
  vectors: WordVectors;
  at: number;
  /** Whether contextOf() has filled the word's context vectors. */
  hasContext: boolean;
  asPrev: number;
  asNext: number;
  asPrev2: number;
  asNext2: number;
  /** The word's class (-1 a rare word, -2/-3 the sentence edges), and c-1=/c+1= of it. */
  cls: number;
  asPrevClass: number;
  asNextClass: number;
  asPrev2Class: number;
  asNext2Class: number;
  /** t-1w=<label>|<this word>, per previous label. */
  afterLabel: Int32Array;
  /** t-1w+1=<label>|<this word> (this word following the current one), per label of the one before. */
  beforeWordAfterLabel: Int32Array;
  /** historyMatrix() of afterLabel and beforeWordAfterLabel, once built. */
  afterMatrix?: Float32Array | null;
  beforeMatrix?: Float32Array | null;
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
export function trainTagger(sentences: TrainingSentence[], labelSet: string[], options: TrainOptions, classes: WordClasses | null = null): TaggerModel {
  if (classes) for (const s of sentences) s.view = { ...s.view, classes: s.view.words.map((w) => classOf(classes, w)) };
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
    let p = '<s>';
    for (let i = 0; i < s.view.words.length; i++) {
      const dh = goldHistory.feature(s.view.words[i]!);
      if (dh) bump(dh);
      for (const f of wordFeatures(s.view.words[i]!, s.view.classes?.[i])) bump(f);
      for (const f of contextFeatures(s.view, i)) bump(f);
      for (const f of historyFeatures(p, lowerWord(s.view.words[i]!), i + 1 < s.view.words.length ? lowerWord(s.view.words[i + 1]!) : '</s>')) bump(f);
      p = s.tags[i]!;
    }
    for (let i = 0; i < s.view.words.length; i++) goldHistory.record(s.view.words[i]!, s.tags[i]!);
  }
  const index = new Map<string, number>();
  for (const [f, c] of counts) if (c >= options.minCount) index.set(f, index.size);
  counts.clear();
  // Static (tag-independent) feature ids per token, computed once.
  const staticIds: Int32Array[][] = sentences.map((s) =>
    s.view.words.map((w, i) => Int32Array.from([...wordFeatures(w, s.view.classes?.[i]), ...contextFeatures(s.view, i)].map((f) => index.get(f) ?? -1).filter((x) => x >= 0))),
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
  // Label-history feature ids: t-1=<label> for all tokens; t-1w= and t-1w+1= per token, for the words
  // that have any (most have none).
  const labelName = (p: number) => (p < 0 ? '<s>' : labels[p]!);
  const tPrev = Int32Array.from({ length: n + 1 }, (_, k) => index.get(`t-1=${labelName(k - 1)}`) ?? -1);
  const wordHistory = (prefix: string, lw: string): Int32Array | null => {
    const ids = Int32Array.from({ length: n + 1 }, (_, k) => index.get(`${prefix}${labelName(k - 1)}|${lw}`) ?? -1);
    return ids.some((x) => x >= 0) ? ids : null;
  };
  const historyIds = sentences.map((s) => s.view.words.map((word, i) => {
    const next = i + 1 < s.view.words.length ? lowerWord(s.view.words[i + 1]!) : '</s>';
    return [wordHistory('t-1w=', lowerWord(word)), wordHistory('t-1w+1=', next)] as const;
  }));
  const rowAdd = (v: Float64Array, f: number) => {
    if (f >= 0) for (let l = 0; l < n; l++) v[l]! += w[f * n + l]!;
  };
  const historyOf = (si: number, i: number, p: number): number[] => {
    const [cur, next] = historyIds[si]![i]!;
    return [tPrev[p + 1]!, cur ? cur[p + 1]! : -1, next ? next[p + 1]! : -1];
  };
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
      const len = s.view.words.length;
      const dhIds = s.view.words.map((word) => {
        const dh = docHistory.feature(word);
        return dh ? index.get(dh) ?? -1 : -1;
      });
      const ids = staticIds[si]!;
      const best = viterbi(len, n, allowed, (i) => tokenMode(s.view.cap, s.view.words, i, () => true), (i, v) => {
        for (const id of ids[i]!) rowAdd(v, id);
        rowAdd(v, dhIds[i]!);
      }, (i, p, v) => {
        for (const id of historyOf(si, i, p)) rowAdd(v, id);
      }, (p, v) => rowAdd(v, tPrev[p + 1]!));
      const gold = s.tags.map((t) => lid.get(t) ?? 0);
      for (let i = 0; i < len; i++) {
        const g = gold[i]!, b = best[i]!;
        const gp = i > 0 ? gold[i - 1]! : -1, bp = i > 0 ? best[i - 1]! : -1;
        if (g === b) correct++;
        seen++;
        if (g === b && gp === bp) continue;
        if (g !== b) {
          for (const id of ids[i]!) { update(id, g, 1); update(id, b, -1); }
          if (dhIds[i]! >= 0) { update(dhIds[i]!, g, 1); update(dhIds[i]!, b, -1); }
        }
        for (const id of historyOf(si, i, gp)) if (id >= 0) update(id, g, 1);
        for (const id of historyOf(si, i, bp)) if (id >= 0) update(id, b, -1);
      }
      clock++;
      for (let i = 0; i < len; i++) docHistory.record(s.view.words[i]!, labels[best[i]!]!);
     }
    }
    options.log?.(`epoch ${epoch}: token accuracy ${(correct / seen).toFixed(4)}`);
  }
  const avg = new Float32Array(nf * n);
  for (let k = 0; k < avg.length; k++) avg[k] = (total[k]! + (clock - stamp[k]!) * w[k]!) / clock;
  return new TaggerModel(labels, index, avg, classes);
}
