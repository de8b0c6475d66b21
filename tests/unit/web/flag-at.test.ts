import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../../src/engine/report';
import { flagIndexAt, longestPassage } from '../../../src/page/flag-at';

const flag = (start: number, end: number, question: 1 | 2 | 3 = 1): Flag => ({
  rule: `r${start}-${end}-${question}`,
  flag: 'red',
  start,
  end,
  page: null,
  quote: '',
  explanation: '',
  absence: false,
  question,
  section: null,
});

describe('flagIndexAt', () => {
  const passages = [flag(0, 10), flag(5, 100), flag(20, 30, 1), flag(20, 30, 2), flag(120, 130)];
  const longest = longestPassage(passages);

  it('finds the shortest passage covering an offset, the earlier one on a tie', () => {
    expect(flagIndexAt(passages, 7, longest)).toBe(0);
    expect(flagIndexAt(passages, 12, longest)).toBe(1);
    expect(flagIndexAt(passages, 25, longest)).toBe(2);
    expect(flagIndexAt(passages, 110, longest)).toBe(-1);
    expect(flagIndexAt(passages, 130, longest)).toBe(-1);
  });

  it('agrees with a plain scan on random passages', () => {
    const sorted = fc
      .array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 60 })), { maxLength: 30 })
      .map((pairs) => pairs.map(([s, l]) => flag(s, s + l)).sort((a, b) => (a.start ?? 0) - (b.start ?? 0)));
    fc.assert(
      fc.property(sorted, fc.nat(270), (list, offset) => {
        const covering = list.filter((f) => (f.start ?? 0) <= offset && offset < (f.end ?? 0));
        const got = flagIndexAt(list, offset, longestPassage(list));
        if (covering.length === 0) return got === -1;
        const shortest = Math.min(...covering.map((f) => (f.end ?? 0) - (f.start ?? 0)));
        const hit = list[got];
        return hit !== undefined && covering.includes(hit) && (hit.end ?? 0) - (hit.start ?? 0) === shortest;
      }),
    );
  });
});
