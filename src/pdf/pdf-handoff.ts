import { type Browser, browser } from 'wxt/browser';

/**
 * Handing a PDF's bytes from the tab that shows it to our viewer. A click on the toolbar button gives
 * the extension access to that one tab (activeTab), not to the PDF's website: the viewer could not
 * download the file itself without asking for host access. The tab can, since the PDF is its own
 * document: a script in the tab reads it (same origin), the background keeps the bytes for a minute
 * under a one-time token, and the viewer collects them with that token.
 */

export const HANDOFF_MESSAGE = 'policy-lens/pdf-handoff';

export interface HandoffRequest {
  type: typeof HANDOFF_MESSAGE;
  token: string;
}

/** Base64 of the PDF's bytes, or null when the token is unknown or expired. */
export type HandoffReply = string | null;

/** Larger files are left to the viewer's own download (messages have a size limit). */
const MAX_BYTES = 48 * 1024 * 1024;
const KEEP_MS = 60_000;

const waiting = new Map<string, { data: string; timer: ReturnType<typeof setTimeout> }>();

/**
 * Runs in a tab: the bytes of a same-origin PDF (the tab's own document when `url` is null) as
 * base64, or null. Self-contained, because it is injected.
 */
async function readPdfInTab(url: string | null, maxBytes: number): Promise<string | null> {
  try {
    const target = url ?? location.href;
    if (new URL(target, location.href).origin !== location.origin) return null;
    const response = await fetch(target, { credentials: 'include' });
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > maxBytes) return null;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  } catch {
    return null;
  }
}

/**
 * Reads a PDF through a tab the extension may access: the PDF the tab shows, or (`url`) a PDF on the
 * same site as the tab's page, such as a policy linked from it. Returns a token for the viewer.
 */
export async function handOffFromTab(
  tab: Browser.tabs.Tab,
  url: string | null = null,
): Promise<string | null> {
  if (tab.id === undefined) return null;
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: readPdfInTab,
      args: [url, MAX_BYTES],
    });
    const data = result?.result;
    if (typeof data !== 'string') return null;
    const token = crypto.randomUUID();
    const timer = setTimeout(() => waiting.delete(token), KEEP_MS);
    waiting.set(token, { data, timer });
    return token;
  } catch {
    return null;
  }
}

function isHandoffRequest(message: unknown): message is HandoffRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === HANDOFF_MESSAGE &&
    typeof (message as { token?: unknown }).token === 'string'
  );
}

/** Background: answers the viewer's request for handed-off bytes (each token works once). */
export function answerHandoffs(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isHandoffRequest(message)) return undefined;
    // Only our own pages may collect bytes.
    if (sender.id !== browser.runtime.id || sender.url?.startsWith(browser.runtime.getURL('/')) !== true) {
      return Promise.resolve(null);
    }
    const entry = waiting.get(message.token);
    waiting.delete(message.token);
    if (entry) clearTimeout(entry.timer);
    return Promise.resolve<HandoffReply>(entry?.data ?? null);
  });
}

/** Viewer: collects handed-off bytes, or null (then the viewer downloads the PDF itself). */
export async function collectHandoff(token: string): Promise<Uint8Array | null> {
  try {
    const data = (await browser.runtime.sendMessage({ type: HANDOFF_MESSAGE, token })) as HandoffReply;
    if (typeof data !== 'string') return null;
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
