import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExcerptsJson } from '../../src/excerpts/annotation-import';
import { selectText, storedExcerpts, writableFixtures } from './excerpts-support';
import { type Harness, launchHarness } from './harness';

/**
 * The excerpts page in Chromium: the saved excerpts listed, exported as files with the right
 * content (downloaded from a Blob URL, nothing fetched), and a broken import refused without any
 * change to what is stored.
 */

let h: Harness;
let pages: Awaited<ReturnType<typeof writableFixtures>>;
let excerptsPage: Page;

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return readFile(path, 'utf8');
}

describe('excerpts page', () => {
  beforeAll(async () => {
    pages = await writableFixtures();
    h = await launchHarness({ fixtures: pages.dir });
    // Two excerpts saved from a real page.
    const page = await h.openPage('weak-policy.html');
    await h.analyze(page);
    for (const selector of ['#lunn', '#assist']) {
      await selectText(page, selector);
      await h.sendToTab(page, { type: 'policy-lens/save-selection', tabId: 0 });
    }
    await page.close();
    excerptsPage = await h.openExtensionPage('excerpts.html');
    await excerptsPage.getByRole('heading', { name: 'Maplewick (2)' }).waitFor();
  });
  afterAll(async () => {
    await h?.close();
    await pages?.remove();
  });

  it('lists the saved excerpts under their town and question', async () => {
    const text = await excerptsPage.locator('main').textContent();
    expect(text).toContain('An officer who has a reasonable suspicion');
    expect(text).toMatch(/\d\. ICE raids|Not sorted under a question yet/);
  });

  it('exports a JSON backup that holds exactly what is stored', async () => {
    const json = await download(excerptsPage, 'Back up all excerpts (JSON)');
    const exported = parseExcerptsJson(json);
    const stored = Object.values(await storedExcerpts(h)) as { id: string; quote: string }[];
    expect(exported.map((e) => e.id).sort()).toEqual(stored.map((e) => e.id).sort());
    expect(exported.map((e) => e.quote).sort()).toEqual(stored.map((e) => e.quote).sort());
    expect(JSON.parse(json).type).toBe('AnnotationCollection');
  });

  it('exports a CSV, a Markdown brief and a printable brief for the town', async () => {
    const csv = await download(excerptsPage, 'Spreadsheet of the excerpts shown (CSV)');
    expect(csv.split('\r\n')[0]).toMatch(/^Town,Question,Flag,Quote,/);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    const md = await download(excerptsPage, 'Brief (Markdown)');
    expect(md).toMatch(/^# Maplewick: police policy and cooperation with ICE/);
    expect(md).toContain('| 7 | 287(g) agreements |');
    const html = await download(excerptsPage, 'Printable brief (HTML)');
    expect(html).toContain('<h1>Maplewick: police policy and cooperation with ICE</h1>');
    expect(h.extensionRequests()).toEqual([]);
  });

  it('refuses a broken import with a clear message and changes nothing', async () => {
    const before = await storedExcerpts(h);
    const valid = await download(excerptsPage, 'Back up all excerpts (JSON)');
    const broken = valid.replace(/"flag": "\w+"/, '"flag": "purple"');
    await excerptsPage.locator('input[type=file]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(broken),
    });
    await expect
      .poll(() => excerptsPage.getByRole('alert').textContent())
      .toMatch(/Excerpt 1: "flag" should be "red", "green" or "note"\. Nothing was imported\./);
    expect(await storedExcerpts(h)).toEqual(before);
    await excerptsPage.locator('input[type=file]').setInputFiles({
      name: 'foreign.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ rows: [1, 2, 3] })),
    });
    await expect
      .poll(() => excerptsPage.getByRole('alert').textContent())
      .toMatch(/not exported by ICE Policy Lens/);
    expect(await storedExcerpts(h)).toEqual(before);
  });
});
