/**
 * Group hits of a whole document in three flat typed arrays (group, first word, last word). A policy
 * manual yields hundreds of thousands of hits ("shall", "may" are cues); objects for each would keep
 * the garbage collector busier than the matching itself.
 */
export class HitList {
  group: Int32Array;
  first: Int32Array;
  last: Int32Array;
  length = 0;

  /** `capacity`: hits expected. Growing by doubling from a small start copied ~2× the final arrays
   * and was a good share of a long manual's scan; the caller's estimate saves most of that. */
  constructor(capacity = 4096) {
    const size = Math.max(16, capacity);
    this.group = new Int32Array(size);
    this.first = new Int32Array(size);
    this.last = new Int32Array(size);
  }

  push(group: number, first: number, last: number): void {
    if (this.length === this.group.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.group = grow(this.group);
      this.first = grow(this.first);
      this.last = grow(this.last);
    }
    this.group[this.length] = group;
    this.first[this.length] = first;
    this.last[this.length] = last;
    this.length++;
  }
}
