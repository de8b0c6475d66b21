import { type Browser, browser } from 'wxt/browser';
import { answerHandoffs, handOffFromTab } from './pdf-handoff';
import { isViewerUrl, looksLikePdfUrl, ORIGINAL_MARK, VIEWER_PATH, viewerUrl } from './viewer-url';

/**
 * The background's part of the PDF surface: every way a PDF reaches our viewer.
 * - the toolbar button on a tab showing a PDF (`openTabInViewer`);
 * - "Analyse this PDF" on links to PDFs (`openPdfLink`);
 * - the optional "open PDFs in ICE Policy Lens" setting, which sends PDF navigations to the viewer.
 * The toolbar click and the menu item are received by src/background/background-events.ts, which owns
 * every menu, click and command, and calls the functions here.
 */

/** storage.local key of the "open PDFs in ICE Policy Lens" setting. */
export const OPEN_PDFS_SETTING = 'policyLens.openPdfsInViewer';
/** Host access the redirect setting needs (it must see which URLs tabs navigate to). */
export const REDIRECT_ORIGINS = ['<all_urls>'];

function viewerBase(): string {
  return browser.runtime.getURL(VIEWER_PATH as '/viewer.html');
}

/** Whether a tab's address alone says it shows a PDF (our own viewer does not count). */
export function isPdfAddress(url: string | undefined): boolean {
  return !!url && !isViewerUrl(url, viewerBase()) && looksLikePdfUrl(url);
}

/** Whether a tab shows a PDF: by its URL, or by asking the tab's document for its content type. */
export async function isPdfTab(tab: Browser.tabs.Tab): Promise<boolean> {
  const url = tab.url ?? '';
  if (!url || isViewerUrl(url, viewerBase())) return false;
  if (looksLikePdfUrl(url)) return true;
  if (tab.id === undefined || !/^(https?|file):/.test(url)) return false;
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => document.contentType,
    });
    return result?.result === 'application/pdf';
  } catch {
    // No access to the tab (no activeTab grant): not something we can tell.
    return false;
  }
}

/** Opens a PDF in our viewer: in place of the current tab, or in a new tab next to it. */
export async function openInViewer(
  pdfUrl: string,
  where: { replaceTabId?: number; besideTab?: Browser.tabs.Tab; handoff?: string | null } = {},
): Promise<void> {
  const url = viewerUrl(viewerBase(), pdfUrl, undefined, where.handoff ?? null);
  if (where.replaceTabId !== undefined) {
    await browser.tabs.update(where.replaceTabId, { url });
    return;
  }
  const beside = where.besideTab;
  await browser.tabs.create({
    url,
    ...(beside?.index === undefined ? {} : { index: beside.index + 1 }),
    ...(beside?.id === undefined ? {} : { openerTabId: beside.id }),
  });
}

/**
 * The toolbar button on a tab: if the tab shows a PDF, open it in the viewer (in place) and return
 * true; otherwise return false and let the web-page surface analyse the tab.
 */
export async function openTabInViewer(tab: Browser.tabs.Tab): Promise<boolean> {
  if (tab.id === undefined || !tab.url || !(await isPdfTab(tab))) return false;
  // The tab can read its own PDF; the viewer may not be allowed to download it from the site.
  const handoff = await handOffFromTab(tab);
  await openInViewer(tab.url, { replaceTabId: tab.id, handoff });
  return true;
}

function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Whether a navigation should be sent to the viewer under the redirect setting. */
export function shouldRedirect(url: string, alreadyRedirected: ReadonlySet<string>, base: string): boolean {
  if (!looksLikePdfUrl(url) || isViewerUrl(url, base)) return false;
  if (url.includes(ORIGINAL_MARK)) return false;
  // The same tab returning to a PDF we redirected (Back, reload) wants the original: let it through.
  return !alreadyRedirected.has(url.split('#')[0] ?? url);
}

function setupRedirect(): void {
  const redirected = new Map<number, Set<string>>();
  browser.tabs.onUpdated.addListener((tabId, change) => {
    const url = change.url;
    if (!url) return;
    void (async () => {
      const stored = await browser.storage.local.get(OPEN_PDFS_SETTING);
      if (stored[OPEN_PDFS_SETTING] !== true) return;
      const seen = redirected.get(tabId) ?? new Set<string>();
      if (!shouldRedirect(url, seen, viewerBase())) return;
      seen.add(url.split('#')[0] ?? url);
      redirected.set(tabId, seen);
      await openInViewer(url, { replaceTabId: tabId });
    })();
  });
  browser.tabs.onRemoved.addListener((tabId) => redirected.delete(tabId));
}

/**
 * "Analyse this PDF with ICE Policy Lens" on a link: opens the linked PDF in the viewer in a new tab
 * beside the page. A PDF on the page's own site is read through the page (the menu click grants
 * access to it); any other the viewer downloads itself.
 */
export async function openPdfLink(linkUrl: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const handoff = tab && sameOrigin(linkUrl, tab.url) ? await handOffFromTab(tab, linkUrl) : null;
  await openInViewer(linkUrl, tab ? { besideTab: tab, handoff } : { handoff });
}

/** Installs the PDF routes that are not clicks: handed-off bytes and the redirect setting. */
export function setupPdfRouting(): void {
  answerHandoffs();
  setupRedirect();
}
