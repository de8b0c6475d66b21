import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePdf } from '../helpers/pdf-writer';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PdfServer,
  servePdfs,
  viewerUrlFor,
  waitForPhase,
} from './pdf-harness';
import { POLICY_FOOTER, POLICY_HEADER, POLICY_PAGES } from './pdf-policy';

// "Open PDFs in ICE Policy Lens": with the setting on (and host access, which test builds have for
// 127.0.0.1), opening a PDF lands in the viewer with the original address and its #page= kept.

let browser: ExtensionBrowser;
let server: PdfServer;
beforeAll(async () => {
  server = await servePdfs({
    '/policy-413.pdf': {
      body: makePdf({ pages: POLICY_PAGES, header: POLICY_HEADER, footer: POLICY_FOOTER }),
    },
  });
  browser = await launchWithExtension();
  const control = await browser.context.newPage();
  await control.goto(viewerUrlFor(browser.extensionId, null));
  await control.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({
      'policyLens.openPdfsInViewer': true,
    }),
  );
  await control.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('sends a PDF navigation to the viewer, keeping the address and #page=', async () => {
  const tab = await browser.context.newPage();
  const pdfUrl = `${server.origin}/policy-413.pdf`;
  await tab.goto(`${pdfUrl}#page=2`).catch(() => undefined);
  await tab.waitForURL(/viewer\.html/, { timeout: 15_000 });
  const url = new URL(tab.url());
  expect(url.searchParams.get('file')).toBe(`${pdfUrl}#page=2`);
  expect(url.hash).toBe('#page=2');
  expect(await waitForPhase(tab, ['ready', 'problem'])).toBe('ready');
  await tab.waitForFunction(() => document.querySelector<HTMLInputElement>('.pl-page-input')?.value === '2');
});

it('leaves "open original" links from the viewer to the browser', async () => {
  const tab = await browser.context.newPage();
  const original = `${server.origin}/policy-413.pdf#page=2&policy-lens-original`;
  await tab.goto(original).catch(() => undefined);
  await tab.waitForTimeout(1500);
  expect(tab.url()).not.toContain('viewer.html');
  await tab.close();
});

it('toolbar on a tab showing a PDF: the tab hands its bytes to the viewer, which downloads nothing', async () => {
  const control = await browser.context.newPage();
  await control.goto(viewerUrlFor(browser.extensionId, null));
  await control.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({
      'policyLens.openPdfsInViewer': false,
    }),
  );
  await control.close();
  const pdfUrl = `${server.origin}/policy-413.pdf`;
  const tab = await browser.context.newPage();
  await tab.goto(pdfUrl).catch(() => undefined);
  expect(tab.url()).toBe(pdfUrl);
  const before = browser.extensionRequests.length;
  const worker = browser.context.serviceWorkers()[0]!;
  const handled = await worker.evaluate(async (url) => {
    const api = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      policyLensPdfRouting: { openTabInViewer(tab: object): Promise<boolean> };
    };
    const [pdfTab] = (await api.chrome.tabs.query({})).filter((t) => t.url === url);
    return pdfTab ? api.policyLensPdfRouting.openTabInViewer(pdfTab) : false;
  }, pdfUrl);
  expect(handled).toBe(true);
  await tab.waitForURL(/viewer\.html/);
  expect(new URL(tab.url()).searchParams.get('handoff')).toBeTruthy();
  expect(await waitForPhase(tab, ['ready', 'problem'])).toBe('ready');
  expect(await tab.locator('[data-question]').count()).toBe(7);
  expect(browser.extensionRequests.slice(before)).toEqual([]);
});
