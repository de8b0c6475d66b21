// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/engine/tokenize';

function words(text: string): string[] {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
}

describe('tokenize', () => {
  it('splits on punctuation and keeps offsets', () => {
    const text = 'Under 8 U.S.C. § 1373, a 287(g) agreement; I-247A.';
    expect(words(text)).toEqual([
      'Under',
      '8',
      'U',
      'S',
      'C',
      '1373',
      'a',
      '287',
      'g',
      'agreement',
      'I',
      '247A',
    ]);
  });

  it("folds a possessive 's (straight or curly) but not other apostrophes", () => {
    expect(words("ICE's request and the officer’s notes")).toEqual([
      'ICE',
      'request',
      'and',
      'the',
      'officer',
      'notes',
    ]);
    // "it's" looks like a possessive and is folded too: harmless, no rule looks for "is" after "it".
    expect(words("don't it's")).toEqual(['don', 't', 'it']);
    expect(words("officers' records")).toEqual(['officers', 'records']);
  });

  it('reads letters of other scripts as words', () => {
    expect(words('Política de inmigración')).toEqual(['Política', 'de', 'inmigración']);
  });

  it('tokenises a range only', () => {
    const text = 'one two three four';
    const t = tokenize(text, 4, 13);
    expect(Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]))).toEqual([
      'two',
      'three',
    ]);
  });

  it('grows past its first guess on dense text', () => {
    const text = 'a '.repeat(50_000);
    expect(tokenize(text).count).toBe(50_000);
  });

  it('writes into reused tokens: the same words as a fresh call, arrays kept while big enough', () => {
    const text = "Copyright Lexipol, LLC. ICE's officers may not; Published with permission by the town";
    const into = { count: 0, start: new Int32Array(64), end: new Int32Array(64) };
    const { start } = into;
    for (const [from, to] of [
      [0, 30],
      [10, 50],
      [48, text.length],
    ] as const) {
      const fresh = tokenize(text, from, to);
      const reused = tokenize(text, from, to, into);
      expect(reused).toBe(into);
      expect(reused.count).toBe(fresh.count);
      expect([...reused.start.subarray(0, reused.count)]).toEqual([...fresh.start.subarray(0, fresh.count)]);
      expect([...reused.end.subarray(0, reused.count)]).toEqual([...fresh.end.subarray(0, fresh.count)]);
    }
    expect(into.start).toBe(start);
    // A window longer than the arrays can hold gets new ones, and every word.
    const long = 'a '.repeat(1000);
    expect(tokenize(long, 0, long.length, into).count).toBe(1000);
    expect(into.start).not.toBe(start);
  });
});
