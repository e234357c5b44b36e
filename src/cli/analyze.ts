// `sitrep analyze`: reads inputs, writes one record per document.
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { DEFAULT_LIMITS } from '../ingest/parse-input.ts';
import { Analyzer } from '../service/analyze.ts';
import { buildPipeline } from '../service/pipeline.ts';
import { loadResources } from '../service/resources.ts';
import type { CliIo } from './io.ts';
import { createWriter, OUTPUT_FORMATS, type OutputFormat } from './output.ts';

export const ANALYZE_USAGE = `Usage: sitrep analyze <file|folder|->... [options]

Reads plain text, HTML, JSON, JSON Lines and RSS/Atom feeds; folders are read recursively and "-" reads
standard input. Writes one analysis record (sitrep/analysis@1) per document.

Options:
  --format jsonl|json|pretty  output format (default: pretty on a terminal, jsonl otherwise)
  --out FILE                  write records to FILE instead of standard output
  --kb PATH                   extra knowledge-base file or folder (*.jsonl); repeatable
  --max-file-mb N             largest input file read (default ${DEFAULT_LIMITS.maxFileBytes / 1048576})
  --max-doc-mb N              largest single document, in MB of text (default ${DEFAULT_LIMITS.maxDocChars / 1048576})
  --no-learn                  do not learn site chrome from lines repeated across the batch
  --quiet                     no warnings on standard error (failures are still reported)
  -h, --help                  show this help`;

export async function analyzeCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        kb: { type: 'string', multiple: true },
        'max-file-mb': { type: 'string' },
        'max-doc-mb': { type: 'string' },
        'no-learn': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usageError(io, (err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${ANALYZE_USAGE}\n`);
    return 0;
  }
  if (!positionals.length) return usageError(io, 'no inputs given');
  const format = (values.format ?? (io.stdout.isTTY && !values.out ? 'pretty' : 'jsonl')) as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) return usageError(io, `unknown format "${values.format}" (jsonl, json or pretty)`);
  const limits = { ...DEFAULT_LIMITS };
  for (const [flag, key] of [['max-file-mb', 'maxFileBytes'], ['max-doc-mb', 'maxDocChars']] as const) {
    const v = values[flag];
    if (v === undefined) continue;
    const n = Number(v);
    if (!(n > 0)) return usageError(io, `--${flag} needs a positive number, not "${v}"`);
    limits[key] = Math.round(n * 1048576);
  }

  const resources = loadResources({ kbPaths: values.kb ?? [] });
  for (const p of resources.kbProblems) io.stderr.write(`sitrep: knowledge base: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}\n`);
  const analyzer = new Analyzer(resources, buildPipeline(resources));

  let out: Writable = io.stdout;
  if (values.out) {
    out = createWriteStream(values.out);
    const opened = await new Promise<Error | null>((resolve) => {
      out.once('open', () => resolve(null)).once('error', resolve);
    });
    if (opened) return usageError(io, `cannot write ${values.out}: ${opened.message}`);
  }
  const writer = createWriter(format, out, format === 'pretty' && out === io.stdout && Boolean(io.stdout.isTTY));
  const t0 = performance.now();
  let records = 0;
  let failures = resources.kbProblems.length;
  for await (const ev of analyzer.analyze(positionals, { limits, learnBoilerplate: !values['no-learn'], readStdin: io.readStdin })) {
    if (ev.type === 'failure') {
      failures++;
      io.stderr.write(`sitrep: ${ev.path}: ${ev.reason}\n`);
      continue;
    }
    if (!values.quiet) for (const w of ev.warnings) io.stderr.write(`sitrep: warning: ${ev.record.source.path}: ${w}\n`);
    records++;
    await writer.write(ev.record);
  }
  await writer.end({ records, failures, seconds: (performance.now() - t0) / 1000 });
  if (out !== io.stdout) await new Promise<void>((resolve) => out.end(resolve));
  return failures ? 1 : 0;
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`sitrep analyze: ${message}\n\n${ANALYZE_USAGE}\n`);
  return 2;
}
