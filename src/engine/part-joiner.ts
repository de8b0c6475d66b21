import type { HitList } from './hit-list';
import { MAX_GAP } from './phrase';

/**
 * Turns the trie's part hits into group hits: a one-part phrase is a hit as it stands; the parts of an
 * "a ... b" phrase are joined when they follow each other within MAX_GAP words. Runs once per sentence
 * with hits, so it keeps its working lists in typed arrays reused between sentences (a Map of arrays
 * per sentence was a good share of the scan's time and garbage on a long manual).
 */

export interface JoinablePhrase {
  parts: number[];
  groups: number[];
}

export interface PartIndex {
  phrases: readonly JoinablePhrase[];
  /** Per part: groups of the one-part phrases that are exactly this part. */
  directGroups: readonly Int32Array[];
  /** Per part: the multi-part phrases it starts. */
  startsPhrases: readonly number[][];
  /** Per part: 1 if it is a later part of some phrase. */
  isLaterPart: Uint8Array;
}

function grow(a: Int32Array, needed: number): Int32Array {
  if (needed <= a.length) return a;
  const b = new Int32Array(Math.max(needed, a.length * 2));
  b.set(a);
  return b;
}

export class PartJoiner {
  private firstParts: Int32Array = new Int32Array(96); // triples: phrase, first, last
  private later: Int32Array = new Int32Array(96); // triples: part, first, last, in the order found
  /** Later-part hits grouped by part (stable, so each part's hits stay in text order). */
  private sortedFirst: Int32Array = new Int32Array(32);
  private sortedLast: Int32Array = new Int32Array(32);
  /** Per part: the sentence (call number) it was last seen in, and its range in sorted*. */
  private readonly seenIn: Int32Array;
  private readonly count: Int32Array;
  private readonly offset: Int32Array;
  private readonly fill: Int32Array;
  private touched: Int32Array = new Int32Array(32);
  private call = 0;

  constructor(private readonly index: PartIndex) {
    const parts = index.isLaterPart.length;
    this.seenIn = new Int32Array(parts).fill(-1);
    this.count = new Int32Array(parts);
    this.offset = new Int32Array(parts);
    this.fill = new Int32Array(parts);
  }

  /** Reads part hits (triples part, first, last, in order of their last word) and writes group hits. */
  join(partHit: Int32Array, length: number, out: HitList): void {
    const { directGroups, startsPhrases, isLaterPart } = this.index;
    const call = ++this.call;
    let firsts = 0;
    let laters = 0;
    let touched = 0;
    for (let i = 0; i < length; i += 3) {
      const part = partHit[i]!;
      const first = partHit[i + 1]!;
      const last = partHit[i + 2]!;
      const direct = directGroups[part]!;
      for (let k = 0; k < direct.length; k++) out.push(direct[k]!, first, last);
      const starts = startsPhrases[part]!;
      if (starts.length > 0) {
        this.firstParts = grow(this.firstParts, firsts + 3 * starts.length);
        for (let k = 0; k < starts.length; k++) {
          this.firstParts[firsts++] = starts[k]!;
          this.firstParts[firsts++] = first;
          this.firstParts[firsts++] = last;
        }
      }
      // Part hits come in order of their last word, so a later part seen before any first part
      // cannot complete a phrase: skipping it saves listing every "shall" of a manual.
      if (firsts > 0 && isLaterPart[part] === 1) {
        this.later = grow(this.later, laters + 3);
        this.later[laters++] = part;
        this.later[laters++] = first;
        this.later[laters++] = last;
        if (this.seenIn[part] !== call) {
          this.seenIn[part] = call;
          this.count[part] = 0;
          this.touched = grow(this.touched, touched + 1);
          this.touched[touched++] = part;
        }
        this.count[part]!++;
      }
    }
    if (firsts === 0 || laters === 0) return;
    this.groupByPart(laters, touched);
    this.completePhrases(firsts, call, out);
  }

  /** A stable counting sort of the later-part hits by part. */
  private groupByPart(laters: number, touched: number): void {
    let at = 0;
    for (let k = 0; k < touched; k++) {
      const part = this.touched[k]!;
      this.offset[part] = at;
      this.fill[part] = at;
      at += this.count[part]!;
    }
    this.sortedFirst = grow(this.sortedFirst, at);
    this.sortedLast = grow(this.sortedLast, at);
    for (let i = 0; i < laters; i += 3) {
      const part = this.later[i]!;
      const slot = this.fill[part]!++;
      this.sortedFirst[slot] = this.later[i + 1]!;
      this.sortedLast[slot] = this.later[i + 2]!;
    }
  }

  private completePhrases(firsts: number, call: number, out: HitList): void {
    const { phrases } = this.index;
    for (let i = 0; i < firsts; i += 3) {
      const phrase = phrases[this.firstParts[i]!]!;
      let last = this.firstParts[i + 2]!;
      let complete = true;
      for (let p = 1; p < phrase.parts.length && complete; p++) {
        const part = phrase.parts[p]!;
        if (this.seenIn[part] !== call) {
          complete = false;
          break;
        }
        // A part's hits are in text order: the first one after `last` is the earliest, which leaves
        // most room for the rest; if it is too far, all others are too. Binary search keeps a hostile
        // "no shall no shall …" sentence from costing (first parts × later parts).
        let lo = this.offset[part]!;
        let hi = lo + this.count[part]!;
        const end = hi;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (this.sortedFirst[mid]! > last) hi = mid;
          else lo = mid + 1;
        }
        complete = lo < end && this.sortedFirst[lo]! - last - 1 <= MAX_GAP;
        if (complete) last = this.sortedLast[lo]!;
      }
      if (complete) {
        const first = this.firstParts[i + 1]!;
        for (let k = 0; k < phrase.groups.length; k++) out.push(phrase.groups[k]!, first, last);
      }
    }
  }
}
