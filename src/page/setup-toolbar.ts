import { browser } from 'wxt/browser';
import { isMessage, reportOf } from '../messages';
import { hasPolicyText, redFlagCount } from '../ui/report-view';
import { analyseTab, askTab } from './analyse-tab';

/**
 * The toolbar button (and its `_execute_action` shortcut): analyse the tab and open the side panel.
 * The next/previous-flag shortcuts. The badge: number of red flags on a policy page.
 */
export function setupToolbar(): void {
  browser.action.onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    // Opening a side panel must happen inside the click's user gesture: before any await.
    openSidePanel(tab.id, tab.windowId);
    analyseTab(tab.id).catch((error: unknown) => {
      void browser.action.setBadgeText({ tabId: tab.id, text: '!' });
      void browser.action.setTitle({
        tabId: tab.id,
        title: `ICE Policy Lens: ${error instanceof Error ? error.message : String(error)}`,
      });
    });
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    if (command !== 'next-flag' && command !== 'previous-flag') return;
    void askTab(tab.id, {
      type: 'policy-lens/step',
      direction: command === 'next-flag' ? 'next' : 'previous',
    }).catch(() => undefined);
  });

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

function openSidePanel(tabId: number, windowId: number | undefined): void {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  if (chromeApi?.sidePanel) {
    chromeApi.sidePanel.open({ tabId, windowId }).catch(() => undefined);
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  sidebar?.open().catch(() => undefined);
}
