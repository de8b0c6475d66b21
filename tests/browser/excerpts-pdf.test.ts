import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../helpers/pdf-writer';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openViewer,
  type PdfServer,
  servePdfs,
  tabIdOf,
  viewerUrlFor,
  waitForPhase,
} from './pdf-harness';
import { POLICY_FOOTER, POLICY_HEADER, POLICY_PAGES } from './pdf-policy';

/**
 * Excerpts in the PDF viewer (Chromium, built extension): save from the popup, see it painted in the
 * excerpt style, open the PDF again and see it re-anchored; save a text-layer selection the way the
 * context menu does (a save-selection message for the viewer's tab).
 */

declare const chrome: {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

const bytes = makePdf({
  pages: POLICY_PAGES,
  header: POLICY_HEADER,
  footer: POLICY_FOOTER,
  title: 'Policy 413',
});
let browser: ExtensionBrowser;
let server: PdfServer;
let pdfUrl: string;

const SHARE = 'Officers may share information about arrestees with ICE';

async function stored(tab: Page): Promise<Record<string, unknown>[]> {
  const all = await tab.evaluate(() => chrome.storage.local.get(null));
  return Object.entries(all)
    .filter(([key]) => key.startsWith('excerpt:'))
    .map(([, value]) => value as Record<string, unknown>);
}

async function excerptHighlight(tab: Page): Promise<string[]> {
  return tab.evaluate(() =>
    [...(CSS.highlights.get('policy-lens-excerpt')?.values() ?? [])].map((r) => (r as Range).toString()),
  );
}

const squash = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  server = await servePdfs({ '/policies/policy-413.pdf': { body: bytes } });
  pdfUrl = `${server.origin}/policies/policy-413.pdf`;
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('excerpts in the PDF viewer', () => {
  it('saves from the popup and shows the excerpt again when the PDF is opened again', async () => {
    const tab = await openViewer(browser, pdfUrl);
    expect(await waitForPhase(tab, ['ready', 'problem'])).toBe('ready');
    await tab.locator('button', { hasText: SHARE }).first().click();
    await tab.getByRole('button', { name: 'Save excerpt' }).click();
    await expect.poll(() => stored(tab).then((s) => s.length)).toBe(1);
    const [excerpt] = await stored(tab);
    expect(excerpt).toMatchObject({ page: 2, flag: 'red', question: 2, url: pdfUrl });
    expect(excerpt?.pdfFingerprint).toEqual(expect.any(String));
    expect(squash(String(excerpt?.quote))).toContain(squash(SHARE));
    await expect
      .poll(() => excerptHighlight(tab).then((t) => t.map(squash).join('|')))
      .toContain(squash(SHARE));
    await tab.close();

    const again = await openViewer(browser, pdfUrl, 2);
    expect(await waitForPhase(again, ['ready', 'problem'])).toBe('ready');
    await expect
      .poll(() => excerptHighlight(again).then((t) => t.map(squash).join('|')))
      .toContain(squash(SHARE));
    await again.close();
  });

  it('saves a selection on the text layer with its page, as the context menu asks', async () => {
    const tab = await openViewer(browser, pdfUrl, 3);
    expect(await waitForPhase(tab, ['ready', 'problem'])).toBe('ready');
    const before = (await stored(tab)).length;
    const selected = await tab.waitForFunction(() => {
      const span = [...document.querySelectorAll('.pl-page-slot[data-page-number="3"] .textLayer span')].find(
        (s) => s.textContent?.includes('287(g)'),
      );
      if (!span) return null;
      const range = document.createRange();
      range.selectNodeContents(span);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return document.getSelection()?.toString() ?? null;
    });
    const text = (await selected.jsonValue()) as string;
    const tabId = await tabIdOf(browser, tab);
    const control = await browser.context.newPage();
    await control.goto(viewerUrlFor(browser.extensionId, null));
    const reply = await control.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'policy-lens/save-selection', tabId: id }),
      tabId,
    );
    expect(reply).toEqual({ id: expect.any(String) });
    const all = await stored(tab);
    expect(all).toHaveLength(before + 1);
    const saved = all.find((e) => e.id === (reply as { id: string }).id);
    expect(saved).toMatchObject({ page: 3, flag: 'note', section: '413.5' });
    expect(squash(String(saved?.quote))).toBe(squash(text));
    await control.close();
    await tab.close();
  });
});
