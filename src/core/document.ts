// The document model. The cleaned text is the single source of truth: every layer is a set of half-open
// [start, end) offsets into `text` (UTF-16 code units, i.e. JavaScript string indices).
import type { Entity, AnalysisEvent, Figure, Framing, Quote } from './record.ts';
import type { OffsetMap } from './offset-map.ts';

/** Metadata that came with the input (HTML head, JSON fields, feed item) rather than from its text. */
export interface SourceMeta {
  title?: string | null;
  published?: string | null;
  outlet?: string | null;
  url?: string | null;
  author?: string | null;
}

/** What ingestion produces: one document's raw text and whatever metadata the container carried. */
export interface RawDocument {
  /** Where it came from: a file path, "path#N" for the N-th item of a feed or JSON Lines file, or "-". */
  path: string;
  format: 'text' | 'html' | 'json' | 'feed';
  /** Text before cleaning: the decoded file for text, the extracted article text for HTML/feeds/JSON. */
  text: string;
  meta: SourceMeta;
  /** Stable id from the input's own bytes (same input, same id). */
  docId: string;
  /** Non-fatal remarks about this input (e.g. the encoding it was decoded from). */
  warnings: string[];
}

/** Token kinds stored in Segmentation.tokenKind. */
export const TokenKind = { Word: 1, Number: 2, Punct: 3, Symbol: 4 } as const;

/** Shape flags stored in Segmentation.tokenShape (bit set). */
export const TokenShape = {
  Upper: 1, // first character is an upper-case letter
  AllCaps: 2, // every letter is upper case (and there are at least two)
  Lower: 4, // first character is a lower-case letter
  HasDigit: 8,
  HasHyphen: 16,
  HasPeriod: 32,
  SentenceStart: 64,
  ParagraphStart: 128,
} as const;

/** Flat, typed-array segmentation: no per-token objects on the hot path. */
export interface Segmentation {
  /** Paragraph i spans [paragraphs[2i], paragraphs[2i+1]). */
  paragraphs: Uint32Array;
  sentences: Uint32Array;
  /** Paragraph index of each sentence. */
  sentenceParagraph: Uint32Array;
  tokenStart: Uint32Array;
  tokenEnd: Uint32Array;
  tokenKind: Uint8Array;
  tokenShape: Uint8Array;
  /** Index of the first token of sentence i; sentenceTokenStart[sentenceCount] = tokenCount. */
  sentenceTokenStart: Uint32Array;
  tokenCount: number;
  sentenceCount: number;
  paragraphCount: number;
}

/** One distinct word: its text, its lower-case form, and what stages computed about it once. */
export interface WordType {
  readonly text: string;
  readonly lower: string;
  /** Per-word results of stages, each stage (or model) under its own slot number (words/wordSlot()). */
  readonly memo: unknown[];
}

/** Each token's word, as objects and strings shared by every occurrence of the same word, so that later
 *  stages neither cut and hash the text again for every token nor look the word up in their own maps. */
export interface Words {
  types: WordType[];
  text: string[];
  lower: string[];
}

export interface CleanedParts {
  text: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  /** Maps offsets in `text` back to offsets in RawDocument.text. */
  offsets: OffsetMap;
  /** The lines dropped as site chrome, with the rule that dropped each (for debugging and tests). */
  removed: { text: string; rule: string }[];
}

/** A document travelling through the pipeline; stages fill the layers they declare. */
export interface AnalysisDocument {
  raw: RawDocument;
  text: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  language: string;
  offsets: OffsetMap | null;
  removed: { text: string; rule: string }[];
  segments?: Segmentation;
  words?: Words;
  entities?: Entity[];
  quotes?: Quote[];
  events?: AnalysisEvent[];
  figures?: Figure[];
  framing?: Framing[];
  /** Stage-private intermediate results shared with later stages (named by the stage that provides them). */
  layers: Map<string, unknown>;
}
