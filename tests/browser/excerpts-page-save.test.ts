import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

/**
 * Saving excerpts on a real web page in Chromium with the built extension: from the flag popup, from
 * a selection (what the context menu and shortcut trigger), from two tabs at once; and finding them
 * again after a reload, after the page's text was edited, and when the passage is gone.
 */

let h: Harness;
let pages: Awaited<ReturnType<typeof writableFixtures>>;
const EXCERPT = 'policy-lens-excerpt';
const STATUS =
  'Officers may ask about immigration status during any traffic stop or field interview when they find it useful.';

async function analysed(name: string) {
  const page = await h.openPage(name);
  const report: Report = await h.analyze(page);
  return { page, report };
}

async function excerptHighlights(page: Awaited<ReturnType<Harness['openPage']>>) {
  return (await highlightTexts(page))[EXCERPT] ?? [];
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('excerpts on a web page', () => {
  beforeAll(async () => {
    pages = await writableFixtures();
    h = await launchHarness({ fixtures: pages.dir });
  });
  afterAll(async () => {
    await h?.close();
    await pages?.remove();
  });
  beforeEach(() => clearStorage(h));

  it('saves from the popup, then finds it again after a reload, after an edit, and lists it when gone', async () => {
    const { page, report } = await analysed('weak-policy.html');
    const flag = report.questions.flatMap((q) => q.flags).find((f) => f.quote === STATUS);
    expect(flag, 'the status sentence is flagged').toBeDefined();
    await h.sendToTab(page, { type: 'policy-lens/reveal', start: flag!.start, end: flag!.end, open: true });
    await clickButton(page, 'Save excerpt');

    const stored = await until(
      () => storedExcerpts(h),
      (s) => Object.keys(s).length === 1,
      'one saved excerpt',
    );
    const record = Object.values(stored)[0] as Record<string, unknown>;
    expect(record).toMatchObject({
      quote: STATUS,
      flag: 'red',
      question: 1,
      section: '415.2',
      town: 'Maplewick',
    });
    expect(await shadowText(page, 'policy-lens-excerpts')).toContain('Excerpt saved.');
    await clickButton(page, 'Save excerpt'); // a second press keeps one excerpt
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(Object.keys(await storedExcerpts(h))).toHaveLength(1);
    await until(
      () => excerptHighlights(page),
      (t) => t.includes(STATUS),
      'the excerpt painted',
    );

    // Reloaded: painted again in the excerpt style.
    await page.reload();
    await h.analyze(page);
    await until(
      () => excerptHighlights(page),
      (t) => t.includes(STATUS),
      'the excerpt after reload',
    );

    // The page changed the sentence: found fuzzily, the new wording is what gets painted.
    await pages.edit(
      'weak-policy.html',
      'during any traffic stop or field interview',
      'during any traffic stop, field interview or home visit',
    );
    await page.reload();
    await h.analyze(page);
    const edited = await until(
      () => excerptHighlights(page),
      (t) => t.some((x) => x.includes('home visit')),
      'the edited passage',
    );
    expect(edited.find((x) => x.includes('home visit'))).toMatch(
      /^Officers may ask about immigration status/,
    );

    // The passage is gone: listed with its saved quote, not dropped.
    await pages.edit('weak-policy.html', /<p id="status">[^<]*<\/p>/, '<p id="status">Repealed.</p>');
    await page.reload();
    await h.analyze(page);
    await until(
      () => shadowText(page, 'policy-lens-excerpts'),
      (t) => t.includes('not found on this version of the page'),
      'the not-found notice',
    );
    await clickButton(page, 'Show them');
    await until(
      () => shadowText(page, 'policy-lens-excerpts'),
      (t) => t.includes(STATUS),
      'the saved quote listed',
    );
    expect(Object.keys(await storedExcerpts(h))).toHaveLength(1);
    await page.close();
  });

  it('saves selections from two tabs at the same moment without losing either', async () => {
    const a = await analysed('weak-policy.html');
    const b = await analysed('second-policy.html');
    const quoteA = await selectText(a.page, '#assist');
    const quoteB = await selectText(b.page, '#share');
    const replies = await Promise.all([
      h.sendToTab<{ id: string }>(a.page, { type: 'policy-lens/save-selection', tabId: 0 }),
      h.sendToTab<{ id: string }>(b.page, { type: 'policy-lens/save-selection', tabId: 0 }),
    ]);
    expect(replies[0]?.id).not.toBe(replies[1]?.id);
    const stored = Object.values(await storedExcerpts(h)) as {
      quote: string;
      town: string;
      section: string | null;
    }[];
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(stored.map((s) => flat(s.quote)).sort()).toEqual([flat(quoteA), flat(quoteB)].sort());
    expect(stored.find((s) => s.quote.startsWith('Requests by'))).toMatchObject({
      town: 'Maplewick',
      section: '415.5',
    });
    await a.page.close();
    await b.page.close();
  });

  it('side panel counts and opens the saved excerpts; the excerpts page deletes them all, by keyboard, with undo', async () => {
    const a = await analysed('weak-policy.html');
    const b = await analysed('second-policy.html');
    await selectText(a.page, '#assist');
    await h.sendToTab(a.page, { type: 'policy-lens/save-selection', tabId: 0 });
    await selectText(b.page, '#share');
    await h.sendToTab(b.page, { type: 'policy-lens/save-selection', tabId: 0 });
    const before = await storedExcerpts(h);
    expect(Object.keys(before)).toHaveLength(2);

    const panel = await h.openExtensionPage(`sidepanel.html?tabId=${await h.tabIdOf(a.page)}`);
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.waitForSelector('[data-state="ready"]');
    const link = panel.getByRole('button', { name: /^Saved excerpts/ });
    await expect.poll(() => link.textContent()).toContain('Saved excerpts (1 from this page, 2 in all)');
    await panel.screenshot({ path: 'test-results/excerpts-sidepanel-link.png' });
    const opened = h.context.waitForEvent('page');
    await link.click();
    const list = await opened;
    await list.waitForLoadState();
    expect(list.url()).toBe(`chrome-extension://${h.extensionId}/excerpts.html`);
    await list.setViewportSize({ width: 1000, height: 900 });
    await list.waitForSelector('[data-excerpt-id]');

    // Keyboard only: focus the button, Enter opens the question (nothing deleted yet), Tab to "Yes".
    await list.getByRole('button', { name: 'Delete all saved excerpts…' }).focus();
    await list.keyboard.press('Enter');
    await list.waitForSelector('.pl-delete-all-confirm');
    expect(Object.keys(await storedExcerpts(h))).toHaveLength(2);
    await list.screenshot({ path: 'test-results/excerpts-delete-all-confirm.png', fullPage: true });
    await list.keyboard.press('Tab');
    expect(await list.evaluate(() => document.activeElement?.textContent)).toBe('Yes, delete all 2 excerpts');
    await list.keyboard.press('Enter');
    await until(
      () => storedExcerpts(h),
      (s) => Object.keys(s).length === 0,
      'every excerpt deleted',
    );
    await list.waitForSelector('.pl-empty');
    await expect.poll(() => link.textContent()).toContain('Saved excerpts (0)');
    await list.screenshot({ path: 'test-results/excerpts-delete-all-undo.png', fullPage: true });

    // The focus is on Undo, which brings back exactly what was stored.
    expect(await list.evaluate(() => document.activeElement?.textContent)).toContain(
      'Undo: bring back all 2',
    );
    await list.keyboard.press('Enter');
    await until(
      () => storedExcerpts(h),
      (s) => Object.keys(s).length === 2,
      'the excerpts restored',
    );
    expect(await storedExcerpts(h)).toEqual(before);
    expect(h.extensionRequests()).toEqual([]);
    for (const page of [list, panel, a.page, b.page]) await page.close();
  });

  it('tells the user when there is nothing selected to save', async () => {
    const { page } = await analysed('weak-policy.html');
    await expect(h.sendToTab(page, { type: 'policy-lens/save-selection', tabId: 0 })).rejects.toThrow(
      /Select the passage/,
    );
    await until(
      () => shadowText(page, 'policy-lens-excerpts'),
      (t) => t.includes('Select the passage'),
      'the error shown',
    );
    expect(await storedExcerpts(h)).toEqual({});
    await page.close();
  });
});
