import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report';
import { parseExcerptsJson } from '../../src/excerpts/annotation-import';
import { makePdf } from '../helpers/pdf-writer';
import { selectText, storedExcerpts } from './excerpts-support';
import { type Harness, launchHarness, popupText } from './harness';
import { waitForPhase } from './pdf-harness';
import { flat, markupIn, pwned } from './security-support';
import { clickPassage, waitFor } from './web-helpers';

/**
 * Page text is never markup, and a whole session leaks nothing. One Chromium session with the built
 * extension: a policy page whose TEXT holds HTML, script and attribute-breaking strings is analysed,
 * its popup opened, shown in the side panel, two passages saved, the excerpts page opened, every
 * export downloaded (the HTML ones then opened as pages with no CSP to protect them), a backup with a
 * `javascript:` URL imported and its link clicked, and a PDF with the same strings read in the
 * viewer. Each payload would set `window.__pwned`; it must stay unset everywhere, no element built
 * from the payload may exist, and the payload must be visible as text.
 */

const IMG = `<img src=x onerror="window.__pwned='img'">`;
const SVG = `"><svg onload="window.__pwned='svg'">`;
const SCRIPT = `</textarea></style><script>window.__pwned='script'</script>`;
const PDF_PAYLOAD = `Officers may share information with ICE <img src=x onerror=window.__pwned=1> about any arrestee.`;

let h: Harness;
let dir: string;
let page: Page;
let report: Report;
let excerptsPage: Page;

async function expectInert(target: Page, mustShow: string[]): Promise<void> {
  const found = await markupIn(target);
  expect(found.handlers, `${target.url()}: inline handlers`).toEqual([]);
  expect(found.injected, `${target.url()}: elements built from page text`).toEqual([]);
  for (const text of mustShow) expect(flat(found.text), `${target.url()} shows the text`).toContain(text);
  expect(await pwned(target)).toBeNull();
}

async function download(from: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    from.waitForEvent('download'),
    from.getByRole('button', { name: button }).click(),
  ]);
  return readFile(await file.path(), 'utf8');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'policy-lens-hostile-'));
  await cp(path.resolve('tests/fixtures/hostile'), dir, { recursive: true });
  await writeFile(
    path.join(dir, 'markup-policy.pdf'),
    makePdf({ pages: [['Policy 9.4 Immigration', PDF_PAYLOAD, `Requests go to a supervisor ${SVG}.`]] }),
  );
  h = await launchHarness({ fixtures: dir });
  page = await h.openPage('markup-policy.html');
  report = await h.analyze(page);
});
afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('page text is never markup', () => {
  it('the report carries the strings exactly as text', () => {
    const quotes = report.questions.flatMap((q) => q.flags).map((f) => f.quote);
    expect(quotes.some((q) => flat(q).includes(IMG))).toBe(true);
    expect(quotes.some((q) => flat(q).includes(SVG))).toBe(true);
  });

  it('the highlighted page and its flag popup show them as text; the page’s own script still runs', async () => {
    await clickPassage(page, 'Officers may share information with ICE');
    const text = await waitFor(
      () => popupText(page),
      (t) => t !== null,
    );
    expect(text).toContain('<img src=x onerror=');
    await expectInert(page, [IMG, SVG, SCRIPT]);
    expect(
      await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks),
    ).toBeGreaterThan(0);
  });

  it('the side panel shows them as text', async () => {
    const tabId = await h.tabIdOf(page);
    const panel = await h.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await waitFor(
      async () => flat((await markupIn(panel)).text),
      (t) => t.includes('<img src=x'),
    );
    await expectInert(panel, ['<img src=x onerror=']);
    await panel.close();
  });

  it('saved excerpts and the excerpts page show them as text', async () => {
    await page.bringToFront();
    for (const selector of ['#img', '#quotes']) {
      await selectText(page, selector);
      await h.sendToTab(page, { type: 'policy-lens/save-selection', tabId: 0 });
    }
    const stored = Object.values(await storedExcerpts(h)) as { quote: string; title: string }[];
    expect(stored.map((s) => flat(s.quote)).some((q) => q.includes(IMG))).toBe(true);
    expect(stored[0]?.title).toContain('<img src=x');
    excerptsPage = await h.openExtensionPage('excerpts.html');
    await excerptsPage.getByRole('heading', { name: /Quillby \(2\)/ }).waitFor();
    await expectInert(excerptsPage, [IMG, "' onmouseover='window.__pwned=\"attr\"' x='"]);
  });

  it('every export holds the strings escaped for its format, and the HTML ones run nothing when opened', async () => {
    const json = await download(excerptsPage, 'Back up all excerpts (JSON)');
    expect(parseExcerptsJson(json).some((e) => flat(e.quote).includes(IMG))).toBe(true);

    const csv = await download(excerptsPage, 'Spreadsheet of the excerpts shown (CSV)');
    // RFC 4180 quoting: the quote characters of the payload are doubled inside a quoted cell.
    expect(csv).toContain(`onerror=""window.__pwned='img'""`);

    const md = await download(excerptsPage, 'Brief (Markdown)');
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).toContain('\\<img src=x');

    for (const name of ['Meeting summary', 'Letter to the editor (draft)']) {
      const text = await download(excerptsPage, name);
      expect(text.length).toBeGreaterThan(100);
    }

    for (const name of ['Printable brief (HTML)', 'Side by side (HTML)']) {
      const html = await download(excerptsPage, name);
      // Escaped: `onerror=` may appear, but only inside text, never after a raw `<img`.
      expect(html, name).not.toMatch(/<img|<svg|<script/i);
      // Opened as a page of its own: no extension CSP protects it, only its escaping.
      const opened = await h.context.newPage();
      await opened.setContent(html);
      await expectInert(opened, []);
      expect(flat((await markupIn(opened)).text)).toContain('<img src=x');
      await opened.close();
    }
  });

  it('an imported backup whose source URL is javascript: cannot run it from the excerpts page', async () => {
    const json = await download(excerptsPage, 'Back up all excerpts (JSON)');
    const data = JSON.parse(json) as { first: { items: { target: { source: string } }[] } };
    for (const item of data.first.items) item.target.source = "javascript:window.__pwned='href'";
    await excerptsPage.locator('input[type=file]').setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(data)),
    });
    const opened: Page[] = [];
    h.context.on('page', (p) => opened.push(p));
    await expect.poll(() => excerptsPage.locator('a[href="about:blank"]').count()).toBe(2);
    // The card's link does not carry the URL; clicking it opens a blank tab, nothing runs.
    expect(await excerptsPage.locator('a[href^="javascript:" i]').count()).toBe(0);
    await excerptsPage.locator('a[href="about:blank"]').first().click();
    await excerptsPage.waitForTimeout(500);
    expect(await pwned(excerptsPage)).toBeNull();
    for (const p of opened) expect(await pwned(p).catch(() => null)).toBeNull();
    // Whatever happens to the link, every saved excerpt is still there.
    expect(Object.keys(await storedExcerpts(h))).toHaveLength(2);
  });

  it('the PDF viewer shows the same strings from a PDF as text', async () => {
    const viewer = await h.openExtensionPage(
      `viewer.html?file=${encodeURIComponent(`${h.origin}/markup-policy.pdf`)}`,
    );
    expect(await waitForPhase(viewer, ['ready', 'problem'])).toBe('ready');
    await expectInert(viewer, ['<img src=x onerror=window.__pwned=1>']);
    await viewer.close();
  });

  it('and in all of that session the extension made no network request of its own', async () => {
    // The one request allowed is the PDF the user asked the viewer to read.
    const own = h.extensionRequests().filter((url) => url !== `${h.origin}/markup-policy.pdf`);
    expect(own).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null),
    ).toBeNull();
  });
});
