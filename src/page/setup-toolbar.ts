import { browser } from 'wxt/browser';
import { isMessage, reportOf } from '../messages';
import { hasPolicyText, redFlagCount } from '../ui/report-view';
import { analyseTab, askTab } from './analyse-tab';

/**
 * The web-page surface of the toolbar button (and its `_execute_action` shortcut): analyse the tab and
 * open the side panel. The next/previous-flag shortcuts. The badge: number of red flags on a policy
 * page. Clicks and shortcuts arrive through src/background/background-events.ts, which owns them.
 */

/** Analyses a web page from a toolbar click; a failure shows as "!" on the badge, with why in its title. */
export function analyseFromToolbar(tabId: number): void {
  analyseTab(tabId).catch((error: unknown) => {
    void browser.action.setBadgeText({ tabId, text: '!' });
    void browser.action.setTitle({
      tabId,
      title: `ICE Policy Lens: ${error instanceof Error ? error.message : String(error)}`,
    });
  });
}

/** The next/previous-flag shortcuts: the tab's content script opens the next or previous flag. */
export function stepToFlag(tabId: number, direction: 'next' | 'previous'): void {
  void askTab(tabId, { type: 'policy-lens/step', direction }).catch(() => undefined);
}

/** Keeps the badge in step with each tab's analysis. */
export function setupToolbar(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    if (!isMessage(message, 'policy-lens/report-changed') || tabId === undefined || sender.frameId !== 0)
      return;
    void browser.action.setBadgeBackgroundColor({ tabId, color: '#c5221f' });
    if (message.status === 'loading') void browser.action.setBadgeText({ tabId, text: '…' });
    else if (message.status === 'failed') void browser.action.setBadgeText({ tabId, text: '!' });
    else {
      const report = reportOf(message);
      const red = hasPolicyText(report) ? redFlagCount(report) : 0;
      void browser.action.setBadgeText({ tabId, text: red > 0 ? String(red) : '' });
      void browser.action.setTitle({
        tabId,
        title: `ICE Policy Lens: ${red} red ${red === 1 ? 'flag' : 'flags'} on this page`,
      });
    }
  });
}

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/** Must be called inside the click's user gesture, before any await. */
export function openSidePanel(tabId: number, windowId: number | undefined): void {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  if (chromeApi?.sidePanel) {
    chromeApi.sidePanel.open({ tabId, windowId }).catch(() => undefined);
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  sidebar?.open().catch(() => undefined);
}
