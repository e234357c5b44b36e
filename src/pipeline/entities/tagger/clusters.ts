// Word classes induced from unlabelled text by the exchange algorithm (Kneser & Ney 1993; Martin,
// Liermann & Ney 1998): each word is moved to the class that most raises the likelihood of a class
// bigram model, until few words move. Words that behave alike (surnames, country names, verbs of
// saying) end up in one class, which lets the tagger generalise from a word it saw labelled to rare
// words of the same class. Pure: the caller reads the text (scripts/train-clusters.ts).

export interface ClusterOptions {
  classes: number;
  /** Words seen fewer times than this get no class. */
  minCount: number;
  iterations: number;
  log?: (line: string) => void;
}

/** Normalised form the classes are keyed by: digits folded to 0 and curly apostrophes to straight. */
export function clusterKey(word: string): string {
  return word.replace(/\d/g, '0').replace(/[’‘`´]/g, "'");
}

const xlogx = (x: number) => (x > 0 ? x * Math.log(x) : 0);

/** Induces word classes from sentences of words; deterministic for the same input and options. */
export function induceClusters(sentences: Iterable<readonly string[]>, options: ClusterOptions): Map<string, number> {
  // Vocabulary and its frequencies.
  const freq = new Map<string, number>();
  const all: string[][] = [];
  for (const s of sentences) {
    const keys = s.map(clusterKey);
    all.push(keys);
    for (const k of keys) freq.set(k, (freq.get(k) ?? 0) + 1);
  }
  const vocab = [...freq].filter(([, c]) => c >= options.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const id = new Map(vocab.map(([w], i) => [w, i]));
  const V = vocab.length;
  const C = Math.min(options.classes, V);
  // Bigram counts between vocabulary words (a rare word breaks the chain; self-pairs are left out).
  const pairs = new Map<number, number>();
  for (const s of all) {
    for (let i = 0; i + 1 < s.length; i++) {
      const a = id.get(s[i]!);
      const b = id.get(s[i + 1]!);
      if (a === undefined || b === undefined || a === b) continue;
      const key = a * V + b;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  all.length = 0;
  // Successor and predecessor lists per word, in compressed rows.
  const { offsets: succOff, other: succ, count: succN } = rows(pairs, V, (k) => [Math.floor(k / V), k % V]);
  const { offsets: predOff, other: pred, count: predN } = rows(pairs, V, (k) => [k % V, Math.floor(k / V)]);
  pairs.clear();
  // Initial classes: the most frequent words each in their own class, the rest dealt round robin.
  const cls = new Int32Array(V);
  for (let w = 0; w < V; w++) cls[w] = w % C;
  const N = new Float64Array(C * C);
  const left = new Float64Array(C);
  const right = new Float64Array(C);
  for (let w = 0; w < V; w++) {
    for (let q = succOff[w]!; q < succOff[w + 1]!; q++) {
      const c = succN[q]!;
      N[cls[w]! * C + cls[succ[q]!]!]! += c;
      left[cls[w]!]! += c;
      right[cls[succ[q]!]!]! += c;
    }
  }
  const sc = new Float64Array(C);
  const pc = new Float64Array(C);
  const scTouched = new Int32Array(C);
  const pcTouched = new Int32Array(C);
  for (let it = 1; it <= options.iterations; it++) {
    let moved = 0;
    for (let w = 0; w < V; w++) {
      const a = cls[w]!;
      // The classes of w's neighbours, with counts.
      let ns = 0, np = 0, sl = 0, sp = 0;
      for (let q = succOff[w]!; q < succOff[w + 1]!; q++) {
        const c = cls[succ[q]!]!;
        if (sc[c] === 0) scTouched[ns++] = c;
        sc[c]! += succN[q]!;
        sl += succN[q]!;
      }
      for (let q = predOff[w]!; q < predOff[w + 1]!; q++) {
        const c = cls[pred[q]!]!;
        if (pc[c] === 0) pcTouched[np++] = c;
        pc[c]! += predN[q]!;
        sp += predN[q]!;
      }
      if (ns + np === 0) continue;
      // Take w out of its class.
      for (let j = 0; j < ns; j++) N[a * C + scTouched[j]!]! -= sc[scTouched[j]!]!;
      for (let j = 0; j < np; j++) N[pcTouched[j]! * C + a]! -= pc[pcTouched[j]!]!;
      left[a]! -= sl;
      right[a]! -= sp;
      // The class that gains most from taking it.
      let best = a;
      let bestGain = -Infinity;
      for (let b = 0; b < C; b++) {
        let gain = 0;
        for (let j = 0; j < ns; j++) {
          const c = scTouched[j]!;
          if (c === b) continue;
          const x = N[b * C + c]!;
          gain += xlogx(x + sc[c]!) - xlogx(x);
        }
        for (let j = 0; j < np; j++) {
          const c = pcTouched[j]!;
          if (c === b) continue;
          const x = N[c * C + b]!;
          gain += xlogx(x + pc[c]!) - xlogx(x);
        }
        const self = N[b * C + b]!;
        gain += xlogx(self + sc[b]! + pc[b]!) - xlogx(self);
        gain -= xlogx(left[b]! + sl) - xlogx(left[b]!) + xlogx(right[b]! + sp) - xlogx(right[b]!);
        if (gain > bestGain + 1e-9) {
          bestGain = gain;
          best = b;
        }
      }
      // Put it there. A successor or predecessor in w's own new class counts on the diagonal.
      for (let j = 0; j < ns; j++) N[best * C + scTouched[j]!]! += sc[scTouched[j]!]!;
      for (let j = 0; j < np; j++) N[pcTouched[j]! * C + best]! += pc[pcTouched[j]!]!;
      left[best]! += sl;
      right[best]! += sp;
      if (best !== a) moved++;
      cls[w] = best;
      for (let j = 0; j < ns; j++) sc[scTouched[j]!] = 0;
      for (let j = 0; j < np; j++) pc[pcTouched[j]!] = 0;
    }
    options.log?.(`iteration ${it}: ${moved} of ${V} words moved`);
    if (moved < V / 500) break;
  }
  return new Map(vocab.map(([w], i) => [w, cls[i]!]));
}

function rows(pairs: Map<number, number>, V: number, split: (key: number) => [number, number]) {
  const offsets = new Int32Array(V + 1);
  for (const k of pairs.keys()) offsets[split(k)[0] + 1]!++;
  for (let i = 0; i < V; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, V);
  const other = new Int32Array(pairs.size);
  const count = new Float64Array(pairs.size);
  for (const [k, c] of pairs) {
    const [from, to] = split(k);
    const at = fill[from]!++;
    other[at] = to;
    count[at] = c;
  }
  return { offsets, other, count };
}

/** Word classes as the tagger reads them: class per normalised word, and where they came from. */
export interface WordClasses {
  byWord: Map<string, number>;
  /** A digest of the file they were read from, recorded in the model trained with them. */
  digest: string;
}

export interface SerializedClusters {
  format: 'sitrep-clusters@1';
  source: string;
  classes: string[][];
}

export function wordClassesFromJSON(json: SerializedClusters, digest: string): WordClasses {
  if (json.format !== 'sitrep-clusters@1') throw new Error(`unknown word-class format ${String(json.format)}`);
  const byWord = new Map<string, number>();
  json.classes.forEach((words, c) => {
    for (const w of words) byWord.set(w, c);
  });
  return { byWord, digest };
}

/** The class of a word, -1 when it has none (a rare word). */
export function classOf(classes: WordClasses, word: string): number {
  return classes.byWord.get(clusterKey(word)) ?? -1;
}
