// Slots keyed by a pair of small non-negative integers, for the models' word-pair weights: open addressing
// with linear probing in one Int32Array, grown at half load. A slot holds both keys and its payload side
// by side (a probe reads one cache line, not one per array), and one presence bit per pair hash, in a
// bitset small enough to stay in cache, answers most lookups of absent pairs without reading the table.

export class PairSlots {
  /** `width` ints per slot: the left key, the right key, then the payload; -1 everywhere in empty slots.
   *  Replaced when the table grows (add()). */
  ints: Int32Array;
  private capacity = 1024;
  private shift = 22; // 32 - log2(capacity): a slot is the product's top bits
  private count = 0;
  private readonly present: Uint32Array;
  private readonly presenceShift: number;

  /** `width`: ints per slot, a power of two of at least 2; `presenceBits`: log2 of the bitset's size. */
  constructor(readonly width: number, presenceBits: number) {
    this.ints = new Int32Array(width * this.capacity).fill(-1);
    this.present = new Uint32Array(1 << (presenceBits - 5));
    this.presenceShift = 32 - presenceBits;
  }

  private presenceBit(a: number, b: number): number {
    return Math.imul(Math.imul(b, 0xcc9e2d51) ^ a, 0x1b873593) >>> this.presenceShift;
  }

  // The top bits of the product depend on every bit of both keys; low bits alone would cluster.
  private home(a: number, b: number): number {
    return Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) >>> this.shift;
  }

  /** Where the pair's slot begins in `ints`, or -1 when the pair is absent. */
  find(a: number, b: number): number {
    const bit = this.presenceBit(a, b);
    if ((this.present[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const t = this.ints;
    const mask = this.capacity - 1;
    for (let i = this.home(a, b); ; i = (i + 1) & mask) {
      const at = i * this.width;
      if (t[at] === -1) return -1;
      if (t[at] === a && t[at + 1] === b) return at;
    }
  }

  /** Where the pair's slot begins in `ints`, made (payload -1) when the pair is new. */
  add(a: number, b: number): number {
    const found = this.find(a, b);
    if (found >= 0) return found;
    if ((this.count + 1) * 2 > this.capacity) this.grow();
    const at = this.emptySlot(a, b);
    this.ints[at] = a;
    this.ints[at + 1] = b;
    this.count++;
    const bit = this.presenceBit(a, b);
    this.present[bit >>> 5]! |= 1 << (bit & 31);
    return at;
  }

  private emptySlot(a: number, b: number): number {
    const mask = this.capacity - 1;
    let i = this.home(a, b);
    while (this.ints[i * this.width] !== -1) i = (i + 1) & mask;
    return i * this.width;
  }

  private grow(): void {
    const old = this.ints;
    this.capacity *= 2;
    this.shift--;
    this.ints = new Int32Array(this.width * this.capacity).fill(-1);
    for (let at = 0; at < old.length; at += this.width) {
      if (old[at] !== -1) this.ints.set(old.subarray(at, at + this.width), this.emptySlot(old[at]!, old[at + 1]!));
    }
  }
}
