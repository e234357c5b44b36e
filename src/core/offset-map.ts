// Maps offsets in a text assembled from pieces of another text back to offsets in that other text.
// Built by appending copied pieces (with their source offset); whatever lies between pieces was inserted.

export class OffsetMap {
  /** Piece i copies source [sourceStart[i], sourceStart[i] + length[i]) to target [targetStart[i], ...). */
  constructor(
    private readonly targetStart: Int32Array,
    private readonly sourceStart: Int32Array,
    private readonly length: Int32Array,
    readonly targetLength: number,
  ) {}

  static identity(length: number): OffsetMap {
    return new OffsetMap(Int32Array.of(0), Int32Array.of(0), Int32Array.of(length), length);
  }

  /**
   * Source offset of a target offset. An offset inside an inserted separator maps to the end of the piece
   * before it, so a span's end never lands past the text it covers.
   */
  toSource(offset: number): number {
    const n = this.targetStart.length;
    if (n === 0) return 0;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.targetStart[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const into = offset - this.targetStart[lo]!;
    return this.sourceStart[lo]! + Math.max(0, Math.min(into, this.length[lo]!));
  }

  /** Source span of a target span [start, end). */
  spanToSource(start: number, end: number): [number, number] {
    const s = this.toSource(start);
    const e = end > start ? this.toSource(end - 1) + 1 : s;
    return [s, Math.max(s, e)];
  }

  get pieceCount(): number {
    return this.targetStart.length;
  }
}

export class OffsetMapBuilder {
  private readonly targetStart: number[] = [];
  private readonly sourceStart: number[] = [];
  private readonly length: number[] = [];

  /** Records that target [targetAt, targetAt + length) is a copy of source [sourceAt, ...). */
  copy(sourceAt: number, length: number, targetAt: number): void {
    if (length <= 0) return;
    const last = this.length.length - 1;
    if (last >= 0 && this.targetStart[last]! + this.length[last]! === targetAt && this.sourceStart[last]! + this.length[last]! === sourceAt) {
      this.length[last] = this.length[last]! + length;
      return;
    }
    this.targetStart.push(targetAt);
    this.sourceStart.push(sourceAt);
    this.length.push(length);
  }

  build(targetLength: number): OffsetMap {
    return new OffsetMap(Int32Array.from(this.targetStart), Int32Array.from(this.sourceStart), Int32Array.from(this.length), targetLength);
  }
}
