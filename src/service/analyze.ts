// Use case "analyze": inputs (files, folders, standard input) to analysis records, in input order.
// Bad inputs become failures (path and reason) and never stop the run. Documents pass through a
// look-ahead window so the boilerplate learner has seen the batch around a document before it is cleaned;
// memory stays bounded by the window, not by the corpus.
import { cleanDocument } from '../clean/index.ts';
import { RepetitionLearner } from '../clean/repetition.ts';
import type { AnalysisDocument, RawDocument } from '../core/document.ts';
import type { AnalysisRecord } from '../core/record.ts';
import { readInputs } from '../ingest/files.ts';
import type { IngestLimits } from '../ingest/parse-input.ts';
import { toRecord } from '../pipeline/assemble.ts';
import type { Pipeline, StageTimer } from '../pipeline/index.ts';
import type { Resources } from './resources.ts';

export type AnalyzeEvent =
  | { type: 'record'; record: AnalysisRecord; warnings: string[] }
  | { type: 'failure'; path: string; reason: string };

export interface AnalyzeOptions {
  limits?: IngestLimits;
  /** Learn site chrome from lines repeated across the batch (default true). */
  learnBoilerplate?: boolean;
  /** How many documents the learner sees ahead of the one being cleaned. */
  window?: number;
  readStdin?: () => Promise<Uint8Array>;
  timer?: StageTimer;
}

export class Analyzer {
  constructor(
    readonly resources: Resources,
    readonly pipeline: Pipeline,
  ) {}

  /** Cleans and analyses one raw document. */
  analyzeDocument(raw: RawDocument, learner?: RepetitionLearner, timer?: StageTimer): AnalysisRecord {
    const t0 = timer ? performance.now() : 0;
    const cleaned = cleanDocument(raw, this.resources.clean, { repetition: learner });
    const doc: AnalysisDocument = {
      raw,
      text: cleaned.text,
      title: cleaned.title,
      published: cleaned.published,
      outlet: cleaned.outlet,
      url: cleaned.url,
      language: 'und',
      offsets: cleaned.offsets,
      removed: cleaned.removed,
      layers: new Map(),
    };
    if (timer) timer('clean', performance.now() - t0, doc);
    this.pipeline.run(doc, timer);
    return toRecord(doc);
  }

  async *analyze(inputs: string[], options: AnalyzeOptions = {}): AsyncGenerator<AnalyzeEvent> {
    const learner = options.learnBoilerplate === false ? undefined : new RepetitionLearner();
    const windowSize = Math.max(1, options.window ?? 256);
    const pending: RawDocument[] = [];
    const self = this;
    function* flushOne(): Generator<AnalyzeEvent> {
      const raw = pending.shift()!;
      try {
        yield { type: 'record', record: self.analyzeDocument(raw, learner, options.timer), warnings: raw.warnings };
      } catch (err) {
        yield { type: 'failure', path: raw.path, reason: `internal error while analysing: ${(err as Error)?.stack ?? String(err)}` };
      }
    }
    for await (const ev of readInputs(inputs, { limits: options.limits, readStdin: options.readStdin })) {
      if (ev.type === 'failure') {
        yield ev;
        continue;
      }
      learner?.observe(ev.doc.text);
      pending.push(ev.doc);
      if (pending.length > windowSize) yield* flushOne();
    }
    while (pending.length) yield* flushOne();
  }
}
