/**
 * Puts component CSS into a shadow root or an extension page.
 *
 * Constructable stylesheets are used first because a page's Content-Security-Policy cannot block them
 * (it can block `<style>` elements). Firefox content scripts see the page's objects through Xray
 * wrappers and may refuse `adoptedStyleSheets`, so a `<style>` element is the fallback there.
 */
export function adoptStyles(root: ShadowRoot | Document, cssTexts: readonly string[]): void {
  const css = cssTexts.join('\n');
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  } catch {
    // Fall through to a <style> element.
  }
  const doc = root instanceof Document ? root : root.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = css;
  (root instanceof Document ? root.head : root).append(style);
}
