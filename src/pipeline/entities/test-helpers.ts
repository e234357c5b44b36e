// Runs the analyzer on a short text for the entity, quote and event tests.
import type { AnalysisRecord } from '../../core/record.ts';
import { Analyzer } from '../../service/analyze.ts';
import { buildPipeline } from '../../service/pipeline.ts';
import { loadResources } from '../../service/resources.ts';

let analyzer: Analyzer | null = null;

export function analyzeText(body: string, meta: { published?: string } = {}): AnalysisRecord {
  if (!analyzer) {
    const resources = loadResources();
    analyzer = new Analyzer(resources, buildPipeline(resources));
  }
  // A headline line keeps the body from being read as one.
  return analyzer.analyzeDocument({ path: 'test.txt', format: 'text', text: `Test headline\n\n${body}`, meta, docId: 'test', warnings: [] });
}

export function entityOf(rec: AnalysisRecord, surface: string) {
  return rec.entities.find((e) => e.mentions.some((m) => m.text === surface) || e.aliases?.includes(surface) || e.name === surface);
}
