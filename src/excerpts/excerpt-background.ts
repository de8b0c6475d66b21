import { browser } from 'wxt/browser';
import { injectContentScript } from '../page/analyse-tab';
import { EXCERPTS_PAGE, isExcerptMessage, type SaveSelectionMessage } from './excerpt-messages';
import { migrateStoredExcerpts } from './excerpt-store';

/**
 * The background's part of saved excerpts: the "Save excerpt" context menu on selected text and its
 * keyboard shortcut (both grant activeTab, so the content script may be injected), a "Saved
 * excerpts" entry on the toolbar button's menu, opening the excerpts page for other contexts, and
 * upgrading stored excerpts after an update.
 */

export const SAVE_MENU_ID = 'policy-lens-save-excerpt';
export const OPEN_MENU_ID = 'policy-lens-open-excerpts';
/** Keyboard command name (declared in the manifest's `commands`). */
export const SAVE_COMMAND = 'save-excerpt';

function isOurExtensionPage(url: string | undefined): boolean {
  return url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

/** Ask the tab (web page through its content script, or our PDF viewer) to save its selection. */
async function saveSelectionIn(tab: { id?: number; url?: string } | undefined): Promise<void> {
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

async function openExcerpts(id?: string): Promise<void> {
  const url = browser.runtime.getURL(EXCERPTS_PAGE) + (id ? `#${id}` : '');
  await browser.tabs.create({ url });
}

export function setupExcerpts(): void {
  browser.runtime.onInstalled.addListener(() => {
    // removeAll first: onInstalled also runs on update, and ids must be unique.
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: SAVE_MENU_ID, title: 'Save excerpt', contexts: ['selection'] });
      browser.contextMenus.create({ id: OPEN_MENU_ID, title: 'Saved excerpts', contexts: ['action'] });
    });
    void migrateStoredExcerpts().catch(() => {
      // Left as they are; the excerpts page lists and explains any record it cannot read.
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID) void saveSelectionIn(tab);
    if (info.menuItemId === OPEN_MENU_ID) void openExcerpts();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SAVE_COMMAND) void saveSelectionIn(tab);
  });

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isExcerptMessage(message, 'policy-lens/open-excerpts')) return openExcerpts(message.id);
    return undefined;
  });
}
