// A greedy averaged-perceptron sequence tagger (BIO labels), trained by scripts/train-ner.ts. Left to
// right, each token's label is the best-scoring one given its word, context and gazetteer features and
// the two labels before it; an I- label may only continue a B-/I- label of the same type.
import { contextFeatures, DocumentHistory, historyFeatures, lowerWord, wordFeatures, type SentenceView } from './features.ts';

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
  private readonly wordCache = new Map<string, Int32Array>();

  constructor(labels: string[], index: Map<string, number>, weights: Float32Array) {
    this.labels = labels;
    this.nLabels = labels.length;
    this.index = index;
    this.weights = weights;
    this.allowed = allowedTransitions(labels);
  }

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

  private wordIds(word: string): Int32Array {
    let ids = this.wordCache.get(word);
    if (!ids) {
      const list: number[] = [];
      for (const f of wordFeatures(word)) {
        const id = this.index.get(f);
        if (id !== undefined) list.push(id);
      }
      ids = Int32Array.from(list);
      if (this.wordCache.size > 200_000) this.wordCache.clear();
      this.wordCache.set(word, ids);
    }
    return ids;
  }

  /** Labels for one sentence; `history` carries what earlier sentences of the document were given. */
  tag(s: SentenceView, history?: DocumentHistory): string[] {
    const n = this.nLabels;
    const out: string[] = [];
    const scores = new Float64Array(n);
    let prev = 0; // index of 'O' is assumed to be 0
    let prevLabel = '<s>';
    let prev2Label = '<s>';
    for (let i = 0; i < s.words.length; i++) {
      scores.fill(0);
      for (const id of this.wordIds(s.words[i]!)) {
        const base = id * n;
        for (let l = 0; l < n; l++) scores[l]! += this.weights[base + l]!;
      }
      for (const f of contextFeatures(s, i)) this.addFeature(scores, f);
      for (const f of historyFeatures(prevLabel, prev2Label, lowerWord(s.words[i]!), i + 1 < s.words.length ? lowerWord(s.words[i + 1]!) : '</s>')) this.addFeature(scores, f);
      const dh = history?.feature(s.words[i]!);
      if (dh) this.addFeature(scores, dh);
      let best = -1;
      for (let l = 0; l < n; l++) {
        if (i === 0 ? !this.allowed[l]! /* from O */ : !this.allowed[prev * n + l]!) continue;
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
