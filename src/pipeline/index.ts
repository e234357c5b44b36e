// Builds the stage list and checks it: every layer a stage requires is provided by an earlier stage (or
// is the text itself), and no two stages provide the same layer.
import type { AnalysisDocument } from '../core/document.ts';
import type { Layer, Stage } from './stage.ts';

export class PipelineError extends Error {
  override name = 'PipelineError';
}

export interface StageTimer {
  (stage: string, ms: number, doc: AnalysisDocument): void;
}

export class Pipeline {
  private constructor(readonly stages: readonly Stage[]) {}

  static build(stages: readonly Stage[]): Pipeline {
    const available = new Set<Layer>(['text']);
    const providedBy = new Map<Layer, string>();
    for (const stage of stages) {
      for (const need of stage.requires) {
        if (!available.has(need)) {
          const later = stages.find((s) => s.provides.includes(need));
          throw new PipelineError(
            later
              ? `stage "${stage.name}" requires "${need}", which "${later.name}" provides only after it`
              : `stage "${stage.name}" requires "${need}", which no stage provides`,
          );
        }
      }
      for (const out of stage.provides) {
        const other = providedBy.get(out);
        if (other) throw new PipelineError(`stages "${other}" and "${stage.name}" both provide "${out}"`);
        providedBy.set(out, stage.name);
        available.add(out);
      }
    }
    return new Pipeline(Object.freeze([...stages]));
  }

  run(doc: AnalysisDocument, timer?: StageTimer): AnalysisDocument {
    for (const stage of this.stages) {
      if (timer) {
        const t0 = performance.now();
        stage.run(doc);
        timer(stage.name, performance.now() - t0, doc);
      } else {
        stage.run(doc);
      }
    }
    return doc;
  }

  provides(layer: Layer): boolean {
    return layer === 'text' || this.stages.some((s) => s.provides.includes(layer));
  }
}
