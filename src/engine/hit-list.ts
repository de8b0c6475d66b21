/**
 * Group hits of a whole document in three flat typed arrays (group, first word, last word). A policy
 * manual yields hundreds of thousands of hits ("shall", "may" are cues); objects for each would keep
 * the garbage collector busier than the matching itself.
 */
export class HitList {
  group = new Int32Array(4096);
  first = new Int32Array(4096);
  last = new Int32Array(4096);
  length = 0;

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
