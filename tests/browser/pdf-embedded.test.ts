import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePdf } from '../helpers/pdf-writer';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PdfServer,
  servePdfs,
  tabIdOf,
  waitForPhase,
} from './pdf-harness';
import { POLICY_FOOTER, POLICY_HEADER, POLICY_PAGES, reportInNode } from './pdf-policy';

// A town page that embeds its policy PDF and links to others: the side panel lists them with
// "Analyse", and Analyse opens the PDF in the viewer with the same verdicts as the engine in Node.

const policyPdf = makePdf({ pages: POLICY_PAGES, header: POLICY_HEADER, footer: POLICY_FOOTER });
const townPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Westbrook Police — Policies</title></head>
<body>
  <nav><a href="/">Home</a> <a href="/agendas/select-board-2026-01.pdf">Select Board agenda</a></nav>
  <main>
    <h1>Police Department Policies</h1>
    <p>The Department's policies are public. Policy 413 covers contacts with federal immigration authorities.</p>
    <iframe src="/docs/policy-413.pdf" title="Policy 413: Immigration" width="600" height="400"></iframe>
    <p><a href="/docs/policy-413.pdf">Download Policy 413 (PDF)</a></p>
    <p><a href="/docs/general-order-12-use-of-force.pdf">General Order 12: Use of Force</a></p>
  </main>
</body></html>`;

let browser: ExtensionBrowser;
let server: PdfServer;
beforeAll(async () => {
  server = await servePdfs({
    '/policies.html': { body: townPage, type: 'text/html; charset=utf-8' },
    '/docs/policy-413.pdf': { body: policyPdf },
    '/docs/general-order-12-use-of-force.pdf': { body: makePdf({ pages: [['Use of force.']] }) },
    '/agendas/select-board-2026-01.pdf': { body: makePdf({ pages: [['Agenda.']] }) },
  });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('lists the PDFs of an analysed town page in the side panel and opens one in the viewer', async () => {
  const town = await browser.context.newPage();
  await town.goto(`${server.origin}/policies.html`);
  const tabId = await tabIdOf(browser, town);
  expect(tabId).toBeGreaterThan(0);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
  const list = panel.locator('.pl-pdf-list');
  await list.waitFor();
  const urls = await list
    .locator('[data-pdf-url]')
    .evaluateAll((items) => items.map((item) => new URL(item.getAttribute('data-pdf-url') ?? '').pathname));
  // The embedded policy first (listed once although also linked), then the other links.
  expect(urls[0]).toBe('/docs/policy-413.pdf');
  expect(urls).toHaveLength(3);
  expect(new Set(urls)).toEqual(
    new Set([
      '/docs/policy-413.pdf',
      '/docs/general-order-12-use-of-force.pdf',
      '/agendas/select-board-2026-01.pdf',
    ]),
  );
  await panel.screenshot({ path: 'test-results/pdf-sidepanel-list.png', fullPage: true });

  const opened = browser.context.waitForEvent('page');
  await list.locator('[data-pdf-url]').first().getByRole('button').click();
  const viewer = await opened;
  await viewer.waitForLoadState();
  expect(viewer.url()).toContain('/viewer.html?file=');
  expect(await waitForPhase(viewer, ['ready', 'problem'])).toBe('ready');
  const pdfUrl = `${server.origin}/docs/policy-413.pdf`;
  const expected = await reportInNode(policyPdf, pdfUrl);
  const verdicts = await viewer.$$eval('[data-question]', (rows) =>
    rows.map((r) => r.getAttribute('data-verdict')),
  );
  expect(verdicts).toEqual(expected.report.questions.map((q) => q.verdict));
});
