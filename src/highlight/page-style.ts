import { pageHighlightCss } from '../ui/flag-style';

/**
 * Adds the highlight styles to a page. A constructable stylesheet is adopted by the document because a
 * strict Content-Security-Policy (`style-src 'self'`) blocks `<style>` elements but not adopted sheets.
 */

/** Whether the page is light text on a dark background, from the first opaque background found. */
export function pageScheme(doc: Document): 'light' | 'dark' {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(
      view.getComputedStyle(element).backgroundColor,
    );
    if (!match || Number(match[4] ?? 1) < 0.5) continue;
    const [r, g, b] = [match[1], match[2], match[3]].map((c) => Number(c) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4 ? 'dark' : 'light';
  }
  return 'light';
}

const installed = new WeakMap<Document, CSSStyleSheet | HTMLStyleElement>();

/** Installs (or refreshes, e.g. after the page replaced `adoptedStyleSheets`) the highlight styles. */
export function installHighlightStyles(doc: Document): void {
  const css = pageHighlightCss(pageScheme(doc));
  const existing = installed.get(doc);
  try {
    const sheet =
      existing instanceof CSSStyleSheet ? existing : new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(css);
    if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    installed.set(doc, sheet);
    return;
  } catch {
    // Firefox content scripts may not touch the page's adoptedStyleSheets (Xray wrappers): use <style>.
  }
  const style = existing instanceof HTMLStyleElement ? existing : doc.createElement('style');
  style.textContent = css;
  if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
  installed.set(doc, style);
}
