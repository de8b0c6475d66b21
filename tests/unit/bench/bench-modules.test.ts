import { describe, expect, it } from 'vitest';
import { flaggablePolicyPage, notAPolicyPage } from '../../../bench/generated-pages';
import { looksLikePolicyPage } from '../../../src/page/looks-like-policy';

/**
 * The benchmarks are not run by `npm test` (timings are not assertions), but their modules must load,
 * and the pages they generate must be what their figures claim to be.
 */

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('benchmark modules', () => {
  it('load and export their benchmark', async () => {
    const modules = {
      paint: (await import('../../../bench/paint')).paintBenchmark,
      pageCheck: (await import('../../../bench/page-check')).pageCheckBenchmark,
      bundle: (await import('../../../bench/bundle')).bundleBenchmark,
    };
    for (const run of Object.values(modules)) expect(typeof run).toBe('function');
  });
});

describe('generated benchmark pages', () => {
  it('the painting page has one paragraph per passage, some passages crossing inline elements', () => {
    const doc = parse(flaggablePolicyPage(120, ['/mark.min.js']));
    expect(doc.querySelectorAll('main p')).toHaveLength(120);
    expect(doc.querySelectorAll('main p em, main p a, main p strong').length).toBeGreaterThan(0);
    expect(doc.querySelector('script')?.getAttribute('src')).toBe('/mark.min.js');
    expect(looksLikePolicyPage(doc)).toBe(true);
  });

  it('the newsletter is as large as asked and is not taken for a policy', () => {
    const doc = parse(notAPolicyPage(200));
    const text = doc.body.textContent ?? '';
    expect(text.length).toBeGreaterThanOrEqual(200_000);
    // It talks about the police department (the check's second half matches)…
    expect(/police department/i.test(text)).toBe(true);
    // …and mentions road ice in lower case, but nothing about immigration.
    expect(looksLikePolicyPage(doc)).toBe(false);
  });
});
