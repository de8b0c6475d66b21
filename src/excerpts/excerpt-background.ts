import { browser } from 'wxt/browser';
import { injectContentScript } from '../page/analyse-tab';
import { EXCERPTS_PAGE, isExcerptMessage, type SaveSelectionMessage } from './excerpt-messages';
import { migrateStoredExcerpts } from './excerpt-store';

/**
 * The background's part of saved excerpts: saving the selection (for the "Save excerpt" context menu on
 * selected text and its keyboard shortcut, which both grant activeTab, so the content script may be
 * injected), opening the excerpts page (for the "Saved excerpts" entry on the toolbar button's menu and
 * for other contexts), and upgrading stored excerpts after an update. The menus, their clicks, the
 * shortcut and the install event belong to src/background/background-events.ts, which calls these.
 */

function isOurExtensionPage(url: string | undefined): boolean {
  return url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

/** Ask the tab (web page through its content script, or our PDF viewer) to save its selection. */
export async function saveSelectionIn(tab: { id?: number; url?: string } | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  const message: SaveSelectionMessage = { type: 'policy-lens/save-selection', tabId: tab.id };
  try {
    if (isOurExtensionPage(tab.url)) {
      // Extension pages (the PDF viewer) hear runtime messages; they check the tabId.
      await browser.runtime.sendMessage(message);
    } else {
      await injectContentScript(tab.id);
      await browser.tabs.sendMessage(tab.id, message, { frameId: 0 });
    }
  } catch (error) {
    // The page shows why in its own corner; the badge title says it too for pages we cannot reach.
    void browser.action.setTitle({
      tabId: tab.id,
      title: `ICE Policy Lens: the excerpt was not saved (${error instanceof Error ? error.message : String(error)})`,
    });
  }
}

export async function openExcerpts(id?: string): Promise<void> {
  const url = browser.runtime.getURL(EXCERPTS_PAGE) + (id ? `#${id}` : '');
  await browser.tabs.create({ url });
}

/** On install and update: stored excerpts move to the current schema. */
export async function upgradeStoredExcerpts(): Promise<void> {
  await migrateStoredExcerpts().catch(() => {
    // Left as they are; the excerpts page lists and explains any record it cannot read.
  });
}

/** Opens the excerpts page when a content script or extension page asks for it. */
export function setupExcerpts(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isExcerptMessage(message, 'policy-lens/open-excerpts')) return openExcerpts(message.id);
    return undefined;
  });
}
