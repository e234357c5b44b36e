// The tagger's word-pair features (w-1w=, ww+1=, w+1w+2=, w-2w-1=) by the numbers of their two words.
// One flat table with open addressing: a slot holds both words and the four feature ids side by side (32
// bytes), so that a lookup reads one cache line. A map per left word cost several dependent reads.

/** Which of a pair's four features: the pair as (word before, word), (word, word after), (the two words
 *  after) or (the two words before). */
export const enum PairRole {
  PrevCur = 0,
  CurNext = 1,
  Next12 = 2,
  Prev21 = 3,
}

const WIDTH = 8; // ints per slot: left, right, four feature ids, two unused

export class PairFeatureIds {
  private table = new Int32Array(WIDTH * 1024).fill(-1);
  private capacity = 1024;
  private shift = 22; // 32 - log2(capacity)
  private count = 0;
  // One bit per hash of a pair (2^19 bits, 64 KB, small enough to stay in cache): a clear bit says the
  // pair is absent without reading the table.
  private readonly present = new Uint32Array(1 << 14);

  private static presenceBit(left: number, right: number): number {
    return Math.imul(Math.imul(right, 0xcc9e2d51) ^ left, 0x1b873593) >>> 13;
  }

  /** The feature id of a role of the pair (left, right), -1 when the model has none. */
  get(left: number, right: number, role: PairRole): number {
    const bit = PairFeatureIds.presenceBit(left, right);
    if ((this.present[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const at = this.find(left, right);
    return at < 0 ? -1 : this.table[at + 2 + role]!;
  }

  set(left: number, right: number, role: PairRole, id: number): void {
    let at = this.find(left, right);
    if (at < 0) {
      if ((this.count + 1) * 2 > this.capacity) this.grow();
      at = this.emptySlot(left, right);
      this.table[at] = left;
      this.table[at + 1] = right;
      this.count++;
      const bit = PairFeatureIds.presenceBit(left, right);
      this.present[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.table[at + 2 + role] = id;
  }

  private home(left: number, right: number): number {
    return Math.imul(Math.imul(left, 0x9e3779b1) ^ right, 0x85ebca6b) >>> this.shift;
  }

  // The slot's first int, or -1 when the pair is absent.
  private find(left: number, right: number): number {
    const t = this.table;
    const mask = this.capacity - 1;
    for (let i = this.home(left, right); ; i = (i + 1) & mask) {
      const at = i * WIDTH;
      if (t[at] === -1) return -1;
      if (t[at] === left && t[at + 1] === right) return at;
    }
  }

  private emptySlot(left: number, right: number): number {
    const mask = this.capacity - 1;
    let i = this.home(left, right);
    while (this.table[i * WIDTH] !== -1) i = (i + 1) & mask;
    return i * WIDTH;
  }

  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    this.shift--;
    this.table = new Int32Array(WIDTH * this.capacity).fill(-1);
    for (let at = 0; at < old.length; at += WIDTH) {
      if (old[at] === -1) continue;
      const to = this.emptySlot(old[at]!, old[at + 1]!);
      this.table.set(old.subarray(at, at + WIDTH), to);
    }
  }
}
