import { type Browser, browser } from 'wxt/browser';
import { openExcerpts, saveSelectionIn, upgradeStoredExcerpts } from '../excerpts/excerpt-background';
import { analyseFromToolbar, openSidePanel, stepToFlag } from '../page/setup-toolbar';
import { isPdfAddress, openPdfLink, openTabInViewer } from '../pdf/pdf-routing';
import {
  ANALYSE_PDF_MENU,
  COMMANDS,
  type CommandName,
  MENUS,
  type MenuContext,
  type MenuId,
  OPEN_EXCERPTS_MENU,
  SAVE_EXCERPT_MENU,
} from './menus';

/**
 * The one owner of the background's user events: install/update, toolbar clicks, context menus and
 * keyboard commands each have exactly one listener, here, which hands the event to the feature that
 * answers it. Features export plain functions and never add listeners for these events themselves.
 *
 * Why: Chrome keeps context menus across updates and rejects a second item with the same id, so each
 * install has to clear the old items and create them again. When the PDF feature and the excerpts
 * feature each did that on their own, the excerpts feature's `removeAll()` deleted the PDF feature's
 * "Analyse this PDF" item. With one list (src/background/menus.ts) created in one place, clearing and
 * re-creating gives exactly the menus of the list. Likewise, one toolbar listener decides between the
 * PDF viewer and the web-page analysis instead of two listeners both acting on the same click.
 */

type MenuClick = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'linkUrl'>;
type Tab = Browser.tabs.Tab;

const MENU_ACTIONS: Record<MenuId, (info: MenuClick, tab: Tab | undefined) => Promise<void>> = {
  [ANALYSE_PDF_MENU.id]: async (info, tab) => {
    if (info.linkUrl) await openPdfLink(info.linkUrl, tab);
  },
  [SAVE_EXCERPT_MENU.id]: (_info, tab) => saveSelectionIn(tab),
  [OPEN_EXCERPTS_MENU.id]: () => openExcerpts(),
};

const COMMAND_ACTIONS: Record<CommandName, (tab: Tab | undefined) => Promise<void>> = {
  [COMMANDS.nextFlag]: async (tab) => {
    if (tab?.id !== undefined) stepToFlag(tab.id, 'next');
  },
  [COMMANDS.previousFlag]: async (tab) => {
    if (tab?.id !== undefined) stepToFlag(tab.id, 'previous');
  },
  [COMMANDS.saveExcerpt]: (tab) => saveSelectionIn(tab),
};

function isMenuId(id: unknown): id is MenuId {
  return typeof id === 'string' && Object.hasOwn(MENU_ACTIONS, id);
}

function isCommandName(command: string): command is CommandName {
  return Object.hasOwn(COMMAND_ACTIONS, command);
}

/** Menu ids the browser accepted at the last install or update. */
const createdMenus = new Set<string>();

/**
 * Creates every menu of MENUS, once. The items of the previous version are removed first: onInstalled
 * also runs on update, the browser keeps menus across it, and a second item with the same id is an
 * error. Resolves to the ids the browser accepted.
 */
export async function createMenus(): Promise<string[]> {
  await browser.contextMenus.removeAll();
  createdMenus.clear();
  const results = await Promise.all(
    MENUS.map(
      (menu) =>
        new Promise<string | null>((resolve) => {
          const { id, title, contexts, targetUrlPatterns } = menu;
          browser.contextMenus.create(
            {
              id,
              title,
              contexts: [...contexts] as [MenuContext, ...MenuContext[]],
              ...(targetUrlPatterns ? { targetUrlPatterns: [...targetUrlPatterns] } : {}),
            },
            () => {
              const error = browser.runtime.lastError;
              if (error) console.warn(`menu ${id} was not created: ${error.message}`);
              resolve(error ? null : id);
            },
          );
        }),
    ),
  );
  for (const id of results) if (id) createdMenus.add(id);
  return [...createdMenus];
}

async function installed(): Promise<void> {
  await createMenus();
  await upgradeStoredExcerpts();
}

/**
 * The toolbar button (and Alt+Shift+P). A tab whose address says PDF goes to the viewer. Any other tab
 * gets the side panel at once (it must open inside the click's user gesture, before any await); then a
 * tab that turns out to show a PDF goes to the viewer, and a web page is analysed.
 */
export function toolbarClicked(tab: Tab): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined) return Promise.resolve();
  if (isPdfAddress(tab.url))
    return openTabInViewer(tab).then(
      () => undefined,
      () => undefined,
    );
  openSidePanel(tabId, tab.windowId);
  return openTabInViewer(tab)
    .catch(() => false)
    .then((toViewer) => {
      if (!toViewer) analyseFromToolbar(tabId);
    });
}

/** A click on one of our context menu items. */
export function menuClicked(info: MenuClick, tab: Tab | undefined): Promise<void> {
  return isMenuId(info.menuItemId) ? MENU_ACTIONS[info.menuItemId](info, tab) : Promise.resolve();
}

/** A keyboard command other than the toolbar button's own. */
export function commandIssued(command: string, tab: Tab | undefined): Promise<void> {
  return isCommandName(command) ? COMMAND_ACTIONS[command](tab) : Promise.resolve();
}

/** Installs the one listener of each event; called once from the background. */
export function setupBackgroundEvents(): void {
  browser.runtime.onInstalled.addListener(() => void installed());
  browser.action.onClicked.addListener((tab) => void toolbarClicked(tab));
  browser.contextMenus.onClicked.addListener((info, tab) => void menuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void commandIssued(command, tab));

  // Test builds only (see wxt.config.ts): lets the browser tests reach what they cannot click — the
  // toolbar button and the context menus — through these same functions. Release builds drop this
  // block entirely (tests/browser/security-manifest.test.ts checks the files).
  if (import.meta.env.POLICY_LENS_TEST_HOOKS) {
    (globalThis as { policyLensBackground?: unknown }).policyLensBackground = {
      menuClicked,
      toolbarClicked,
      createdMenus: () => [...createdMenus],
    };
    (globalThis as { policyLensPdfRouting?: unknown }).policyLensPdfRouting = { openTabInViewer };
  }
}
