/**
 * Functions that run INSIDE a page, handed to `page.evaluate` by both drivers (playwright-core for
 * Chromium, puppeteer-core for Firefox), so the two browsers are checked by the same code. They must not
 * use anything from their module: only their own arguments and the page's globals.
 */

/** The text of each `CSS.highlights` entry of the page, by name (read from the page's own world). */
export function highlightsInPage(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
  for (const [name, highlight] of registry) out[name] = [...highlight].map((range) => range.toString());
  return out;
}

/**
 * A point in the middle of the first line of the first painted range whose text (whitespace collapsed)
 * starts with `wanted`, or null.
 */
export function passagePointInPage(wanted: string): { x: number; y: number } | null {
  const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
  for (const [, highlight] of registry) {
    for (const range of highlight) {
      if (!range.toString().replace(/\s+/g, ' ').startsWith(wanted)) continue;
      const first = range.getClientRects()[0];
      if (first) return { x: first.left + Math.min(40, first.width / 2), y: first.top + first.height / 2 };
    }
  }
  return null;
}

/** Selects the whole text of the element `selector`; returns the selected text. */
export function selectTextInPage(selector: string): string {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = document.getSelection();
  if (!selection) throw new Error('no selection object');
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}
