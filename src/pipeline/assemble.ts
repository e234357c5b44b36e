// The record assembler: an analysed document to a sitrep/analysis@1 record. Layers a pipeline does not
// provide are empty arrays, as the contract requires them.
import type { AnalysisDocument } from '../core/document.ts';
import { RECORD_SCHEMA_ID, type AnalysisRecord } from '../core/record.ts';

export function toRecord(doc: AnalysisDocument): AnalysisRecord {
  return {
    schema: RECORD_SCHEMA_ID,
    docId: doc.raw.docId,
    source: { path: doc.raw.path, url: doc.url, outlet: doc.outlet },
    title: doc.title,
    published: doc.published,
    language: doc.language,
    text: doc.text,
    entities: doc.entities ?? [],
    quotes: doc.quotes ?? [],
    events: doc.events ?? [],
    figures: doc.figures ?? [],
    framing: doc.framing ?? [],
  };
}
