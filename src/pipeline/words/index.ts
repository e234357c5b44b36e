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

/** Interned words found by hashing the characters where they stand in the text: no string is cut for a
 *  word already known (most tokens), and none is hashed twice. Open addressing, grown at half load. */
class WordTable {
  private slots: (Interned | undefined)[] = new Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  size = 0;

  /** The word text[start, end), or undefined. */
  find(text: string, start: number, end: number, h: number): Interned | undefined {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const w = this.slots[i];
      if (!w) return undefined;
      if (this.hashes[i] === h && w.text.length === len && sameChars(w.text, text, start, len)) return w;
    }
  }

  add(w: Interned, h: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i]) i = (i + 1) & mask;
    this.slots[i] = w;
    this.hashes[i] = h;
    this.size++;
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    this.size = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i]) this.add(slots[i]!, hashes[i]!);
  }
}

function sameChars(word: string, text: string, start: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** FNV-1a over the UTF-16 code units of text[start, end). */
function hashChars(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h | 0;
}

// Two generations bound the memory: when the newer is full it becomes the older, and words still in use
// move back into the newer one on their next lookup.
const LIMIT = 100_000;
let recent = new WordTable();
let older = new WordTable();

function lookup(text: string, start: number, end: number, h: number): Interned | undefined {
  return recent.find(text, start, end, h) ?? older.find(text, start, end, h);
}

function intern(text: string, start: number, end: number): Interned {
  const h = hashChars(text, start, end);
  let w = recent.find(text, start, end, h);
  if (w) return w;
  w = older.find(text, start, end, h);
  if (!w) {
    const word = text.slice(start, end);
    const lower = word.toLowerCase();
    w = { text: word, lower: lower === word ? word : lookup(lower, 0, lower.length, hashChars(lower, 0, lower.length))?.text ?? lower, memo: [] };
  }
  if (recent.size >= LIMIT) {
    older = recent;
    recent = new WordTable();
  }
  recent.add(w, h);
  return w;
}

export function computeWords(text: string, seg: Segmentation): Words {
  const n = seg.tokenCount;
  const out: Words = { types: new Array<WordType>(n), text: new Array<string>(n), lower: new Array<string>(n) };
  for (let t = 0; t < n; t++) {
    const w = intern(text, seg.tokenStart[t]!, seg.tokenEnd[t]!);
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
