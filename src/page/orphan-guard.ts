import { browser } from 'wxt/browser';

/**
 * When the extension is reloaded or updated, the copy of the content script already in a tab is cut off
 * from it ("extension context invalidated") but its highlights, popup and click handlers stay in the
 * page. A newly injected copy announces itself with a DOM event (DOM events cross the scripts' worlds);
 * a cut-off copy hearing it removes everything it added, so the page is never painted twice.
 */
const EVENT = 'policy-lens:new-copy';

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** Called by a new copy before it starts. */
export function announceNewCopy(doc: Document): void {
  doc.dispatchEvent(new CustomEvent(EVENT));
}

/** Called by a running copy: `retire` runs once, if and when this copy has been cut off. */
export function retireWhenOrphaned(doc: Document, retire: () => void): void {
  const onNewCopy = () => {
    if (extensionAlive()) return;
    doc.removeEventListener(EVENT, onNewCopy);
    retire();
  };
  doc.addEventListener(EVENT, onNewCopy);
}
