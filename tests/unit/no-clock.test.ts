// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Unit tests judge behaviour, never the clock: a limit in milliseconds fails on a busy shared machine
 * and passes a slow algorithm on a fast one. Bounds on work are counted instead
 * (tests/helpers/work-counter.ts), and timings live in bench/ as ratios (`npm run bench`). This test
 * fails as soon as a unit test or one of its helpers reads the clock. A fake clock handed to the code
 * under test (vi.useFakeTimers, or a spy that replaces the clock) is not a read and is allowed.
 *
 * The patterns are assembled from pieces so that this file does not match itself.
 */
const dot = '\\s*\\.\\s*';
const CLOCK_READS: { name: string; pattern: RegExp }[] = [
  { name: 'performance now', pattern: new RegExp(`\\bperformance${dot}now\\s*\\(`) },
  { name: 'performance timeOrigin', pattern: new RegExp(`\\bperformance${dot}timeOrigin\\b`) },
  { name: 'Date now', pattern: new RegExp(`\\bDate${dot}now\\b`) },
  { name: 'a Date of the current time', pattern: new RegExp(['\\bnew\\s+Date', '\\(\\s*\\)'].join('')) },
  { name: 'Date called as a function', pattern: new RegExp(['(?<!new\\s+)\\bDate', '\\(\\s*\\)'].join('')) },
  { name: 'process hrtime', pattern: new RegExp(`\\bprocess${dot}hrtime\\b`) },
  { name: 'process cpuUsage', pattern: new RegExp(`\\bprocess${dot}cpuUsage\\b`) },
  { name: 'console time', pattern: new RegExp(`\\bconsole${dot}time(End|Log)?\\s*\\(`) },
  { name: 'Temporal Now', pattern: new RegExp(`\\bTemporal${dot}Now\\b`) },
];

function clockReads(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { name, pattern } of CLOCK_READS) if (pattern.test(line)) found.push(`${i + 1}: ${name}`);
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mts|js|mjs)$/.test(file))
    .map((file) => path.join(dir, file));
}

describe('no unit test reads the clock', () => {
  it('the search finds every kind of clock read (so it can fail)', () => {
    const perf = ['performance', 'now()'].join('.');
    const samples = [
      `const t0 = ${perf};`,
      `expect(${perf} - t0).toBeLessThan(3000);`,
      `const ms = ${['Date', 'now()'].join('.')} - started;`,
      `const today = new ${'Date'}();`,
      `const started = ${['process', 'hrtime', 'bigint()'].join('.')};`,
      `const cpu = ${['process', 'cpuUsage()'].join('.')};`,
      `${['console', 'time'].join('.')}('x');`,
    ];
    for (const sample of samples) expect(clockReads(sample), sample).not.toEqual([]);
    // Fixed dates and fake clocks are fine.
    expect(clockReads("const when = new Date('2026-11-28T12:00:00Z');")).toEqual([]);
    expect(clockReads("vi.spyOn(performance, 'now').mockImplementation(() => clock++);")).toEqual([]);
    expect(clockReads("vi.useFakeTimers({ toFake: ['setTimeout'] });")).toEqual([]);
  });

  it('in tests/unit, tests/helpers and the unit tests kept beside the source', () => {
    const files = [
      ...sourceFiles('tests/unit'),
      ...sourceFiles('tests/helpers'),
      // vitest.config.ts also runs src/**/*.test.ts(x).
      ...sourceFiles('src').filter((file) => /\.test\.tsx?$/.test(file)),
    ];
    expect(files.length).toBeGreaterThan(50);
    const reads = files.flatMap((file) =>
      clockReads(readFileSync(file, 'utf8')).map((at) => `${file}:${at}`),
    );
    expect(reads).toEqual([]);
  });
});
