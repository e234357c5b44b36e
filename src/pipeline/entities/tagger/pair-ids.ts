// The tagger's word-pair features (w-1w=, ww+1=, w+1w+2=, w-2w-1=) by the numbers of their two words.
// One flat table (core/pair-slots.ts): a slot holds both words and the four feature ids side by side, so
// that a lookup reads one cache line. A map per left word cost several dependent reads.
import { PairSlots } from '../../../core/pair-slots.ts';

/** Which of a pair's four features: the pair as (word before, word), (word, word after), (the two words
 *  after) or (the two words before). */
export const enum PairRole {
  PrevCur = 0,
  CurNext = 1,
  Next12 = 2,
  Prev21 = 3,
}

/** A slot is [left, right, the four roles' feature ids, two unused]: 32 bytes, one cache line. */
export class PairFeatureIds {
  private readonly slots = new PairSlots(8, 19);

  /** The feature id of a role of the pair (left, right), -1 when the model has none. */
  get(left: number, right: number, role: PairRole): number {
    const at = this.slots.find(left, right);
    return at < 0 ? -1 : this.slots.ints[at + 2 + role]!;
  }

  set(left: number, right: number, role: PairRole, id: number): void {
    const at = this.slots.add(left, right);
    this.slots.ints[at + 2 + role] = id;
  }
}
