import { type Browser, browser } from 'wxt/browser';
import { answerHandoffs, handOffFromTab } from './pdf-handoff';
import { isViewerUrl, looksLikePdfUrl, ORIGINAL_MARK, VIEWER_PATH, viewerUrl } from './viewer-url';

/**
 * The background's part of the PDF surface: every way a PDF reaches our viewer.
 * - the toolbar button on a tab showing a PDF (`openTabInViewer`, also called by the web surface);
 * - "Analyse this PDF" on links to PDFs (context menu);
 * - the optional "open PDFs in ICE Policy Lens" setting, which sends PDF navigations to the viewer.
 */

export const ANALYSE_PDF_MENU_ID = 'policy-lens-analyse-pdf';
/** storage.local key of the "open PDFs in ICE Policy Lens" setting. */
export const OPEN_PDFS_SETTING = 'policyLens.openPdfsInViewer';
/** Host access the redirect setting needs (it must see which URLs tabs navigate to). */
export const REDIRECT_ORIGINS = ['<all_urls>'];

// Link targets the menu item appears on: files named .pdf, and the document-centre links many town
// websites use for their PDFs (CivicPlus "DocumentCenter/View/<id>").
const PDF_LINK_PATTERNS = [
  '*://*/*.pdf',
  '*://*/*.PDF',
  '*://*/*.pdf?*',
  '*://*/*.pdf#*',
  '*://*/*DocumentCenter/View/*',
  'file:///*.pdf',
];

function viewerBase(): string {
  return browser.runtime.getURL(VIEWER_PATH as '/viewer.html');
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

function createMenu(): void {
  browser.contextMenus.create(
    {
      id: ANALYSE_PDF_MENU_ID,
      title: 'Analyse this PDF with ICE Policy Lens',
      contexts: ['link'],
      targetUrlPatterns: PDF_LINK_PATTERNS,
    },
    // Created again on every install/update; a duplicate id is not an error worth reporting.
    () => void browser.runtime.lastError,
  );
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

/** Installs the PDF routes; called once from the background. */
export function setupPdfRouting(): void {
  browser.runtime.onInstalled.addListener(createMenu);
  answerHandoffs();
  // Lets the browser tests drive the toolbar route, which they cannot click (service workers are
  // closed to web pages, so this reaches no one else).
  (globalThis as { policyLensPdfRouting?: unknown }).policyLensPdfRouting = { openTabInViewer };
  // The web surface's own click handler opens the side panel and analyses the page; on a PDF tab
  // this one takes the tab to the viewer instead (the web handler's attempt there simply fails).
  browser.action.onClicked.addListener((tab) => void openTabInViewer(tab).catch(() => false));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const linkUrl = info.linkUrl;
    if (info.menuItemId !== ANALYSE_PDF_MENU_ID || !linkUrl) return;
    void (async () => {
      // A PDF on the page's own site is read through the page (the menu click grants access to it).
      const handoff = tab && sameOrigin(linkUrl, tab.url) ? await handOffFromTab(tab, linkUrl) : null;
      await openInViewer(linkUrl, tab ? { besideTab: tab, handoff } : { handoff });
    })();
  });
  setupRedirect();
}
