import type { Flag } from '../engine/report';

/**
 * Finds the flag under a text offset (a click) among passages sorted by start. Binary search for the
 * last passage starting at or before the offset, then a short walk back bounded by the longest
 * passage, because passages of different questions may overlap; the shortest covering passage wins
 * (it is the most specific), and among equal ones the first in reading order.
 */
export function flagIndexAt(passages: readonly Flag[], offset: number, longest: number): number {
  let lo = 0;
  let hi = passages.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((passages[mid]?.start ?? 0) <= offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let best = -1;
  let bestLength = Number.POSITIVE_INFINITY;
  for (let i = last; i >= 0; i--) {
    const flag = passages[i]!;
    const start = flag.start ?? 0;
    if (start < offset - longest) break;
    const end = flag.end ?? 0;
    // `<=` while walking back: on a tie the earlier flag (lower question on the same passage) wins.
    if (offset < end && end - start <= bestLength) {
      best = i;
      bestLength = end - start;
    }
  }
  return best;
}

/** Length of the longest passage, the bound `flagIndexAt` walks back by. */
export function longestPassage(passages: readonly Flag[]): number {
  let longest = 0;
  for (const flag of passages) longest = Math.max(longest, (flag.end ?? 0) - (flag.start ?? 0));
  return longest;
}
