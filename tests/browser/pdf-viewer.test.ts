import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report';
import { makePdf } from '../helpers/pdf-writer';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openViewer,
  type PdfServer,
  servePdfs,
  waitForPhase,
} from './pdf-harness';
import { POLICY_FOOTER, POLICY_HEADER, POLICY_PAGES, reportInNode } from './pdf-policy';

// The viewer on a real policy PDF in Chromium: verdicts equal the engine's in Node on the same file,
// highlights sit on the flagged words of the text layer, popups open by click, key and scorecard.

const bytes = makePdf({
  pages: POLICY_PAGES,
  header: POLICY_HEADER,
  footer: POLICY_FOOTER,
  title: 'Policy 413',
});
let browser: ExtensionBrowser;
let server: PdfServer;
let expected: { pages: string[]; report: Report };
let tab: Page;
let pdfUrl: string;

beforeAll(async () => {
  server = await servePdfs({ '/policies/policy-413.pdf': { body: bytes } });
  pdfUrl = `${server.origin}/policies/policy-413.pdf`;
  expected = await reportInNode(bytes, pdfUrl);
  browser = await launchWithExtension();
  tab = await openViewer(browser, pdfUrl);
  expect(await waitForPhase(tab, ['ready', 'problem'])).toBe('ready');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Text of every range in a named highlight, whitespace removed (the text layer has no line breaks). */
function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (n) =>
      [...(CSS.highlights.get(n)?.values() ?? [])].map((r) => (r as Range).toString().replace(/\s+/g, '')),
    name,
  );
}

const squash = (s: string) => s.replace(/\s+/g, '');
const passages = () => expected.report.questions.flatMap((q) => q.flags.filter((f) => !f.absence));

describe('PDF viewer', () => {
  it('shows the same verdict as the engine in Node for each of the seven questions', async () => {
    const verdicts = await tab.$$eval('[data-question]', (rows) =>
      rows.map((row) => [Number(row.getAttribute('data-question')), row.getAttribute('data-verdict')]),
    );
    expect(verdicts).toEqual(expected.report.questions.map((q) => [q.id, q.verdict]));
    const shownPassages = await tab.$$eval('.pl-passage', (buttons) => buttons.length);
    // The scorecard lists a passage once per question even when several rules flagged it.
    const distinct = new Set(passages().map((f) => `${f.question}:${f.start}:${f.end}`));
    expect(shownPassages).toBe(distinct.size);
  });

  it('has flags to show on this policy, none of them in the repeated header or footer', () => {
    const flags = passages();
    expect(flags.some((f) => f.flag === 'red')).toBe(true);
    expect(flags.some((f) => f.flag === 'green')).toBe(true);
    for (const flag of flags) {
      expect(flag.quote).not.toContain('Westbrook PD General Orders');
      expect(flag.quote).not.toContain('Policy 413 · Immigration');
      expect(flag.page).not.toBeNull();
    }
  });

  it('paints highlights exactly on the flagged words of the rendered pages', async () => {
    await tab.waitForFunction(() => (CSS.highlights.get('policy-lens-red')?.size ?? 0) > 0);
    const rendered = await tab.$$eval('.textLayer', (layers) =>
      layers.map((l) => Number(l.closest('[data-page-number]')?.getAttribute('data-page-number'))),
    );
    for (const colour of ['red', 'green'] as const) {
      const want = passages()
        .filter((f) => f.flag === colour && rendered.includes(f.page ?? 0))
        .map((f) => squash(f.quote))
        .sort();
      expect((await highlightTexts(tab, `policy-lens-${colour}`)).sort()).toEqual(want);
    }
  });

  it('opens the popup when a highlighted passage is clicked, and closes it with Escape', async () => {
    const box = await tab.evaluate(() => {
      const range = [...(CSS.highlights.get('policy-lens-red')?.values() ?? [])][0] as Range | undefined;
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range?.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    });
    expect(box).not.toBeNull();
    await tab.mouse.click(box!.x, box!.y);
    const popup = tab.locator('.pl-popup');
    await popup.waitFor();
    expect(await popup.locator('[data-flag]').getAttribute('data-flag')).toBe('red');
    expect(await popup.textContent()).toContain('Question');
    await tab.screenshot({ path: 'test-results/pdf-viewer-popup.png' });
    await tab.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached' });
  });

  it('steps through flags in reading order with the n and p keys', async () => {
    // Each passage once per question (several rules may flag the same words), in reading order.
    const seen = new Set<string>();
    const inOrder = [...passages()]
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
      .filter((f) => {
        const key = `${f.question}:${f.start}:${f.end}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    await tab.locator('.pl-scroller').click({ position: { x: 5, y: 5 } });
    await tab.keyboard.press('n');
    await tab.locator('.pl-popup').waitFor();
    expect(await tab.locator('.pl-popup [data-rule]').getAttribute('data-rule')).toBe(inOrder[0]?.rule);
    expect(await tab.locator('.pl-card-position').textContent()).toBe(`1 of ${inOrder.length}`);
    await tab.keyboard.press('Escape');
    await tab.keyboard.press('p');
    await tab.locator('.pl-popup').waitFor();
    expect(await tab.locator('.pl-popup [data-rule]').getAttribute('data-rule')).toBe(inOrder.at(-1)?.rule);
    await tab.keyboard.press('Escape');
  });

  it('jumps from a scorecard passage to its page and opens its popup there', async () => {
    const last = [...passages()].sort((a, b) => (b.page ?? 0) - (a.page ?? 0))[0]!;
    await tab.locator(`.pl-passage[data-start="${last.start}"]`).click();
    const popup = tab.locator('.pl-popup');
    await popup.waitFor();
    expect(await popup.locator('[data-rule]').getAttribute('data-rule')).toBe(last.rule);
    expect(await tab.locator('.pl-page-input').inputValue()).toBe(String(last.page));
    const painted = await highlightTexts(tab, `policy-lens-${last.flag}`);
    expect(painted).toContain(squash(last.quote));
    await tab.screenshot({ path: 'test-results/pdf-viewer-jump.png' });
    await tab.keyboard.press('Escape');
  });

  it('finds words on any page, across line breaks', async () => {
    await tab.locator('input[type="search"]').fill('immigration custody');
    await tab.waitForFunction(() => (CSS.highlights.get('policy-lens-search')?.size ?? 0) > 0);
    expect(await tab.locator('.pl-search-count').textContent()).toBe('1 of 1');
    expect(await highlightTexts(tab, 'policy-lens-search')).toEqual(['immigrationcustody']);
    await tab.locator('input[type="search"]').fill('');
  });

  it('zooms, redrawing the pages with the highlights still on the flagged words', async () => {
    const widthBefore = await tab
      .locator('[data-page-number="1"]')
      .evaluate((el) => el.getBoundingClientRect().width);
    await tab.getByRole('button', { name: 'Zoom in' }).click();
    expect(await tab.locator('.pl-zoom-value').textContent()).toBe('150%');
    await tab.waitForFunction(() => (CSS.highlights.get('policy-lens-green')?.size ?? 0) > 0);
    const widthAfter = await tab
      .locator('[data-page-number="1"]')
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(widthAfter / widthBefore).toBeCloseTo(1.5 / 1.25, 1);
    const green = await highlightTexts(tab, 'policy-lens-green');
    const rendered = await tab.$$eval('.textLayer', (layers) =>
      layers.map((l) => Number(l.closest('[data-page-number]')?.getAttribute('data-page-number'))),
    );
    const want = passages()
      .filter((f) => f.flag === 'green' && rendered.includes(f.page ?? 0))
      .map((f) => squash(f.quote));
    expect(green.sort()).toEqual(want.sort());
    await tab.getByRole('button', { name: 'Zoom out' }).click();
    expect(await tab.locator('.pl-zoom-value').textContent()).toBe('125%');
  });

  it('shows where the PDF came from, opens at #page=, and makes no request beyond the PDF itself', async () => {
    expect(await tab.locator('[data-original-url]').getAttribute('data-original-url')).toBe(pdfUrl);
    const second = await openViewer(browser, pdfUrl, 3);
    await waitForPhase(second, ['ready']);
    await second.waitForFunction(
      () => document.querySelector<HTMLInputElement>('.pl-page-input')?.value === '3',
    );
    await second.close();
    expect(browser.extensionRequests.every((url) => url === pdfUrl)).toBe(true);
  });
});
