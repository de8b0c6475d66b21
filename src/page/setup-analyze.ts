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
    // Only our own pages may drive analysis; content scripts (sender.tab set) may not.
    if (sender.tab) return Promise.reject(new Error('policy-lens/analyze is for extension pages'));
    return analyseTab(message.tabId);
  });
}
