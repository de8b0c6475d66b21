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
