import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze';
import type { Flag, Report } from '../../src/engine/report';
import { htmlToPolicyText } from '../../src/sources/node-html-file';
import { makePdf } from '../helpers/pdf-writer';
import { serveFolder } from './harness';
import { highlightsInPage, passagePointInPage } from './in-page';
import {
  announcement,
  builtManifest,
  clickShadowButton,
  type FirefoxWithExtension,
  launchFirefox,
  popupText,
  shadowElementText,
} from './launch-firefox';
import { type PdfServer, servePdfs } from './pdf-harness';
import { POLICY_FOOTER, POLICY_HEADER, POLICY_PAGES, reportInNode } from './pdf-policy';
import { decodePng, isDarkGlyph, isGreenInk, rowsWith } from './screenshot-pixels';
import { paintedOf, quotes, squash, verdicts, waitFor } from './web-helpers';

/**
 * The core journeys in real Firefox ESR (Debian's), with the Firefox build of the extension installed
 * as a temporary add-on, driven over WebDriver BiDi by puppeteer-core: a web page analysed through the
 * public `policy-lens/analyze` message and painted as the report says, the flag popup by click and by
 * keyboard, the sidebar's verdicts, the PDF viewer on a generated PDF, and an excerpt saved and listed.
 * One browser for the whole file (starting Firefox costs seconds on two cores). Screenshots go to
 * test-results/firefox/ (git-ignored) for a person to look at.
 */

const SHOTS = 'test-results/firefox';
let ff: FirefoxWithExtension;
let pages: string; // http://127.0.0.1:<port> serving tests/fixtures/pages
let samples: string; // http://127.0.0.1:<port> serving samples/ (the bundled sample policy)
const servers: { close(): Promise<void> }[] = [];
let control: Page;

// What the evaluate callbacks use inside an extension page (Firefox's promise-based namespace).
declare const browser: {
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options: object): Promise<unknown>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; clear(): Promise<void> } };
};

async function serve(root: string): Promise<string> {
  const { server, origin } = await serveFolder(root, []);
  servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return origin;
}

async function openPage(url: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function tabIdOf(page: Page): Promise<number> {
  const id = await control.evaluate(async (wanted) => {
    const ids = (await browser.tabs.query({})).filter((t) => t.url === wanted).map((t) => t.id ?? -1);
    return ids.length > 0 ? Math.max(...ids) : null;
  }, page.url());
  if (id === null) throw new Error(`no tab has the URL ${page.url()}`);
  return id;
}

/** The public contract: `{ type: 'policy-lens/analyze', tabId }` from an extension page. */
async function analyzeTab(page: Page): Promise<Report> {
  const tabId = await tabIdOf(page);
  return (await control.evaluate(
    (id) => browser.runtime.sendMessage({ type: 'policy-lens/analyze', tabId: id }),
    tabId,
  )) as Report;
}

async function sendToTab<T>(page: Page, message: unknown): Promise<T> {
  const tabId = await tabIdOf(page);
  return (await control.evaluate(
    (id, m) => browser.tabs.sendMessage(id, m, { frameId: 0 }),
    tabId,
    message as Record<string, unknown>,
  )) as T;
}

async function painted(page: Page, kind: 'red' | 'green' | 'lexipol'): Promise<string[]> {
  return paintedOf(await page.evaluate(highlightsInPage), kind);
}

async function storedExcerpts(): Promise<Record<string, { quote: string } & Record<string, unknown>>> {
  const all = await control.evaluate(() => browser.storage.local.get(null));
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('excerpt:'))) as Record<
    string,
    { quote: string } & Record<string, unknown>
  >;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const value = await waitFor(read, ok, 15_000);
  if (!ok(value)) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
  return value;
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  pages = await serve(path.resolve('tests/fixtures/pages'));
  samples = await serve(path.resolve('samples'));
  ff = await launchFirefox({ viewport: { width: 1280, height: 900 } });
  control = await ff.openExtensionPage('options.html');
});
afterAll(async () => {
  await ff?.close();
  for (const server of servers) await server.close();
});

describe('Firefox ESR: the add-on', () => {
  it('is the Firefox build: gecko id, Firefox 140 or later (data_collection_permissions), 127.0.0.1 readable', async () => {
    const manifest = builtManifest();
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('ice-policy-lens@example.org');
    expect(manifest.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
    // launchFirefox has already checked that Firefox granted that host permission; the options page of
    // the installed add-on answers from its own moz-extension:// origin.
    expect(await control.evaluate(() => location.origin)).toBe(ff.extensionOrigin);
  });
});

describe('Firefox ESR: web pages', () => {
  it('analyses the bundled sample exactly as the engine does in Node, and paints the report', async () => {
    const url = `${samples}/sample-policy.html`;
    const page = await openPage(url);
    // Passages far from the viewport are not painted (src/highlight/near-viewport.ts): a window as tall
    // as the page keeps them all near, so every one of them can be compared with the report.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewport({ width: 1280, height: Math.min(height + 100, 8000) });
    const report = await analyzeTab(page);
    const html = await readFile('samples/sample-policy.html', 'utf8');
    const { text } = await htmlToPolicyText(html, url);
    const title = await page.title();
    // Firefox's DOM, read by the content script, gives the engine the same text as jsdom in Node.
    expect(report).toEqual(analyze({ source: url, title: title || null, text }));
    expect(report.questions.some((q) => q.flags.some((f) => !f.absence))).toBe(true);
    // Passages are handed to the Highlight API as the viewport observer reports them: poll, then compare.
    for (const colour of ['red', 'green'] as const) {
      const want = quotes(report, colour).map(squash);
      const got = await waitFor(
        () => painted(page, colour),
        (p) => JSON.stringify(p) === JSON.stringify(want),
      );
      expect(got).toEqual(want);
    }
    expect((await painted(page, 'lexipol')).length).toBe(
      new Set(report.lexipol.passages.map((p) => `${p.start}:${p.end}`)).size,
    );
    // The content script's own answer is the same report.
    expect(await sendToTab<Report>(page, { type: 'policy-lens/report' })).toEqual(report);
    await page.screenshot({ path: `${SHOTS}/sample-page.png` });
    await page.close();
  });

  it('reads only the policy of a Lexipol-style page inside site navigation, and counts its red flags on the toolbar button', async () => {
    const page = await openPage(`${pages}/lexipol-with-nav.html`);
    const report = await analyzeTab(page);
    expect(verdicts(report)).toEqual(['red', 'red', 'red', 'red', 'red', 'red', 'red']);
    expect(report.lexipol.detected).toBe(true);
    expect(JSON.stringify(report)).not.toContain('Winter ice');
    expect(await painted(page, 'red')).toEqual(quotes(report, 'red').map(squash));
    expect(await painted(page, 'green')).toEqual([]);
    const tabId = await tabIdOf(page);
    const badge = await waitFor(
      () => control.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId),
      (text) => text !== '' && text !== '…',
    );
    const red = report.questions.flatMap((q) => q.flags).filter((f) => f.flag === 'red').length;
    expect(badge).toBe(String(red));
    await page.close();
  });

  it('opens the right popup on a click, announces it, and closes it with Escape', async () => {
    const page = await openPage(`${pages}/lexipol-with-nav.html`);
    const report = await analyzeTab(page);
    const point = await page.evaluate(passagePointInPage, 'Requests by federal immigration officials');
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const text = await waitFor(
      () => popupText(page),
      (t) => t !== null,
    );
    const q5 = report.questions
      .find((q) => q.id === 5)!
      .flags.find((f) => f.quote.startsWith('Requests by'))!;
    expect(text).toContain('Red flag');
    expect(text).toMatch(/question 5/i);
    expect(text).toContain(q5.rule);
    expect(text).toContain('Lexipol language');
    expect(
      await waitFor(
        () => announcement(page),
        (t) => t.includes('question 5'),
      ),
    ).toMatch(/^Red flag \d+ of \d+, question 5: /);
    await page.screenshot({ path: `${SHOTS}/lexipol-popup.png` });
    await page.keyboard.press('Escape');
    expect(
      await waitFor(
        () => popupText(page),
        (t) => t === null,
      ),
    ).toBeNull();
    await page.close();
  });

  it('steps through the flags from the keyboard, inside the popup too', async () => {
    const page = await openPage(`${pages}/strong-policy.html`);
    const report = await analyzeTab(page);
    const total = report.questions.flatMap((q) => q.flags).filter((f) => !f.absence).length;
    // What the "next flag" shortcut does: the background sends `step` to the tab.
    expect(await sendToTab(page, { type: 'policy-lens/step', direction: 'next' })).toEqual({
      index: 1,
      total,
    });
    expect(await popupText(page)).toContain(`1 of ${total}`);
    // Inside the popup: Tab to "Next" (after Close and Previous) and press Enter.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(
      await waitFor(
        () => popupText(page),
        (t) => t?.includes(`2 of ${total}`) ?? false,
      ),
    ).toContain(`2 of ${total}`);
    expect(await sendToTab(page, { type: 'policy-lens/step', direction: 'previous' })).toEqual({
      index: 1,
      total,
    });
    await page.keyboard.press('Escape');
    expect(
      await waitFor(
        () => popupText(page),
        (t) => t === null,
      ),
    ).toBeNull();
    await page.close();
  });

  it('shows the same verdicts in the sidebar, whose passage buttons flash the passage on the page', async () => {
    const page = await openPage(`${pages}/strong-policy.html`);
    const report = await analyzeTab(page);
    expect(verdicts(report)).toEqual(['green', 'green', 'green', 'green', 'silent', 'green', 'green']);
    expect(await painted(page, 'green')).toEqual(quotes(report, 'green').map(squash));
    const panel = await ff.openExtensionPage(`sidepanel.html?tabId=${await tabIdOf(page)}`);
    await panel.setViewport({ width: 420, height: 1100 });
    await panel.waitForSelector('[data-state="ready"]');
    const rows = await panel.$$eval('[data-question]', (els) =>
      els.map((el) => [Number(el.getAttribute('data-question')), el.getAttribute('data-verdict')]),
    );
    expect(rows).toEqual(
      report.questions.map((q) => [q.id, q.verdict]).sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    await panel.screenshot({ path: `${SHOTS}/strong-sidebar.png`, fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.click('[data-question="7"] button.pl-passage');
    const flashed = await waitFor(
      () => page.evaluate(highlightsInPage).then((t) => t['policy-lens-flash'] ?? []),
      (t) => t.length > 0,
    );
    expect(squash(flashed[0] ?? '')).toBe(quotes(report, 'green').find((q) => q.includes('287(g)')));
    await panel.close();
    await page.close();
  });
});

describe('Firefox ESR: PDF viewer', () => {
  const bytes = makePdf({
    pages: POLICY_PAGES,
    header: POLICY_HEADER,
    footer: POLICY_FOOTER,
    title: 'Policy 413',
  });
  let server: PdfServer;
  let pdfUrl: string;
  let expected: Report;
  let tab: Page;

  const passages = () => expected.questions.flatMap((q) => q.flags.filter((f) => !f.absence));
  const noSpace = (s: string) => s.replace(/\s+/g, '');
  const highlightOf = async (name: string) =>
    ((await tab.evaluate(highlightsInPage))[name] ?? []).map(noSpace).sort();
  const renderedPages = () =>
    tab.$$eval('.textLayer', (layers) =>
      layers.map((l) => Number(l.closest('[data-page-number]')?.getAttribute('data-page-number'))),
    );

  beforeAll(async () => {
    server = await servePdfs({ '/policies/policy-413.pdf': { body: bytes } });
    servers.push(server);
    pdfUrl = `${server.origin}/policies/policy-413.pdf`;
    expected = (await reportInNode(bytes, pdfUrl)).report;
    tab = await ff.browser.newPage();
    await tab.setViewport({ width: 1360, height: 900 });
    // page.goto to a moz-extension:// page may never report completion: start it, then poll.
    void tab.goto(`${ff.extensionOrigin}/viewer.html?file=${encodeURIComponent(pdfUrl)}`).catch(() => {});
    const phase = await waitFor(
      () =>
        tab
          .evaluate(() => document.querySelector('.pl-viewer')?.getAttribute('data-phase') ?? null)
          .catch(() => null),
      (p) => p === 'ready' || p === 'problem',
      30_000,
    );
    expect(phase).toBe('ready');
    await tab.waitForFunction(() => (CSS.highlights.get('policy-lens-red')?.size ?? 0) > 0);
  });

  it('shows the same verdicts as the engine in Node on the same file, and paints exactly the flagged words', async () => {
    const rows = await tab.$$eval('[data-question]', (els) =>
      els.map((el) => [Number(el.getAttribute('data-question')), el.getAttribute('data-verdict')]),
    );
    expect(rows).toEqual(expected.questions.map((q) => [q.id, q.verdict]));
    expect(passages().some((f) => f.flag === 'red')).toBe(true);
    expect(passages().some((f) => f.flag === 'green')).toBe(true);
    const rendered = await renderedPages();
    for (const colour of ['red', 'green'] as const) {
      const want = passages()
        .filter((f) => f.flag === colour && rendered.includes(f.page ?? 0))
        .map((f) => noSpace(f.quote))
        .sort();
      expect(await highlightOf(`policy-lens-${colour}`)).toEqual(want);
    }
  });

  it('opens the popup on a click on a highlight and with the n key, and closes it with Escape', async () => {
    const point = await tab.evaluate(() => {
      const range = [...(CSS.highlights.get('policy-lens-red')?.values() ?? [])][0] as Range | undefined;
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range?.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    });
    expect(point).not.toBeNull();
    await tab.mouse.click(point!.x, point!.y);
    await tab.waitForSelector('.pl-popup');
    expect(await tab.$eval('.pl-popup [data-flag]', (el) => el.getAttribute('data-flag'))).toBe('red');
    expect(await tab.$eval('.pl-popup', (el) => el.textContent)).toContain('Question');
    await tab.screenshot({ path: `${SHOTS}/pdf-viewer-popup.png` });
    await tab.keyboard.press('Escape');
    await tab.waitForSelector('.pl-popup', { hidden: true });

    // n: the first passage in reading order (each passage once per question).
    const seen = new Set<string>();
    const inOrder = [...passages()]
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
      .filter((f) => {
        const key = `${f.question}:${f.start}:${f.end}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    await tab.click('.pl-scroller', { offset: { x: 5, y: 5 } });
    await tab.keyboard.press('n');
    await tab.waitForSelector('.pl-popup');
    expect(await tab.$eval('.pl-popup [data-rule]', (el) => el.getAttribute('data-rule'))).toBe(
      inOrder[0]?.rule,
    );
    expect(await tab.$eval('.pl-card-position', (el) => el.textContent)).toBe(`1 of ${inOrder.length}`);
    await tab.keyboard.press('Escape');
    await tab.waitForSelector('.pl-popup', { hidden: true });
  });

  it("keeps each flag's underline off the next line's letters (green stays a double line)", async () => {
    // Pairs of (last line of a flagged passage, the unflagged line under it) on the policy's pages.
    const cases: { colour: 'red' | 'green'; flag: Flag; next: string }[] = [];
    for (const flag of passages()) {
      const lines = POLICY_PAGES[(flag.page ?? 1) - 1] ?? [];
      const last = lines.findIndex((line) =>
        flag.quote.trimEnd().endsWith(line.trim().split(' ').pop() ?? ''),
      );
      const next = lines[last + 1];
      if (last >= 0 && next && !passages().some((f) => f.quote.includes(next.slice(0, 20))))
        cases.push({ colour: flag.flag, flag, next });
    }
    expect(cases.map((c) => c.colour).sort()).toEqual(expect.arrayContaining(['green', 'red']));
    const isRedInk = ([r, g, b]: [number, number, number]) => r - g > 60 && r - b > 60;
    for (const { colour, flag, next } of cases) {
      // The flagged line and the line under it, as the text layer placed them over the canvas.
      const boxes = await tab.evaluate(
        (pageNumber, quoteEnd, nextStart) => {
          const spans = [
            ...document.querySelectorAll<HTMLElement>(`[data-page-number="${pageNumber}"] .textLayer span`),
          ].filter((s) => s.childElementCount === 0 && (s.textContent ?? '').trim() !== '');
          const above = spans.find((s) => (s.textContent ?? '').trim().endsWith(quoteEnd));
          const below = spans.find((s) => (s.textContent ?? '').startsWith(nextStart));
          if (!above || !below) return null;
          above.scrollIntoView({ block: 'center' });
          const a = above.getBoundingClientRect();
          const b = below.getBoundingClientRect();
          return {
            a: { top: a.top, left: a.left, right: a.right },
            b: { top: b.top, bottom: b.bottom, left: b.left, right: b.right },
          };
        },
        flag.page ?? 1,
        flag.quote.trimEnd().slice(-15),
        next.slice(0, 10),
      );
      expect(boxes, `${flag.rule}: the lines are on the rendered page`).not.toBeNull();
      const { a, b } = boxes!;
      const clip = {
        x: Math.ceil(Math.max(a.left, b.left)),
        y: Math.floor(a.top),
        width: Math.floor(Math.min(a.right, b.right) - Math.max(a.left, b.left)),
        height: Math.ceil(b.bottom - a.top),
      };
      const pixels = decodePng(await tab.screenshot({ clip }));
      const ink = rowsWith(pixels, colour === 'green' ? isGreenInk : isRedInk);
      const nextTop = Math.round(b.top - a.top);
      const glyphs = rowsWith(pixels, isDarkGlyph).filter((y) => y >= nextTop);
      expect(ink.length, `${flag.rule}: the ${colour} underline is drawn`).toBeGreaterThan(0);
      expect(glyphs.length, `${flag.rule}: the next line is drawn`).toBeGreaterThan(0);
      // Every row of underline ink lies above the first row of the next line's letters.
      expect(Math.max(...ink), `${flag.rule}: ink rows ${ink} vs letters from row ${glyphs[0]}`).toBeLessThan(
        Math.min(...glyphs),
      );
      if (colour === 'green') {
        // Still two lines (a gap between two runs of ink rows): the non-colour cue for green.
        const runs = ink.filter((y, i) => i === 0 || y !== (ink[i - 1] ?? 0) + 1).length;
        expect(runs, `${flag.rule}: ink rows ${ink}`).toBeGreaterThanOrEqual(2);
      }
    }
    await tab.screenshot({ path: `${SHOTS}/pdf-viewer-underlines.png` });
  });
});

describe('Firefox ESR: excerpts', () => {
  it('saves a flag from its popup and a selection, and lists both on the excerpts page, quotes on clean lines', async () => {
    await control.evaluate(() => browser.storage.local.clear());
    // The sample's source wraps and indents its sentences, and the text index keeps that whitespace.
    const page = await openPage(`${samples}/sample-policy.html`);
    const report = await analyzeTab(page);
    const wrapped = report.questions
      .flatMap((q) => q.flags)
      .find((f) => !f.absence && /\s{2,}/.test(f.quote) && f.quote.startsWith('Officers shall not ask'));
    expect(wrapped, 'a flagged passage keeps the source line wrap').toBeDefined();
    await sendToTab(page, {
      type: 'policy-lens/reveal',
      start: wrapped!.start,
      end: wrapped!.end,
      open: true,
    });
    await until(
      () => popupText(page),
      (t) => t !== null,
      'the popup',
    );
    await clickShadowButton(page, 'policy-lens-ui', 'Save excerpt');
    const first = await until(
      () => storedExcerpts(),
      (s) => Object.keys(s).length === 1,
      'one saved excerpt',
    );
    // Stored exactly as the page has it (anchoring needs the document's own text) …
    expect(Object.values(first)[0]).toMatchObject({ quote: wrapped!.quote, flag: wrapped!.flag });
    // … but shown with its whitespace collapsed, in the corner's notice as on the excerpts page.
    const notice = await until(
      () => shadowElementText(page, 'policy-lens-excerpts', '.pl-notice-quote'),
      (t) => t !== null,
      'the saved notice',
    );
    const flat = squash(wrapped!.quote);
    expect(notice).toBe(`“${flat.length > 90 ? `${flat.slice(0, 90).trimEnd()}…` : flat}”`);

    // A selection (what the context menu and the shortcut save).
    const selected = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('p')].find((p) =>
        (p.textContent ?? '').trim().startsWith('Requests by federal immigration officials'),
      );
      if (!paragraph) return null;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return document.getSelection()?.toString() ?? null;
    });
    expect(selected).toMatch(/^Requests by federal/);
    await sendToTab(page, { type: 'policy-lens/save-selection', tabId: 0 });
    const both = await until(
      () => storedExcerpts(),
      (s) => Object.keys(s).length === 2,
      'two saved excerpts',
    );

    const list = await ff.openExtensionPage('excerpts.html');
    await list.setViewport({ width: 1000, height: 900 });
    await list.waitForSelector('[data-excerpt-id]');
    const shown = await list.$$eval('[data-excerpt-id]', (cards) =>
      cards.map((card) => {
        const quote = card.querySelector<HTMLElement>('.pl-excerpt-quote');
        return {
          id: card.getAttribute('data-excerpt-id'),
          // innerText is the text as laid out: whitespace that the styles keep shows up in it.
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked.
          text: quote?.innerText ?? '',
        };
      }),
    );
    expect(shown.map((s) => s.id).sort()).toEqual(
      Object.values(both)
        .map((e) => e.id)
        .sort(),
    );
    for (const record of Object.values(both)) {
      expect(record.quote).toMatch(/\s{2,}/);
      expect(shown.find((s) => s.id === record.id)?.text).toBe(squash(record.quote));
    }
    await list.screenshot({ path: `${SHOTS}/excerpts-page.png`, fullPage: true });
    await list.close();
    await page.close();
  });
});
