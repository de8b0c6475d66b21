// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { countWork } from '../../helpers/work-counter';

// The counter the hostile-input tests rely on must tell linear work from quadratic work.
describe('countWork', () => {
  const linear = (text: string) => {
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
    return sum + (text.match(/b/g)?.length ?? 0);
  };
  const quadratic = (text: string) => {
    let hits = 0;
    // Re-scanning the rest of the text from every position: the classic hidden n².
    for (let i = 0; i < text.length; i++) if (/z/.test(text.slice(i))) hits++;
    return hits;
  };

  it('counts characters read and scanned, and restores the built-ins afterwards', () => {
    const text = 'ab'.repeat(500);
    const work = countWork(() => linear(text));
    expect(work.result).toBeGreaterThan(0);
    // 1,000 charCodeAt calls + one global scan of 1,000 characters in 500 matches, + 1 for the last,
    // failing search at the very end.
    expect(work.steps).toBe(2001);
    expect(work.regexRuns).toBe(501);
    expect(work.longestRegexInput).toBe(1000);
    expect(countWork(() => 0).steps).toBe(0);
    expect(String.prototype.charCodeAt.toString()).toContain('[native code]');
    expect(RegExp.prototype.exec.toString()).toContain('[native code]');
  });

  it('steps per character stay flat for linear work and grow with the length for quadratic work', () => {
    const perChar = (f: (t: string) => unknown, n: number) => countWork(() => f('a'.repeat(n))).steps / n;
    expect(perChar(linear, 4000)).toBe(perChar(linear, 1000));
    expect(perChar(quadratic, 4000)).toBeGreaterThan(3.5 * perChar(quadratic, 1000));
  });

  it('restores the built-ins when the work throws', () => {
    expect(() =>
      countWork(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(String.prototype.slice.toString()).toContain('[native code]');
  });
});
