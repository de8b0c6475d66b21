import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness';

// The options page and automatic mode. Turning automatic mode on asks the browser for host access; a
// prompt cannot be answered by an automated browser, so the end-to-end test asks for http://127.0.0.1,
// which test builds already hold (the request then resolves at once, as it would after the reader agreed).

let h: Harness;
beforeAll(async () => {
  h = await launchHarness({ fixtures: 'tests/fixtures/pages' });
});
afterAll(async () => {
  await h?.close();
});

describe('options page', () => {
  it('starts with automatic analysis off and saves the choice', async () => {
    const page = await h.openExtensionPage('options.html');
    const box = page.getByLabel('Analyse police policy pages automatically');
    await expect(box.isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Sites to analyse automatically').isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved. Pages are analysed only when you click the toolbar button.').waitFor();
    const stored = await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<unknown> } } } }
      ).chrome.storage.local.get('policy-lens/auto-analysis'),
    );
    expect(stored).toEqual({ 'policy-lens/auto-analysis': { enabled: false, sites: [] } });
  });

  it('refuses to turn on automatic analysis for an empty site list', async () => {
    const page = await h.openExtensionPage('options.html');
    await page.getByLabel('Analyse police policy pages automatically').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('List at least one site').waitFor();
  });

  it('analyses policy pages on the listed site by itself, and leaves other pages untouched', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.getByLabel('Analyse police policy pages automatically').check();
    await options.getByLabel('Only on these sites (one per line):').check();
    await options.getByLabel('Sites to analyse automatically').fill('http://127.0.0.1');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved. Policy pages on http://127.0.0.1 are analysed').waitFor();
    // The background registers the content script when the setting changes.
    await options.waitForFunction(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
        }
      ).chrome;
      return (await api.scripting.getRegisteredContentScripts()).length > 0;
    });

    const policy = await h.openPage('strong-policy.html');
    await policy.waitForFunction(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return (registry.get('policy-lens-green')?.size ?? 0) > 0;
    });

    const news = await h.openPage('not-a-policy.html');
    const before = await news.evaluate(() => document.documentElement.outerHTML);
    await news.waitForTimeout(1500);
    expect(await news.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(
      await news.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size),
    ).toBe(0);
  });
});
