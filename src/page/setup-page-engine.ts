import { browser } from 'wxt/browser';
import { analyze } from '../engine/analyze';
import { isMessage } from '../messages';

/**
 * The engine for web pages, in the background: `{ type: 'policy-lens/analyze-text', document }` from a
 * content script → the Report. Running it here keeps the page's main thread free while a long manual is
 * analysed (hundreds of milliseconds on 1 MB) and keeps the engine and rule book out of the content
 * script. The content script still reads and paints the page itself.
 */
export function setupPageEngine(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isMessage(message, 'policy-lens/analyze-text')) return undefined;
    // A promise, so a failure reaches the content script as a rejection with its reason.
    return Promise.resolve().then(() => analyze(message.document));
  });
}
