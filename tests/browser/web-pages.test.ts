import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report';
import { announcement, type Harness, highlightTexts, launchHarness, popupText } from './harness';
import { type ChromeAction, clickPassage, painted, quotes, squash, verdicts, waitFor } from './web-helpers';

declare const chrome: unknown;

// Real Chromium with the built extension, on synthetic pages served from 127.0.0.1.
// Screenshots go to test-results/web/ (git-ignored) for a person to look at.

const SHOTS = 'test-results/web';
let h: Harness;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  h = await launchHarness({ fixtures: 'tests/fixtures/pages' });
});
afterAll(async () => {
  await h?.close();
});

describe('web pages', () => {
  it('reads only the policy of a Lexipol-style page inside site navigation, and paints its flags', async () => {
    const page = await h.openPage('lexipol-with-nav.html');
    const report = await h.analyze(page);
    expect(verdicts(report)).toEqual(['red', 'red', 'red', 'red', 'red', 'red', 'red']);
    expect(report.lexipol.detected).toBe(true);
    // Navigation, sidebar and footer are not part of the text the engine read.
    const reportText = JSON.stringify(report);
    expect(reportText).not.toContain('Winter ice');
    expect(reportText).not.toContain('Town Hall');
    // Silence is red for question 7, with no passage.
    const q7 = report.questions.find((q) => q.id === 7)!;
    expect(q7.flags.every((f) => f.absence)).toBe(true);
    // What is painted is exactly the report's passages.
    expect(await painted(page, 'red')).toEqual(quotes(report, 'red').map(squash));
    expect(await painted(page, 'green')).toEqual([]);
    expect((await painted(page, 'lexipol')).length).toBe(report.lexipol.passages.length);
    // The content script's own answer is the same report.
    const again = await h.sendToTab<Report>(page, { type: 'policy-lens/report' });
    expect(again).toEqual(report);
    // The toolbar badge counts the red flags (passages and silences).
    const tabId = await h.tabIdOf(page);
    const badge = await waitFor(
      async () =>
        (await h.controlPage()).evaluate(
          (id) => (chrome as unknown as ChromeAction).action.getBadgeText({ tabId: id }),
          tabId,
        ),
      (text) => text !== '' && text !== '…',
    );
    const red = report.questions.flatMap((q) => q.flags).filter((f) => f.flag === 'red').length;
    expect(badge).toBe(String(red));
    await page.screenshot({ path: `${SHOTS}/lexipol-page.png` });
  });

  it('opens the right popup on a click, announces it, and closes it with Escape', async () => {
    const page = await h.openPage('lexipol-with-nav.html');
    const report = await h.analyze(page);
    await clickPassage(page, 'Requests by federal immigration officials');
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
    expect(text).toMatch(/ask for this instead/i);
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
  });

  it('steps through every flag from the keyboard', async () => {
    const page = await h.openPage('strong-policy.html');
    const report = await h.analyze(page);
    const total = report.questions.flatMap((q) => q.flags).filter((f) => !f.absence).length;
    // What the "next flag" shortcut does: the background sends `step` to the tab.
    expect(await h.sendToTab(page, { type: 'policy-lens/step', direction: 'next' })).toEqual({
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
    expect(await h.sendToTab(page, { type: 'policy-lens/step', direction: 'previous' })).toEqual({
      index: 1,
      total,
    });
    expect(await h.sendToTab(page, { type: 'policy-lens/step', direction: 'previous' })).toEqual({
      index: total,
      total,
    });
    await page.keyboard.press('Escape');
  });

  it('marks a strong policy green and shows the same verdicts in the side panel', async () => {
    const page = await h.openPage('strong-policy.html');
    const report = await h.analyze(page);
    expect(verdicts(report)).toEqual(['green', 'green', 'green', 'green', 'silent', 'green', 'green']);
    expect(await painted(page, 'green')).toEqual(quotes(report, 'green').map(squash));
    expect(await painted(page, 'red')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/strong-page.png` });

    const tabId = await h.tabIdOf(page);
    const panel = await h.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.setViewportSize({ width: 420, height: 1100 });
    await panel.waitForSelector('[data-state="ready"]');
    const rows = await panel.$$eval('[data-question]', (els) =>
      els.map((el) => [Number(el.getAttribute('data-question')), el.getAttribute('data-verdict')]),
    );
    expect(rows).toEqual(
      report.questions.map((q) => [q.id, q.verdict]).sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    await panel.screenshot({ path: `${SHOTS}/strong-sidepanel.png`, fullPage: true });

    // A passage button in the panel scrolls the page to it and flashes it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.click('[data-question="7"] button.pl-passage');
    const flashed = await waitFor(
      () => highlightTexts(page).then((t) => t['policy-lens-flash'] ?? []),
      (t) => t.length > 0,
    );
    expect(squash(flashed[0] ?? '')).toBe(quotes(report, 'green').find((q) => q.includes('287(g)')));
    await panel.close();
  });

  it('says so when a page is not a policy', async () => {
    const page = await h.openPage('not-a-policy.html');
    const report = await h.analyze(page);
    expect(report.questions.flatMap((q) => q.flags).filter((f) => !f.absence)).toEqual([]);
    expect(await painted(page, 'red')).toEqual([]);
    const panel = await h.openExtensionPage(`sidepanel.html?tabId=${await h.tabIdOf(page)}`);
    await panel.waitForSelector('[data-state="no-policy"]');
    await panel.close();
  });

  it('reads a policy laid out in a table, cell by cell', async () => {
    const page = await h.openPage('table-policy.html');
    const report = await h.analyze(page);
    const byId = new Map(report.questions.map((q) => [q.id, q]));
    expect(byId.get(1)?.verdict).toBe('red');
    expect(byId.get(2)?.verdict).toBe('red');
    expect(byId.get(7)?.verdict).toBe('green');
    // Passages are the rule cells, never merged with the section-number cell beside them.
    for (const quote of [...quotes(report, 'red'), ...quotes(report, 'green')])
      expect(quote).not.toMatch(/^9\.\d/);
    expect(await painted(page, 'red')).toEqual(quotes(report, 'red').map(squash));
    await page.screenshot({ path: `${SHOTS}/table-page.png` });
  });

  it('follows a page whose policy arrives late, and repaints only what changed', async () => {
    const page = await h.openPage('late-policy.html');
    await h.analyze(page);
    const report = await waitFor(
      () => h.sendToTab<Report>(page, { type: 'policy-lens/report' }),
      (r) => r.questions.some((q) => q.id === 7 && q.verdict === 'green'),
    );
    expect(report.questions.find((q) => q.id === 7)?.verdict).toBe('green');
    expect(await painted(page, 'green')).toEqual(quotes(report, 'green').map(squash));
    // Keep the Range objects painted now, change the page, and check they are still the ones painted.
    await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      (window as unknown as { before: Range[] }).before = [...(registry.get('policy-lens-green') ?? [])];
      (window as unknown as { addLatePassage: () => void }).addLatePassage();
    });
    const changed = await waitFor(
      () => h.sendToTab<Report>(page, { type: 'policy-lens/report' }),
      (r) =>
        r.questions.some(
          (q) => q.id === 1 && q.verdict !== 'silent' && q.verdict !== report.questions[0]?.verdict,
        ),
    );
    expect(quotes(changed, 'red').some((q) => q.includes('public encounter'))).toBe(true);
    expect(await painted(page, 'red')).toEqual(quotes(changed, 'red').map(squash));
    const kept = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const now = new Set(registry.get('policy-lens-green') ?? []);
      const before = (window as unknown as { before: Range[] }).before;
      return before.length > 0 && before.every((range) => now.has(range));
    });
    expect(kept).toBe(true);
  });

  it('made no network request of its own', () => {
    expect(h.extensionRequests()).toEqual([]);
  });
});
