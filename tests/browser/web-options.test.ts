import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness';

// The options page: automatic analysis is off by default, and turning it off again needs no permission.
// (Turning it ON opens the browser's permission prompt, which an automated browser cannot answer.)

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
});
