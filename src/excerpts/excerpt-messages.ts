import { browser } from 'wxt/browser';

/**
 * Messages of the excerpts feature (kept beside it so src/messages.ts, owned by the web surface,
 * stays as it is):
 *   background (context menu, shortcut) ──save-selection──▶ content script or PDF viewer of a tab:
 *     save what the user selected; reply with the excerpt's id, or reject with why not.
 *   content script / viewer ──open-excerpts{id?}──▶ background: open the excerpts page (a content
 *     script cannot open extension pages itself).
 */

export interface SaveSelectionMessage {
  type: 'policy-lens/save-selection';
  /** The tab meant; extension pages (the PDF viewer) hear every runtime message and check it. */
  tabId: number;
}

export interface OpenExcerptsMessage {
  type: 'policy-lens/open-excerpts';
  /** Excerpt to bring into view. */
  id?: string;
}

export type ExcerptMessage = SaveSelectionMessage | OpenExcerptsMessage;

/** Reply to save-selection. */
export interface SavedSelection {
  id: string;
}

export function isExcerptMessage<T extends ExcerptMessage['type']>(
  value: unknown,
  type: T,
): value is Extract<ExcerptMessage, { type: T }> {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}

export function openExcerptsPage(id?: string): Promise<unknown> {
  const message: OpenExcerptsMessage = { type: 'policy-lens/open-excerpts', ...(id ? { id } : {}) };
  return browser.runtime.sendMessage(message);
}

export const EXCERPTS_PAGE = '/excerpts.html';
