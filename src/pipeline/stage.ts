// A pipeline stage: a pure function over the document that fills the layers it provides, given the
// layers it requires. The pipeline checks the declarations when it is built (spaCy's assigns/requires,
// CoreNLP's Annotator.requires).
import type { AnalysisDocument } from '../core/document.ts';

/** The layers a document can carry. `text` is there from the start (the cleaned text). */
export type Layer =
  | 'text'
  | 'segments'
  | 'words'
  | 'entities'
  | 'quotes'
  | 'events'
  | 'figures'
  | 'framing'
  | (string & { readonly layerName?: never });

export interface Stage {
  name: string;
  requires: readonly Layer[];
  provides: readonly Layer[];
  run(doc: AnalysisDocument): void;
}
