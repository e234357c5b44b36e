// Stage "segment": paragraphs, sentences and tokens as offsets in flat typed arrays.
// Requires: text. Provides: segments.
// Paragraphs are the blocks the cleaner separated by blank lines; sentences never cross a paragraph.
// Leaves out: part-of-speech tags and lemmas (later stages use lexicons keyed on surface forms).
import { TokenShape, type AnalysisDocument, type Segmentation } from '../../core/document.ts';
import type { Stage } from '../stage.ts';
import { splitSentences, type Abbreviations } from './sentences.ts';
import { TokenBuffer, tokenizeRange } from './tokenize.ts';

export function segmentText(text: string, abbr: Abbreviations): Segmentation {
  const paragraphs: number[] = [];
  const re = /\n[ \t]*\n\s*|\n/g;
  let at = 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    if (end > at) paragraphs.push(at, end);
    if (!m) break;
    at = m.index + m[0].length;
  }
  const tok = new TokenBuffer((text.length >> 2) + 16);
  const sentences: number[] = [];
  const sentenceParagraph: number[] = [];
  const sentenceTokenStart: number[] = [];
  for (let p = 0; p < paragraphs.length; p += 2) {
    const first = tok.count;
    tokenizeRange(text, paragraphs[p]!, paragraphs[p + 1]!, tok);
    if (tok.count === first) continue;
    tok.shape[first] = tok.shape[first]! | TokenShape.ParagraphStart;
    splitSentences(text, tok, first, tok.count, abbr, (a, b) => {
      sentences.push(tok.start[a]!, tok.end[b]!);
      sentenceParagraph.push(p >> 1);
      sentenceTokenStart.push(a);
      tok.shape[a] = tok.shape[a]! | TokenShape.SentenceStart;
    });
  }
  sentenceTokenStart.push(tok.count);
  return {
    paragraphs: Uint32Array.from(paragraphs),
    sentences: Uint32Array.from(sentences),
    sentenceParagraph: Uint32Array.from(sentenceParagraph),
    tokenStart: tok.start.subarray(0, tok.count),
    tokenEnd: tok.end.subarray(0, tok.count),
    tokenKind: tok.kind.subarray(0, tok.count),
    tokenShape: tok.shape.subarray(0, tok.count),
    sentenceTokenStart: Uint32Array.from(sentenceTokenStart),
    tokenCount: tok.count,
    sentenceCount: sentences.length >> 1,
    paragraphCount: paragraphs.length >> 1,
  };
}

export function segmentStage(abbr: Abbreviations): Stage {
  return {
    name: 'segment',
    requires: ['text'],
    provides: ['segments'],
    run(doc: AnalysisDocument) {
      doc.segments = segmentText(doc.text, abbr);
    },
  };
}
