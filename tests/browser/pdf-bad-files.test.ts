import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEncryptedPdf } from '../helpers/pdf-encryption';
import {
  makeCorruptPdf,
  makeImageOnlyPdf,
  makeNotAPdf,
  makePdf,
  makeZeroPagePdf,
  truncatePdf,
} from '../helpers/pdf-writer';
import { makeManualPdf } from '../helpers/policy-manual';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openViewer,
  type PdfServer,
  servePdfs,
  waitForPhase,
} from './pdf-harness';
import { POLICY_FOOTER, POLICY_HEADER, POLICY_PAGES, reportInNode } from './pdf-policy';

// Bad PDFs get a clear message, never a silent "no flags".

const policy = { pages: POLICY_PAGES, header: POLICY_HEADER, footer: POLICY_FOOTER };
const encrypted = makeEncryptedPdf({ ...policy, userPassword: 'lunn-2017' });
let browser: ExtensionBrowser;
let server: PdfServer;

beforeAll(async () => {
  server = await servePdfs({
    '/scanned.pdf': { body: makeImageOnlyPdf(3) },
    '/locked.pdf': { body: encrypted },
    '/corrupt.pdf': { body: makeCorruptPdf() },
    '/error-page.pdf': { body: makeNotAPdf(), type: 'text/html' },
    '/forbidden.pdf': { body: 'no', status: 403, type: 'text/plain' },
    '/truncated.pdf': { body: truncatePdf(makePdf(policy), 0.4) },
    '/empty.pdf': { body: makeZeroPagePdf() },
    '/manual-500.pdf': { body: makeManualPdf({ pages: 500 }) },
  });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function problemOf(tab: Page): Promise<{ kind: string | null; text: string }> {
  expect(await waitForPhase(tab, ['problem', 'ready'])).toBe('problem');
  const panel = tab.locator('[data-problem]');
  return { kind: await panel.getAttribute('data-problem'), text: (await panel.textContent()) ?? '' };
}

describe('bad PDFs in the viewer', () => {
  it('warns that a scanned PDF has no text layer and its verdicts cannot be trusted', async () => {
    const tab = await openViewer(browser, `${server.origin}/scanned.pdf`);
    await waitForPhase(tab, ['ready']);
    const banner = tab.locator('[data-banner="no-text-layer"]');
    expect(await banner.textContent()).toContain('cannot be trusted');
    await tab.screenshot({ path: 'test-results/pdf-scanned.png' });
    await tab.close();
  });

  it('asks for the password, says when it is wrong, and opens with the right one', async () => {
    const tab = await openViewer(browser, `${server.origin}/locked.pdf`);
    await waitForPhase(tab, ['password']);
    await tab.locator('input[type="password"]').fill('wrong guess');
    await tab.locator('button[type="submit"]').click();
    await tab.locator('.pl-form-error').waitFor();
    expect(await tab.locator('.pl-form-error').textContent()).toContain('not right');
    await tab.screenshot({ path: 'test-results/pdf-password.png' });
    await tab.locator('input[type="password"]').fill('lunn-2017');
    await tab.locator('button[type="submit"]').click();
    expect(await waitForPhase(tab, ['ready', 'problem'])).toBe('ready');
    const expected = await reportInNode(makePdf(policy), 'x');
    const verdicts = await tab.$$eval('[data-question]', (rows) =>
      rows.map((r) => r.getAttribute('data-verdict')),
    );
    expect(verdicts).toEqual(expected.report.questions.map((q) => q.verdict));
    await tab.close();
  });

  it('says the PDF is password-protected when the reader gives up', async () => {
    const tab = await openViewer(browser, `${server.origin}/locked.pdf`);
    await waitForPhase(tab, ['password']);
    await tab.getByRole('button', { name: 'Cancel' }).click();
    expect((await problemOf(tab)).kind).toBe('password-cancelled');
    await tab.close();
  });

  const cases: [string, string, string][] = [
    ['/corrupt.pdf', 'corrupt', 'damaged'],
    ['/error-page.pdf', 'not-pdf', 'not a PDF'],
    ['/missing.pdf', 'not-found', '404'],
    ['/forbidden.pdf', 'blocked', '403'],
    ['/empty.pdf', 'no-pages', 'no pages'],
  ];
  for (const [file, kind, words] of cases) {
    it(`explains ${file.slice(1)} (${kind})`, async () => {
      const tab = await openViewer(browser, `${server.origin}${file}`);
      const problem = await problemOf(tab);
      expect(problem.kind).toBe(kind);
      expect(problem.text).toContain(words);
      if (kind === 'not-found') await tab.screenshot({ path: 'test-results/pdf-not-found.png' });
      await tab.close();
    });
  }

  it('either reads a truncated PDF or says it is damaged, never an empty scorecard without a reason', async () => {
    const tab = await openViewer(browser, `${server.origin}/truncated.pdf`);
    const phase = await waitForPhase(tab, ['ready', 'problem']);
    if (phase === 'problem')
      expect(await tab.locator('[data-problem]').getAttribute('data-problem')).toBe('corrupt');
    else expect(await tab.locator('[data-question]').count()).toBe(7);
    await tab.close();
  });

  it('asks for permission before reading a PDF from a site it has no access to', async () => {
    // Test builds may read 127.0.0.1 only; "localhost" is another origin, as any town website would be.
    const tab = await openViewer(browser, `${server.origin.replace('127.0.0.1', 'localhost')}/scanned.pdf`);
    const problem = await problemOf(tab);
    expect(problem.kind).toBe('needs-permission');
    expect(await tab.getByRole('button', { name: 'Allow reading from this site' }).count()).toBe(1);
    await tab.close();
  });

  it('explains how to allow local files when a file:// PDF cannot be read', async () => {
    const tab = await openViewer(browser, 'file:///tmp/some-policy.pdf');
    const problem = await problemOf(tab);
    expect(problem.kind).toBe('file-access');
    expect(problem.text).toContain('Allow access to file URLs');
    await tab.close();
  });

  it('reads a 500-page manual with progress, can cancel, and can read again', async () => {
    const tab = await openViewer(browser, `${server.origin}/manual-500.pdf`);
    await waitForPhase(tab, ['reading']);
    await tab.locator('.pl-side progress').waitFor();
    await tab.screenshot({ path: 'test-results/pdf-reading-progress.png' });
    await tab.getByRole('button', { name: 'Cancel' }).click();
    expect(await waitForPhase(tab, ['cancelled', 'ready'])).toBe('cancelled');
    expect(await tab.locator('[data-state="failed"]').textContent()).toContain('cancelled');
    // Pages stay readable while the scorecard waits.
    expect(await tab.locator('.textLayer').count()).toBeGreaterThan(0);
    await tab.getByRole('button', { name: 'Try again' }).click();
    expect(await waitForPhase(tab, ['ready'], 60_000)).toBe('ready');
    // Memory stays bounded: only pages near the view keep a canvas.
    await tab.locator('.pl-page-input').fill('250');
    await tab.locator('.pl-page-input').press('Enter');
    await tab.waitForTimeout(500);
    await tab.locator('.pl-page-input').fill('480');
    await tab.locator('.pl-page-input').press('Enter');
    await tab.waitForFunction(() => document.querySelector('[data-page-number="480"] .textLayer'));
    expect(await tab.locator('canvas.pl-page-canvas').count()).toBeLessThan(12);
    await tab.close();
  }, 120_000);
});

describe('local files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'policy-lens-files-'));
    await writeFile(path.join(dir, 'policy-413.pdf'), makePdf(policy));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('opens a PDF chosen with the file picker', async () => {
    const tab = await openViewer(browser, null);
    await waitForPhase(tab, ['choose']);
    await tab.screenshot({ path: 'test-results/pdf-choose.png' });
    await tab.locator('input[type="file"]').setInputFiles(path.join(dir, 'policy-413.pdf'));
    expect(await waitForPhase(tab, ['ready', 'problem'])).toBe('ready');
    expect(await tab.locator('.pl-source-name').textContent()).toBe('policy-413.pdf');
    expect(await tab.locator('.pl-passage').count()).toBeGreaterThan(0);
    await tab.close();
  });

  it('opens a PDF dropped on the page', async () => {
    const tab = await openViewer(browser, null);
    await waitForPhase(tab, ['choose']);
    const bytes = Array.from(makePdf(policy));
    await tab.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'dropped.pdf', { type: 'application/pdf' }));
      window.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, bytes);
    expect(await waitForPhase(tab, ['ready', 'problem'])).toBe('ready');
    expect(await tab.locator('.pl-source-name').textContent()).toBe('dropped.pdf');
    await tab.close();
  });
});
