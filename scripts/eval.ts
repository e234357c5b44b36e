// The evaluation: analyses the seed articles and scores them against the dev gold; validates every
// record against the shared contract; analyses the whole news corpus and fails if any document fails;
// scores the external span sets. Every score is held to the floors in eval/floors.json.
//
//   npm run eval [-- --shared ../shared] [--only dev|news|ner-gmb-dev|quotes-polnear-dev|framing-ptc-dev]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnalysisRecord } from '../src/core/record.ts';
import { Analyzer } from '../src/service/analyze.ts';
import { buildPipeline } from '../src/service/pipeline.ts';
import { loadResources } from '../src/service/resources.ts';

const { values } = parseArgs({ options: { shared: { type: 'string' }, only: { type: 'string', multiple: true } } });
const root = new URL('..', import.meta.url).pathname;
const shared = resolve(values.shared ?? join(root, '../shared'));
if (!existsSync(shared)) {
  console.error(`eval: no shared folder at ${shared}; nothing to evaluate`);
  process.exit(0);
}
const floors = JSON.parse(readFileSync(join(root, 'eval/floors.json'), 'utf8')) as Record<string, Record<string, number>>;
const outDir = join(root, '.eval');
mkdirSync(outDir, { recursive: true });
const wanted = (name: string) => !values.only || values.only.includes(name);

const ajv = new Ajv2020({ allErrors: false, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(join(shared, 'schema/analysis.schema.json'), 'utf8')));
const resources = loadResources();
const analyzer = new Analyzer(resources, buildPipeline(resources));

let failed = false;
const scoreLines: string[] = [];

async function analyzeTo(inputs: string[], file: string): Promise<{ records: number; failures: string[]; invalid: string[] }> {
  const lines: string[] = [];
  const failures: string[] = [];
  const invalid: string[] = [];
  for await (const ev of analyzer.analyze(inputs)) {
    if (ev.type === 'failure') {
      failures.push(`${ev.path}: ${ev.reason}`);
      continue;
    }
    const record: unknown = ev.record;
    if (!validate(record)) invalid.push(`${ev.record.source.path}: ${ajv.errorsText(validate.errors)}`);
    checkOffsets(ev.record, invalid);
    lines.push(JSON.stringify(ev.record));
  }
  writeFileSync(file, lines.length ? `${lines.join('\n')}\n` : '');
  return { records: lines.length, failures, invalid };
}

// Every span must slice its own text out of the record's text (the contract's invariant).
function checkOffsets(r: AnalysisRecord, invalid: string[]): void {
  const spans = [
    ...r.entities.flatMap((e) => e.mentions),
    ...r.quotes.map((q) => q.span),
    ...r.events.map((e) => e.evidence),
    ...r.figures.map((f) => f.evidence),
    ...r.framing.map((f) => f.span),
  ];
  for (const s of spans) {
    if (r.text.slice(s.start, s.end) !== s.text) {
      invalid.push(`${r.source.path}: span [${s.start}, ${s.end}) is "${r.text.slice(s.start, s.end)}", not "${s.text}"`);
      return;
    }
  }
}

function report(name: string, res: { records: number; failures: string[]; invalid: string[] }): void {
  for (const f of res.failures) console.error(`${name}: document failed: ${f}`);
  for (const v of res.invalid.slice(0, 10)) console.error(`${name}: invalid record: ${v}`);
  if (res.failures.length || res.invalid.length) failed = true;
  console.log(`${name}: ${res.records} records, ${res.failures.length} failed documents, ${res.invalid.length} invalid records`);
}

function score(script: string, args: string[], floorsOf: Record<string, number>, label: string): void {
  const min = Object.entries(floorsOf).flatMap(([k, v]) => ['--min', `${k}=${v}`]);
  const r = spawnSync(process.execPath, [join(shared, 'eval', script), ...args, ...min], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  const line = out.split('\n').filter((l) => l.startsWith('score:')).pop() ?? '(no score line)';
  for (const l of out.split('\n')) if (/below bar|unknown metric|usage|cannot read/.test(l)) console.error(`${label}: ${l}`);
  console.log(`${label} ${line}`);
  scoreLines.push(`${label} ${line}`);
  if (r.status !== 0) failed = true;
}

if (wanted('dev')) {
  const seeds = join(shared, 'corpus/seeds');
  const pred = join(outDir, 'dev.jsonl');
  report('dev', await analyzeTo([seeds], pred));
  // Full table first (for reading), then the held line.
  const table = spawnSync(process.execPath, [join(shared, 'eval/score.mjs'), '--gold', join(shared, 'gold/dev'), '--pred', pred, '--corpus', seeds], { encoding: 'utf8' });
  console.log(table.stdout.split('\n').filter((l) => !l.startsWith('score:')).join('\n'));
  score('score.mjs', ['--gold', join(shared, 'gold/dev'), '--pred', pred, '--corpus', seeds], floors.dev ?? {}, 'dev');
}

if (wanted('news')) {
  report('news', await analyzeTo([join(shared, 'corpus/news')], join(outDir, 'news.jsonl')));
}

const spanSets: [string, string, string[]][] = [
  ['ner-gmb-dev', 'ner', []],
  ['quotes-polnear-dev', 'quotes', []],
  ['framing-ptc-dev', 'framing', ['--label', 'Loaded_Language', '--label', 'Name_Calling,Labeling']],
];
for (const [set, task, extra] of spanSets) {
  if (!wanted(set)) continue;
  const dir = set === 'framing-ptc-dev' ? ptcDevSplit() : join(shared, 'ext', set);
  if (!dir || !existsSync(dir)) continue;
  const pred = join(outDir, `${set}.jsonl`);
  report(set, await analyzeTo([join(dir, 'docs')], pred));
  score('spans.mjs', ['--task', task, '--set', dir, '--pred', pred, ...extra], floors[set] ?? {}, set);
}

// The framing model learns from framing-ptc-train; its score is taken on the articles it left out (the
// dev split named in the learned lexicon), staged here as a set of their own.
function ptcDevSplit(): string | null {
  const source = join(shared, 'ext', 'framing-ptc-train');
  const learned = join(root, 'data/lexicons/framing/learned-ptc.json');
  if (!existsSync(source) || !existsSync(learned)) return null;
  const devFiles = new Set((JSON.parse(readFileSync(learned, 'utf8')) as { devFiles: string[] }).devFiles);
  const dir = join(outDir, 'framing-ptc-dev');
  mkdirSync(join(dir, 'docs'), { recursive: true });
  const gold = readFileSync(join(source, 'gold.jsonl'), 'utf8').trim().split('\n').filter((l) => devFiles.has((JSON.parse(l) as { file: string }).file));
  writeFileSync(join(dir, 'gold.jsonl'), `${gold.join('\n')}\n`);
  for (const f of devFiles) copyFileSync(join(source, 'docs', f), join(dir, 'docs', f));
  return dir;
}

console.log(failed ? 'eval: FAILED' : 'eval: ok');
process.exit(failed ? 1 : 0);
