import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness, popupText } from './harness';
import { clickPassage, painted, quotes, squash, waitFor } from './web-helpers';

// Pages that make life hard: a strict CSP with hostile global CSS on a dark background, a policy inside a
// same-origin frame, and page scripts that break built-ins. Screenshots go to test-results/web/.

const SHOTS = 'test-results/web';
let h: Harness;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  h = await launchHarness({ fixtures: 'tests/fixtures/pages' });
});
afterAll(async () => {
  await h?.close();
});

describe('hard web pages', () => {
  it('works under a strict Content-Security-Policy and hostile global CSS on a dark page', async () => {
    const page = await h.openPage('strict-csp.html');
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const report = await h.analyze(page);
    expect(report.questions.find((q) => q.id === 2)?.verdict).toBe('red');
    expect(report.questions.find((q) => q.id === 7)?.verdict).toBe('green');
    expect(await painted(page, 'red')).toEqual(quotes(report, 'red').map(squash));
    await clickPassage(page, 'Officers may share information with ICE');
    // The page hides `policy-lens-ui`, dialogs and divs with !important: the popup must still be there.
    const text = await waitFor(
      () => popupText(page),
      (t) => t !== null,
    );
    expect(text).toMatch(/question 2/i);
    await page.screenshot({ path: `${SHOTS}/strict-csp-popup.png` });
    expect(violations).toEqual([]);
  });

  it('reads a policy shown in a same-origin frame and paints it there', async () => {
    const page = await h.openPage('framed-policy.html');
    await page.frames()[1]?.waitForLoadState('load');
    const report = await h.analyze(page);
    expect(report.questions.find((q) => q.id === 7)?.verdict).toBe('green');
    const frame = page.frames().find((f) => f.url().endsWith('strong-policy.html'))!;
    // Only passages near the viewport are registered (src/highlight/near-viewport.ts), so scroll the frame
    // through its page and collect what is painted on the way: every green passage must show up.
    const paintedInFrame = () =>
      frame.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        return [...(registry.get('policy-lens-green') ?? [])].map((range) =>
          range.toString().replace(/\s+/g, ' '),
        );
      });
    const inFrame = new Set<string>();
    const height = await frame.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 300) {
      await frame.evaluate((top) => window.scrollTo(0, top), y);
      await frame.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      for (const text of await paintedInFrame()) inFrame.add(text);
    }
    expect([...inFrame].sort()).toEqual(quotes(report, 'green').map(squash));
    await page.screenshot({ path: `${SHOTS}/framed-page.png` });
  });

  it('keeps working when the page breaks built-ins (Array, JSON, MutationObserver, attachShadow, CSS)', async () => {
    const page = await h.openPage('hostile-globals.html');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const report = await h.analyze(page);
    expect(report.questions.find((q) => q.id === 2)?.verdict).toBe('red');
    expect(report.questions.find((q) => q.id === 7)?.verdict).toBe('green');
    expect(await h.sendToTab(page, { type: 'policy-lens/step', direction: 'next' })).toMatchObject({
      index: 1,
    });
    const text = await popupText(page);
    expect(text).toMatch(/question 2/i);
    expect(errors).toEqual([]);
  });

  it('made no network request of its own', () => {
    expect(h.extensionRequests()).toEqual([]);
  });
});
