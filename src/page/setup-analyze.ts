import { browser } from 'wxt/browser';
import { isMessage } from '../messages';
import { analyseTab } from './analyse-tab';

/**
 * `{ type: 'policy-lens/analyze', tabId }` from an extension page (side panel, tests, demo) → that tab's
 * Report. A failure rejects, so the sender's promise rejects with the reason.
 */
export function setupAnalyzeContract(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage(message, 'policy-lens/analyze')) return undefined;
    // Only our own pages may drive analysis (an extension page opened in a tab has a sender.tab too, so
    // the page's URL is what tells it apart from a content script).
    if (!sender.url?.startsWith(browser.runtime.getURL('/')))
      return Promise.reject(new Error('policy-lens/analyze is for extension pages'));
    return analyseTab(message.tabId);
  });
}
