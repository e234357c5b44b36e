// Learns framing phrases from the Propaganda Techniques Corpus (../shared/ext/framing-ptc-train): every
// word sequence of one to three words, with the share of its occurrences that lie inside a Loaded_Language
// or Name_Calling,Labeling span. Articles are split by a hash of their file name, four fifths to learn
// from and one fifth (the dev split) to choose the precision threshold on and to report the score of;
// the split is written into the output so that the eval scores the same articles.
//
//   npm run learn:framing [-- --set ../shared/ext/framing-ptc-train] [--out data/lexicons/framing/learned-ptc.json]
//
// Output: data/lexicons/framing/learned-ptc.json (phrases with precision >= 0.3 and at least 3 annotated
// occurrences; the analyzer uses those at or above the chosen threshold).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnalysisDocument } from '../src/core/document.ts';
import type { FramingCategory } from '../src/core/record.ts';
import { extractFraming } from '../src/pipeline/framing/index.ts';
import { buildFramingIndex, type FramingEntry, type LearnedEntry, type LearnedLexicon } from '../src/pipeline/framing/lexicon.ts';
import { segmentText } from '../src/pipeline/segment/index.ts';
import { framingContext } from '../src/pipeline/framing/context.ts';
import { TokenModel, insideMarks, lexiconCover, tokenFeatures, type SerializedTokenModel } from '../src/pipeline/framing/token-model.ts';
import { dataFile, jsonLines, loadResources } from '../src/service/resources.ts';

const LABELS: Record<string, FramingCategory> = { Loaded_Language: 'loaded-language', 'Name_Calling,Labeling': 'name-calling' };
const MIN_SUPPORT = 2;
const MIN_PRECISION = 0.2;
const MAX_WORDS = 3;
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'and', 'or', 'but', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'that', 'this', 'these', 'those', 'it', 'its', 'their', 'his', 'her', 'our', 'which', 'who', 'will', 'would', 'not', 'no', 'he', 'she', 'they', 'we', 'i', 'you', 'them', 'him', 'us', 'me', 'so', 'if', 'do', 'does', 'did', 'all', 'any', 'more', 'most', 'very', 'just', 'only', 'also', 'than', 'then', 'there', 'what', 'when', 'where', 'how', 'why', 'can', 'could', 'should', 'may', 'might', 'must', 'about', 'into', 'up', 'out', 'over', 'after', 'before', 'now', 'one', 'said', 'says']);

const EPOCHS = 5;
const POSITIVE_WEIGHT = 3;

const { values } = parseArgs({ options: { set: { type: 'string' }, out: { type: 'string' }, model: { type: 'string' } } });
const modelPath = resolve(values.model ?? new URL('../data/models/framing-tokens.json', import.meta.url).pathname);
const setDir = resolve(values.set ?? new URL('../../shared/ext/framing-ptc-train', import.meta.url).pathname);
const outPath = resolve(values.out ?? new URL('../data/lexicons/framing/learned-ptc.json', import.meta.url).pathname);

interface GoldDoc { file: string; spans: { start: number; end: number; label: string }[] }
const gold = readFileSync(join(setDir, 'gold.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as GoldDoc);

/** FNV-1a of the file name: a split that does not depend on the order of the files. */
export function isDevFile(file: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return h % 5 === 0;
}

const resources = loadResources({ tagger: false });
const docs = gold.map((g) => {
  const text = readFileSync(join(setDir, 'docs', g.file), 'utf8');
  const spans = g.spans.filter((s) => LABELS[s.label]).map((s) => ({ start: s.start, end: s.end, category: LABELS[s.label]! }));
  return { file: g.file, text, spans, seg: segmentText(text, resources.abbreviations), dev: isDevFile(g.file) };
});

// Count every n-gram: occurrences, occurrences inside one annotated span, and the labels of those spans.
const stats = new Map<string, { total: number; inside: number; loaded: number; naming: number }>();
for (const d of docs.filter((x) => !x.dev)) {
  const words: string[] = [];
  const spanOf: number[] = [];
  for (let t = 0; t < d.seg.tokenCount; t++) {
    const s = d.seg.tokenStart[t]!;
    const e = d.seg.tokenEnd[t]!;
    words.push(d.text.slice(s, e).toLowerCase().replace(/[’‘]/g, "'"));
    spanOf.push(d.spans.findIndex((x) => x.start <= s && e <= x.end));
  }
  for (let t = 0; t < words.length; t++) {
    for (let n = 1; n <= MAX_WORDS && t + n <= words.length; n++) {
      const gram = words.slice(t, t + n);
      if (!gram.every((w) => /^[\p{L}][\p{L}'-]*$/u.test(w)) || gram.every((w) => FUNCTION_WORDS.has(w)) || FUNCTION_WORDS.has(gram[0]!) || FUNCTION_WORDS.has(gram[n - 1]!)) continue;
      const key = gram.join(' ');
      const st = stats.get(key) ?? { total: 0, inside: 0, loaded: 0, naming: 0 };
      st.total++;
      const span = spanOf[t]!;
      if (span >= 0 && gram.every((_, k) => spanOf[t + k] === span)) {
        st.inside++;
        if (d.spans[span]!.category === 'loaded-language') st.loaded++;
        else st.naming++;
      }
      stats.set(key, st);
    }
  }
}
const entries: LearnedEntry[] = [...stats.entries()]
  .filter(([, s]) => s.inside >= MIN_SUPPORT && s.inside / s.total >= MIN_PRECISION)
  .map(([text, s]) => ({ text, category: (s.naming > s.loaded ? 'name-calling' : 'loaded-language') as FramingCategory, precision: Number((s.inside / s.total).toFixed(3)), support: s.inside }))
  .sort((a, b) => b.precision - a.precision || b.support - a.support || a.text.localeCompare(b.text));

// Choose the threshold on the dev split, with the hand-written lexicons in place as the analyzer runs.
const curated = [...(jsonLines(dataFile('lexicons/framing/labels.jsonl')) as FramingEntry[]), ...(jsonLines(dataFile('lexicons/framing/loaded.jsonl')) as FramingEntry[])];
const devDocs = docs.filter((d) => d.dev);
let best = { threshold: 1, f1: -1, p: 0, r: 0 };
for (let threshold = 0.2; threshold <= 0.951; threshold += 0.05) {
  const lexicon: LearnedLexicon = { about: '', threshold, entries };
  const index = buildFramingIndex(curated, lexicon);
  const score = scoreSI(devDocs.map((d) => ({ gold: d.spans, pred: extractFraming(asDocument(d.text, d.seg), index, resources.knowledge).map((f) => f.span) })));
  console.log(`threshold ${threshold.toFixed(2)}: P ${score.p.toFixed(3)} R ${score.r.toFixed(3)} F1 ${score.f1.toFixed(3)}`);
  if (score.f1 > best.f1) best = { threshold: Number(threshold.toFixed(2)), ...score };
}
console.log(`chosen threshold ${best.threshold}: dev split (${devDocs.length} articles) P ${best.p.toFixed(3)} R ${best.r.toFixed(3)} F1 ${best.f1.toFixed(3)}`);

// The token model: an averaged perceptron on the training split's tokens, inside a span or not.
const lexiconOnly = buildFramingIndex(curated, { about: '', threshold: best.threshold, entries });
const examples: { features: string[]; inside: boolean }[] = [];
for (const d of docs.filter((x) => !x.dev)) {
  const ctx = framingContext(asDocument(d.text, d.seg), resources.knowledge, lexiconOnly);
  const cover = lexiconCover(ctx);
  const marks = insideMarks(ctx);
  for (let t = 0; t < d.seg.tokenCount; t++) {
    const s = d.seg.tokenStart[t]!;
    const e = d.seg.tokenEnd[t]!;
    examples.push({ features: tokenFeatures(ctx, t, cover, marks), inside: d.spans.some((x) => x.start <= s && e <= x.end) });
  }
}
const weights = trainPerceptron(examples, EPOCHS);
let bestModel = { threshold: 0, f1: -1, p: 0, r: 0 };
for (let threshold = -20; threshold <= 2.01; threshold += 2) {
  const index = buildFramingIndex(curated, { about: '', threshold: best.threshold, entries }, new TokenModel(weights, threshold));
  const score = scoreSI(devDocs.map((d) => ({ gold: d.spans, pred: extractFraming(asDocument(d.text, d.seg), index, resources.knowledge).map((f) => f.span) })));
  console.log(`token model threshold ${threshold.toFixed(2)}: P ${score.p.toFixed(3)} R ${score.r.toFixed(3)} F1 ${score.f1.toFixed(3)}`);
  if (score.f1 > bestModel.f1) bestModel = { threshold, ...score };
}
console.log(`with the token model (threshold ${bestModel.threshold}): dev split P ${bestModel.p.toFixed(3)} R ${bestModel.r.toFixed(3)} F1 ${bestModel.f1.toFixed(3)}`);
const useModel = bestModel.f1 > best.f1;
const final = useModel ? bestModel : best;

const out: LearnedLexicon & { source: string; devFiles: string[]; dev: { p: number; r: number; f1: number } } = {
  about: 'Generated by scripts/learn-framing.ts; do not edit by hand. Phrases of one to three words and the share of their occurrences inside Loaded_Language or Name_Calling,Labeling spans of the training split; the analyzer uses those whose precision reaches the threshold chosen on the dev split.',
  source: 'SemEval-2020 Task 11 Propaganda Techniques Corpus v2, train articles (as staged in the shared framing-ptc-train set).',
  threshold: best.threshold,
  devFiles: devDocs.map((d) => d.file),
  dev: { p: Number(final.p.toFixed(3)), r: Number(final.r.toFixed(3)), f1: Number(final.f1.toFixed(3)) },
  entries,
};
writeFileSync(outPath, `${JSON.stringify(out, null, 1)}\n`);
console.log(`${entries.length} phrases written to ${outPath}`);
if (useModel) {
  const kept = [...weights.entries()].filter(([, w]) => Math.abs(w) >= 0.01).sort((a, b) => a[0].localeCompare(b[0]));
  const model: SerializedTokenModel = {
    format: 'sitrep-binary-perceptron@1',
    features: kept.map(([f]) => f),
    weights: kept.map(([, w]) => Number(w.toFixed(3))),
    threshold: bestModel.threshold,
    trainedOn: `framing-ptc-train, ${docs.length - devDocs.length} articles (the dev split left out), ${EPOCHS} epochs`,
  };
  writeFileSync(modelPath, `${JSON.stringify(model)}\n`);
  console.log(`token model with ${kept.length} features written to ${modelPath}`);
} else {
  console.log('the token model does not beat the lexicons on the dev split; none written');
}

// Averaged perceptron, examples in a fixed order so that training reproduces the committed model.
function trainPerceptron(data: { features: string[]; inside: boolean }[], epochs: number): Map<string, number> {
  const w = new Map<string, number>();
  const total = new Map<string, number>(); // sum of weights over steps, kept lazily
  const stamp = new Map<string, number>();
  let step = 0;
  const bump = (f: string, delta: number) => {
    const cur = w.get(f) ?? 0;
    total.set(f, (total.get(f) ?? 0) + cur * (step - (stamp.get(f) ?? 0)));
    stamp.set(f, step);
    w.set(f, cur + delta);
  };
  for (let e = 0; e < epochs; e++) {
    for (const ex of data) {
      step++;
      let s = 0;
      for (const f of ex.features) s += w.get(f) ?? 0;
      const y = ex.inside ? 1 : -1;
      // Inside tokens are the rarer class: a mistake on one costs more.
      if (y * s <= 0) for (const f of ex.features) bump(f, y > 0 ? POSITIVE_WEIGHT : -1);
    }
  }
  const avg = new Map<string, number>();
  for (const [f, cur] of w) {
    const sum = (total.get(f) ?? 0) + cur * (step - (stamp.get(f) ?? 0));
    avg.set(f, sum / step);
  }
  return avg;
}

function asDocument(text: string, seg: ReturnType<typeof segmentText>): AnalysisDocument {
  return { text, segments: seg, entities: [], quotes: [], layers: new Map() } as unknown as AnalysisDocument;
}

// SemEval-2020 Task 11 SI: overlapping spans merged per side; P and R from character overlaps.
function scoreSI(pairs: { gold: { start: number; end: number }[]; pred: { start: number; end: number }[] }[]): { p: number; r: number; f1: number } {
  let pSum = 0, pN = 0, rSum = 0, rN = 0;
  for (const { gold: g, pred: p } of pairs) {
    const G = mergeSpans(g);
    const P = mergeSpans(p);
    for (const x of P) {
      pN++;
      for (const y of G) pSum += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start)) / (x.end - x.start);
    }
    for (const y of G) {
      rN++;
      for (const x of P) rSum += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start)) / (y.end - y.start);
    }
  }
  const p = pN ? pSum / pN : 0;
  const r = rN ? rSum / rN : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function mergeSpans(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
