import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report';
import {
  clearStorage,
  clickButton,
  selectText,
  shadowText,
  storedExcerpts,
  writableFixtures,
} from './excerpts-support';
import { type Harness, highlightTexts, launchHarness } from './harness';
import { clickPassage, waitFor } from './web-helpers';

/**
 * Nothing lost: saved excerpts survive saves from many tabs at once, a full storage area, an extension
 * reload while a page is open ("extension context invalidated"), and imports of broken files. The
 * two-tab save and a broken import are also in tests/browser/excerpts-*.test.ts; here five tabs at
 * once, storage full, the reload and truncated or binary files.
 */

declare const chrome: {
  storage: {
    local: {
      set(items: object): Promise<void>;
      remove(key: string): Promise<void>;
      getBytesInUse(keys: null): Promise<number>;
      QUOTA_BYTES: number;
    };
  };
  runtime: { reload(): void };
};

let h: Harness;
let pages: Awaited<ReturnType<typeof writableFixtures>>;

/**
 * Reloads the extension as an update does. Through chrome://extensions' reload button: in this
 * headless Chromium, chrome.runtime.reload() called from the service worker leaves an extension loaded
 * with --load-extension disabled (no new worker, its pages ERR_BLOCKED_BY_CLIENT), which is not what
 * users see; the button gives the real "extension context invalidated" in open tabs.
 */
async function reloadExtension(): Promise<void> {
  const settings = await h.context.newPage();
  await settings.goto('chrome://extensions');
  await settings.locator('#devMode').click();
  const worker = h.context.waitForEvent('serviceworker');
  await settings.locator('extensions-item #dev-reload-button').click();
  await worker;
  await settings.close();
}

async function analysed(name: string): Promise<{ page: Page; report: Report }> {
  const page = await h.openPage(name);
  return { page, report: await h.analyze(page) };
}

beforeAll(async () => {
  pages = await writableFixtures();
  h = await launchHarness({ fixtures: pages.dir });
  await clearStorage(h);
});
afterAll(async () => {
  await h?.close();
  await pages?.remove();
});

describe('nothing lost', () => {
  it('five tabs saving at the same moment keep all five excerpts', async () => {
    const tabs = await Promise.all(
      ['#status', '#lunn', '#share', '#assist', '#status'].map(async (selector, i) => {
        const { page } = await analysed(`weak-policy.html?tab=${i}`);
        await selectText(page, selector);
        return page;
      }),
    );
    const replies = await Promise.all(
      tabs.map((page) => h.sendToTab<{ id: string }>(page, { type: 'policy-lens/save-selection', tabId: 0 })),
    );
    expect(new Set(replies.map((r) => r.id)).size).toBe(5);
    const stored = await storedExcerpts(h);
    expect(Object.keys(stored).sort()).toEqual(replies.map((r) => `excerpt:${r.id}`).sort());
    for (const page of tabs) await page.close();
  });

  it('storage full: the save is refused with a message that says so, and every saved excerpt stays', async () => {
    const before = await storedExcerpts(h);
    const control = await h.controlPage();
    // Fill the extension's storage area to just under its quota (10 MB in Chrome).
    await control.evaluate(async () => {
      const quota = chrome.storage.local.QUOTA_BYTES;
      const used = await chrome.storage.local.getBytesInUse(null);
      await chrome.storage.local.set({ 'test:filler': 'x'.repeat(quota - used - 200) });
    });
    const { page } = await analysed('weak-policy.html?full');
    await selectText(page, '#share');
    await expect(h.sendToTab(page, { type: 'policy-lens/save-selection', tabId: 0 })).rejects.toThrow(/full/);
    expect(
      await waitFor(
        () => shadowText(page, 'policy-lens-excerpts'),
        (t) => t.includes('full'),
      ),
    ).toMatch(/storage for this extension is full\. Export your excerpts/);
    await control.evaluate(() => chrome.storage.local.remove('test:filler'));
    expect(await storedExcerpts(h)).toEqual(before);
    // With room again, the same save works.
    await h.sendToTab(page, { type: 'policy-lens/save-selection', tabId: 0 });
    expect(Object.keys(await storedExcerpts(h))).toHaveLength(Object.keys(before).length + 1);
    await page.close();
  });

  it('an extension reload mid-session: the old page UI steps aside politely, a new analysis works, excerpts survive', async () => {
    const before = await storedExcerpts(h);
    const { page } = await analysed('weak-policy.html?reload');
    const painted = (await highlightTexts(page))['policy-lens-red'] ?? [];
    expect(painted.length).toBeGreaterThan(0);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await reloadExtension();
    // The cut-off copy still answers a click on its highlight with its popup; saving from it explains.
    await clickPassage(page, 'Officers may ask about immigration status');
    await clickButton(page, 'Save excerpt');
    expect(
      await waitFor(
        () => shadowText(page, 'policy-lens-excerpts'),
        (t) => t.includes('reloaded'),
      ),
    ).toContain('was updated or reloaded since this page was opened. Reload the page to use it again');
    // Only the content script's own console may mention it; the page itself saw no error.
    expect(problems.filter((p) => !p.includes('ICE Policy Lens was updated or reloaded'))).toEqual([]);
    // A new analysis (the user clicks the toolbar again) injects a new copy; the old one retires, so the
    // page is painted once, not twice.
    const again = await h.analyze(page);
    expect(again.questions.map((q) => q.verdict)).toHaveLength(7);
    const repainted = (await highlightTexts(page))['policy-lens-red'] ?? [];
    expect(repainted.length).toBe(painted.length);
    expect(await storedExcerpts(h)).toEqual(before);
    await page.close();
  });

  it('imports of a truncated, a binary and an empty file are refused and change nothing', async () => {
    const before = await storedExcerpts(h);
    const excerptsPage = await h.openExtensionPage('excerpts.html');
    await excerptsPage.getByRole('heading', { name: /Maplewick/ }).waitFor();
    const [download] = await Promise.all([
      excerptsPage.waitForEvent('download'),
      excerptsPage.getByRole('button', { name: 'Back up all excerpts (JSON)' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const backup = await readFile(await download.path());
    const files: [string, Buffer, RegExp][] = [
      ['cut.json', backup.subarray(0, Math.floor(backup.length / 2)), /not valid JSON/],
      ['photo.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255, 254]), /not valid JSON/],
      ['empty.json', Buffer.alloc(0), /not valid JSON/],
    ];
    for (const [name, buffer, words] of files) {
      await excerptsPage
        .locator('input[type=file]')
        .setInputFiles({ name, mimeType: 'application/json', buffer });
      await expect.poll(() => excerptsPage.getByRole('alert').textContent()).toMatch(words);
      expect(await storedExcerpts(h)).toEqual(before);
    }
    await excerptsPage.close();
  });

  it('made no network request of its own', () => {
    // chrome:// pages are the browser's own settings page used to reload the extension.
    expect(h.extensionRequests().filter((url) => !url.startsWith('chrome://'))).toEqual([]);
  });
});
