// The benchmark: builds a corpus of at least 50 MB from ../shared/corpus (its articles cycled, each copy
// made unique), runs ingestion, the boilerplate learner, cleaning and every pipeline stage in one process,
// and reports documents/s and MB/s per stage and overall, and peak RSS, with RSS sampled along the way
// to show that memory stays flat as the corpus grows.
//
//   npm run bench [-- --mb 50] [--corpus ../shared/corpus] [--json]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RepetitionLearner } from '../src/clean/repetition.ts';
import { parseInput } from '../src/ingest/parse-input.ts';
import { Analyzer } from '../src/service/analyze.ts';
import { buildPipeline } from '../src/service/pipeline.ts';
import { loadResources } from '../src/service/resources.ts';
import { PROJECT_ROOT } from '../src/paths.ts';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '50' }, corpus: { type: 'string' }, json: { type: 'boolean' } } });
const targetBytes = Number(values.mb) * 1048576;
const corpusDir = resolve(values.corpus ?? join(PROJECT_ROOT, '..', 'shared', 'corpus'));
if (!existsSync(corpusDir)) {
  console.error(`bench: no corpus at ${corpusDir} (pass --corpus DIR)`);
  process.exit(2);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : /\.(txt|html?|jsonl?|xml)$/.test(n) ? [p] : [];
  });
}
const sources = listFiles(corpusDir).map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));

const resources = loadResources();
const analyzer = new Analyzer(resources, buildPipeline(resources));
const stageMs = new Map<string, number>();
const timer = (stage: string, ms: number) => stageMs.set(stage, (stageMs.get(stage) ?? 0) + ms);
const learner = new RepetitionLearner();
const encoder = new TextEncoder();

// Warm-up: one pass over the distinct articles so that the JIT has compiled the hot paths.
for (const s of sources) for (const ev of parseInput(s.path, encoder.encode(s.text))) if (ev.type === 'doc') analyzer.analyzeDocument(ev.doc);

let bytes = 0;
let docs = 0;
let chars = 0;
let copy = 0;
const rssSamples: { mb: number; rssMb: number }[] = [];
let nextSample = targetBytes / 4;
const t0 = performance.now();
while (bytes < targetBytes) {
  for (const s of sources) {
    // Each copy differs (a suffix line), so no two documents are byte-identical.
    const data = encoder.encode(`${s.text}\n\nCopy ${copy} of the benchmark corpus.`);
    const ti = performance.now();
    const events = [...parseInput(`${s.path}#${copy}`, data)];
    timer('ingest', performance.now() - ti);
    for (const ev of events) {
      if (ev.type !== 'doc') continue;
      const tl = performance.now();
      learner.observe(ev.doc.text);
      timer('learn', performance.now() - tl);
      const rec = analyzer.analyzeDocument(ev.doc, learner, timer);
      docs++;
      chars += rec.text.length;
    }
    bytes += data.length;
    if (bytes >= nextSample) {
      rssSamples.push({ mb: bytes / 1048576, rssMb: process.memoryUsage().rss / 1048576 });
      nextSample += targetBytes / 4;
    }
    if (bytes >= targetBytes) break;
  }
  copy++;
}
const totalMs = performance.now() - t0;
const mbIn = bytes / 1048576;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const rows = [...stageMs.entries()].map(([stage, ms]) => ({ stage, ms, mbPerS: mbIn / (ms / 1000), docsPerS: docs / (ms / 1000) }));
const cleanSegMs = (stageMs.get('clean') ?? 0) + (stageMs.get('segment') ?? 0) + (stageMs.get('learn') ?? 0);
const result = {
  machine: `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}${process.execArgv.length ? ` ${process.execArgv.join(' ')}` : ''}`,
  corpus: { mb: +mbIn.toFixed(1), docs, distinctSources: sources.length },
  stages: rows,
  cleanPlusSegmentMbPerS: mbIn / (cleanSegMs / 1000),
  overall: { seconds: totalMs / 1000, docsPerS: docs / (totalMs / 1000), mbPerS: mbIn / (totalMs / 1000) },
  peakRssMb,
  rssSamples,
};
if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`machine: ${result.machine}`);
  console.log(`corpus: ${result.corpus.mb} MB, ${docs} documents (${sources.length} distinct articles, each copy unique)`);
  console.log(`${'stage'.padEnd(12)}${'seconds'.padStart(10)}${'MB/s'.padStart(10)}${'docs/s'.padStart(10)}`);
  // Two decimals below 10 MB/s: the overall figure is judged against 1 MB/s, and 0.96 is not 1.0.
  const mbPerS = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  for (const r of rows) console.log(`${r.stage.padEnd(12)}${(r.ms / 1000).toFixed(2).padStart(10)}${mbPerS(r.mbPerS).padStart(10)}${r.docsPerS.toFixed(0).padStart(10)}`);
  console.log(`${'overall'.padEnd(12)}${result.overall.seconds.toFixed(2).padStart(10)}${mbPerS(result.overall.mbPerS).padStart(10)}${result.overall.docsPerS.toFixed(0).padStart(10)}`);
  console.log(`learn + clean + segment: ${result.cleanPlusSegmentMbPerS.toFixed(1)} MB/s`);
  console.log(`peak RSS ${peakRssMb.toFixed(0)} MB; RSS along the corpus: ${rssSamples.map((s) => `${s.mb.toFixed(0)} MB -> ${s.rssMb.toFixed(0)} MB`).join(', ')}`);
}
