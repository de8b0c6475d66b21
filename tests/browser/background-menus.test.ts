import { readFile } from 'node:fs/promises';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSE_PDF_MENU, MENUS } from '../../src/background/menus';
import { makePdf } from '../helpers/pdf-writer';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PdfServer,
  servePdfs,
  waitForPhase,
} from './pdf-harness';
import { POLICY_FOOTER, POLICY_HEADER, POLICY_PAGES } from './pdf-policy';

/**
 * The context menus README.md promises exist in Chromium after install, and "Analyse this PDF with ICE
 * Policy Lens" on a link opens that link in the viewer.
 *
 * Chromium has no API that lists an extension's menu items, but `contextMenus.update` fails for an id it
 * does not know: the service worker updates each item (title unchanged), so a missing item is an error
 * from the browser itself, not from our own bookkeeping. A test cannot open a native context menu and
 * choose an item, so the click goes through the background's own click handler (the one its
 * contextMenus.onClicked listener calls), which test builds expose as `policyLensBackground`.
 */

// What the callbacks below use inside the service worker.
declare const chrome: {
  contextMenus: { update(id: string, change: { title: string }, done: () => void): void };
  runtime: { lastError?: { message?: string } };
  tabs: { query(filter: object): Promise<{ id?: number; url?: string; index: number }[]> };
};
declare const policyLensBackground: {
  menuClicked(info: { menuItemId: string; linkUrl?: string }, tab: object): Promise<void>;
  createdMenus(): string[];
};

let browser: ExtensionBrowser;
let server: PdfServer;
let worker: Worker;

beforeAll(async () => {
  server = await servePdfs({
    '/policies.html': {
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Town of Hollisford policies</title><h1>Policies</h1><p><a id="p413" href="/policy-413.pdf">Policy 413: Immigration</a></p>',
    },
    '/policy-413.pdf': {
      body: makePdf({ pages: POLICY_PAGES, header: POLICY_HEADER, footer: POLICY_FOOTER }),
    },
  });
  browser = await launchWithExtension();
  worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The browser's answer to updating a menu item: null when it exists, else its error message. */
function menuError(id: string, title: string): Promise<string | null> {
  return worker.evaluate(
    ({ id, title }) =>
      new Promise<string | null>((resolve) =>
        chrome.contextMenus.update(id, { title }, () => resolve(chrome.runtime.lastError?.message ?? null)),
      ),
    { id, title },
  );
}

describe('after install', () => {
  it('README.md promises each of the menus the background creates', async () => {
    const readme = (await readFile('README.md', 'utf8')).replace(/\s+/g, ' ');
    for (const menu of MENUS) expect(readme, menu.title).toContain(`"${menu.title}"`);
    expect(MENUS.map((m) => m.title)).toContain('Analyse this PDF with ICE Policy Lens');
  });

  it('Chromium has every one of those menu items (and refuses an id that does not exist)', async () => {
    // onInstalled runs as the worker starts; give it the moment it needs to create them.
    await expect
      .poll(() => worker.evaluate(() => policyLensBackground.createdMenus().sort()), { timeout: 10_000 })
      .toEqual(MENUS.map((m) => m.id).sort());
    for (const menu of MENUS) expect(await menuError(menu.id, menu.title), menu.title).toBeNull();
    expect(await menuError('policy-lens-no-such-menu', 'x')).toMatch(/cannot find/i);
  });
});

describe('"Analyse this PDF with ICE Policy Lens" on a link', () => {
  it('opens the linked PDF in the viewer, in a new tab, read through the page (nothing downloaded by us)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/policies.html`);
    const linkUrl = await page.locator('#p413').evaluate((a) => (a as HTMLAnchorElement).href);
    const before = browser.extensionRequests.length;
    const opened = browser.context.waitForEvent('page', (p) => p.url().includes('viewer.html'));
    await worker.evaluate(
      async ({ pageUrl, linkUrl, menuItemId }) => {
        const [tab] = (await chrome.tabs.query({})).filter((t) => t.url === pageUrl);
        if (!tab) throw new Error(`no tab shows ${pageUrl}`);
        await policyLensBackground.menuClicked({ menuItemId, linkUrl }, tab);
      },
      { pageUrl: page.url(), linkUrl, menuItemId: ANALYSE_PDF_MENU.id },
    );
    const viewer = await opened;
    const url = new URL(viewer.url());
    expect(url.searchParams.get('file')).toBe(linkUrl);
    // Same site as the page: the page read the PDF and handed its bytes over.
    expect(url.searchParams.get('handoff')).toBeTruthy();
    expect(await waitForPhase(viewer, ['ready', 'problem'])).toBe('ready');
    expect(await viewer.locator('[data-question]').count()).toBe(7);
    expect(browser.extensionRequests.slice(before)).toEqual([]);
    // The page stays where it was; the viewer is a tab of its own.
    expect(page.url()).toBe(`${server.origin}/policies.html`);
  });
});
