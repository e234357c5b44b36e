// Stage "words": every token's text and lower-case form as shared strings, one per distinct word.
// Requires: segments. Provides: words.
// Later stages look words up in lexicons and caches many times per token; with one string per distinct
// word those lookups find the hash already computed and compare by identity, and no stage cuts and
// lower-cases the text again. wordsOf() computes the layer on demand for callers outside a pipeline.
import type { AnalysisDocument, Segmentation, WordType, Words } from '../../core/document.ts';
import type { Stage } from '../stage.ts';

type Interned = WordType;

let slots = 0;

/** A slot of WordType.memo for one stage's or one model's per-word results. */
export function wordSlot(): number {
  return slots++;
}

const ownerSlots = new WeakMap<object, number>();

/** The memo slot of a resource (a lexicon index, a set of resources): per-word answers that depend on it
 *  are kept apart from those of another instance. */
export function slotFor(owner: object): number {
  let slot = ownerSlots.get(owner);
  if (slot === undefined) ownerSlots.set(owner, (slot = wordSlot()));
  return slot;
}

// Two generations bound the memory: when the newer is full it becomes the older, and words still in use
// move back into the newer one on their next lookup.
const LIMIT = 100_000;
let recent = new Map<string, Interned>();
let older = new Map<string, Interned>();

function intern(word: string): Interned {
  let w = recent.get(word);
  if (w) return w;
  w = older.get(word);
  if (!w) {
    const lower = word.toLowerCase();
    w = { text: word, lower: lower === word ? word : (recent.get(lower) ?? older.get(lower))?.text ?? lower, memo: [] };
  }
  if (recent.size >= LIMIT) {
    older = recent;
    recent = new Map();
  }
  recent.set(word, w);
  return w;
}

export function computeWords(text: string, seg: Segmentation): Words {
  const n = seg.tokenCount;
  const out: Words = { types: new Array<WordType>(n), text: new Array<string>(n), lower: new Array<string>(n) };
  for (let t = 0; t < n; t++) {
    const w = intern(text.slice(seg.tokenStart[t]!, seg.tokenEnd[t]!));
    out.types[t] = w;
    out.text[t] = w.text;
    out.lower[t] = w.lower;
  }
  return out;
}

/** The document's words layer, computed now when no words stage ran. */
export function wordsOf(doc: Pick<AnalysisDocument, 'text' | 'segments' | 'words'>): Words {
  return (doc.words ??= computeWords(doc.text, doc.segments!));
}

export const wordsStage: Stage = {
  name: 'words',
  requires: ['segments'],
  provides: ['words'],
  run(doc: AnalysisDocument) {
    doc.words = computeWords(doc.text, doc.segments!);
  },
};
