// What the framing rules read of a document: its tokens in lower case, entity mentions and quotes.
import type { AnalysisDocument, Segmentation, WordType } from '../../core/document.ts';
import { slotFor, wordSlot, wordsOf } from '../words/index.ts';
import type { FramingCategory, Quote } from '../../core/record.ts';
import type { KnowledgeBase } from '../../kb/index.ts';
import { ENTITY_MENTIONS, type EntityLayer } from '../entities/index.ts';
import type { FramingIndex, PhraseEntry } from './lexicon.ts';

export interface FramingContext {
  doc: AnalysisDocument;
  text: string;
  seg: Segmentation;
  lower: string[];
  /** The tokens' word types (their memo slots hold per-word results). */
  types: WordType[];
  tokenEntity: Int32Array;
  quotes: Quote[];
  kb: KnowledgeBase;
  index: FramingIndex;
  /** Per token, the lexicon phrases its word opens (null: none), read when the folded words are. */
  phrasesFrom: (PhraseEntry[] | null)[];
  /** Per token, the longest lexicon phrase it opens (matchAt), found for every token when first asked. */
  longestPhrases: (PhraseEntry | null)[] | null;
  /** Per token, the row of the token model's word weights (when there is a model), read in the same pass. */
  tokenRows: Int32Array | null;
}

/** A framing span found by a rule, in tokens [first, last]. */
export interface Candidate {
  first: number;
  last: number;
  category: FramingCategory;
  neutral: string | null;
  refersTo: string | null;
  /** Curated rules outrank learned phrases when spans overlap. */
  curated: boolean;
  weight: number;
  rule: string;
}

export function framingContext(doc: AnalysisDocument, kb: KnowledgeBase, index: FramingIndex): FramingContext {
  const seg = doc.segments!;
  const words = wordsOf(doc);
  const lower: string[] = new Array(seg.tokenCount);
  const phrasesFrom: (PhraseEntry[] | null)[] = new Array(seg.tokenCount);
  // The phrases a word opens depend on the word alone: looked up once per word type (one slot per index).
  const phraseSlot = slotFor(index);
  const model = index.tokenModel;
  const tokenRows = model ? model.beginDocument(seg.tokenCount) : null;
  for (let t = 0; t < seg.tokenCount; t++) {
    const type = words.types[t]!;
    const memo = type.memo;
    const folded = (memo[FOLDED_SLOT] as string | undefined) ?? (memo[FOLDED_SLOT] = foldQuotes(words.lower[t]!));
    lower[t] = folded;
    let phrases = memo[phraseSlot] as PhraseEntry[] | null | undefined;
    if (phrases === undefined) memo[phraseSlot] = phrases = index.byFirst.get(folded) ?? null;
    phrasesFrom[t] = phrases;
    if (model && tokenRows) tokenRows[t] = model.rowOf(type, folded);
  }
  const layer = doc.layers.get(ENTITY_MENTIONS) as EntityLayer | undefined;
  return { doc, text: doc.text, seg, lower, types: words.types, tokenEntity: layer?.tokenEntity ?? new Int32Array(seg.tokenCount).fill(-1), quotes: doc.quotes ?? [], kb, index, phrasesFrom, longestPhrases: null, tokenRows };
}

/** The folded lower-case form of a word, memoised on its word type. */
const FOLDED_SLOT = wordSlot();

// Curly apostrophes as straight ones ("don’t" = "don't").
function foldQuotes(w: string): string {
  return w.indexOf('’') < 0 && w.indexOf('‘') < 0 ? w : w.replace(/[’‘]/g, "'");
}

/** A token's text: the words layer's shared string, not a new slice. */
export function tokenText(ctx: FramingContext, t: number): string {
  return ctx.types[t]!.text;
}

export const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'and', 'or', 'but', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'that', 'this', 'these', 'those', 'it', 'its', 'their', 'his', 'her', 'our', 'which', 'who', 'will', 'would', 'not', 'no']);
