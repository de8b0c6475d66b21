import type { Page } from 'playwright-core';
import type { Report, Verdict } from '../../src/engine/report';
import { highlightTexts } from './harness';
import { passagePointInPage } from './in-page';

// Helpers shared by the web-page browser tests: what the report says versus what the page shows.

export const verdicts = (report: Report): Verdict[] =>
  [...report.questions].sort((a, b) => a.id - b.id).map((q) => q.verdict);

/** Unique quotes of the report's passages of one colour. */
export function quotes(report: Report, colour: 'red' | 'green'): string[] {
  const all = report.questions.flatMap((q) => q.flags).filter((f) => !f.absence && f.flag === colour);
  return [...new Set(all.map((f) => f.quote))].sort();
}

export type ChromeAction = { action: { getBadgeText(details: { tabId: number }): Promise<string> } };

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export async function painted(page: Page, kind: 'red' | 'green' | 'lexipol'): Promise<string[]> {
  return paintedOf(await highlightTexts(page), kind);
}

/** The distinct painted texts of one kind (whitespace collapsed, sorted) from all of a page's highlights. */
export function paintedOf(highlights: Record<string, string[]>, kind: 'red' | 'green' | 'lexipol'): string[] {
  const texts = highlights[`policy-lens-${kind}`] ?? [];
  return [...new Set(texts.map(squash))].sort();
}

/** Clicks the middle of the first line of the first painted range whose text starts with `start`. */
export async function clickPassage(page: Page, start: string): Promise<void> {
  const point = await page.evaluate(passagePointInPage, start);
  if (!point) throw new Error(`no painted passage starts with: ${start}`);
  await page.mouse.click(point.x, point.y);
}

export async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
