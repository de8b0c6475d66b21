import { browser } from 'wxt/browser';
import type { Report } from '../engine/report';
import { type MessageOf, type MessageReplies, sendToTab } from '../messages';

/** Where WXT puts the content script (entrypoints/content.ts) in the build. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/** Puts the content script into a tab (a no-op for the script when it is already there). */
export async function injectContentScript(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  } catch (error) {
    throw new Error(explainInjectionError(error));
  }
}

/** Sends a message to the tab's content script, injecting it first. */
export async function askTab<
  T extends 'policy-lens/report' | 'policy-lens/report-json' | 'policy-lens/reveal' | 'policy-lens/step',
>(tabId: number, message: MessageOf<T>): Promise<MessageReplies[T]> {
  await injectContentScript(tabId);
  return sendToTab(tabId, message);
}

/** The contract behind `policy-lens/analyze`: that tab's report, analysing it if needed. */
export async function analyseTab(tabId: number): Promise<Report> {
  // Asked for as JSON text: the page's thread then sends one string, not 5,000 flags value by value.
  return JSON.parse(await askTab(tabId, { type: 'policy-lens/report-json' })) as Report;
}

/** Start of the message when the extension may not read a tab yet (the side panel shows it as a hint). */
export const NEEDS_TOOLBAR_CLICK = 'ICE Policy Lens may only read a page after you click its toolbar button';

/** Browser error texts are for developers; say what the reader can do. */
function explainInjectionError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (
    /cannot be scripted|chrome:\/\/|about:|extensions gallery|webstore|moz-extension|chrome-extension/i.test(
      text,
    )
  )
    return 'This is a browser page: there is no policy to analyse here.';
  if (/No tab with id/i.test(text)) return 'The tab was closed before it could be analysed.';
  if (/permission|Cannot access/i.test(text)) return `${NEEDS_TOOLBAR_CLICK} on that page.`;
  return text;
}
